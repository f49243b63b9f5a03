/**
 * The fact base: parse and validate fact files and sources (pure; node/loadFactBase.ts
 * reads the folders from disk), coverage of the sources, and the JSON Schema of fact files.
 */
export { parseFactFile, parseYaml, MAX_FACT_FILE_BYTES, SECTIONS } from './parseFactFile';
export type { ParsedFactFile } from './parseFactFile';
export { parseSourceFile } from './parseSourceFile';
export type { ValidationResult } from './validate';
export { percent } from './coverage';
export type { SourceCoverage } from './coverage';
export { hasErrors } from './problems';
export type { Problem } from './problems';
export { factFileJsonSchemaText, JSON_SCHEMA_PATH } from './jsonSchema';
