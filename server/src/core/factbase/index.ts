/**
 * The fact base: parse and validate fact files and sources (pure; node/loadFactBase.ts
 * reads the folders from disk), coverage of the sources, and the JSON Schema of fact files.
 */
export { figureSpans, percent, type InventoryItem, type SourceCoverage } from './coverage';
export { EntryPositions } from './entryPositions';
export { SECTIONS } from './factFilePositions';
export { fastFactFile, fastFlatMapping } from './fastParse';
export { JSON_SCHEMA_PATH, factFileJsonSchemaText } from './jsonSchema';
export { MAX_FACT_FILE_BYTES } from './limits';
export type { LoadedFile } from './parseAndValidate';
export { parseYaml, parseFactFile, type ParsedFactFile } from './parseFactFile';
export { parseSourceFile } from './parseSourceFile';
export { problemAt, sortProblems, hasErrors, type Problem } from './problems';
export { unitSchema, factFileSchema, importMetaSchema, type ImportMeta } from './schema';
export type { ValidationResult } from './validate';
export { YamlPositions } from './yamlPositions';
