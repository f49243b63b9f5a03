/**
 * The fact base: parse and validate fact files and sources (pure), load folders from
 * disk, coverage of the sources, and the JSON Schema of fact files.
 */
export { parseFactFile, parseYaml, MAX_FACT_FILE_BYTES, MAX_ALIAS_COUNT, SECTIONS, FactFilePositions } from './parseFactFile';
export type { ParsedFactFile, Section } from './parseFactFile';
export { parseSourceFile } from './parseSourceFile';
export type { ParsedSourceFile } from './parseSourceFile';
export { validateFactBase } from './validate';
export type { FactBaseInput, ValidationResult } from './validate';
export { loadFactBase, bundledFactsDir, packageRoot, listFactFiles, listSourceFiles } from './load';
export type { LoadOptions } from './load';
export { cacheDir, cacheWritesSettled } from './loadCache';
export { sourceCoverage, percent } from './coverage';
export type { SourceCoverage } from './coverage';
export { hasErrors, sortProblems } from './problems';
export type { Problem } from './problems';
export { factFileJsonSchema, factFileJsonSchemaText, JSON_SCHEMA_PATH } from './jsonSchema';
