/**
 * The checking core's one entry: a draft's text and a fact base in, claims and findings
 * out (checkText), and what the CLI, the language server and the Node side need around
 * it. Pure: it reads no files and imports no Node built-in; what it needs of the machine
 * (the bundled units table, the segmenter's dictionary) is registered at start
 * (node/host.ts). The stages, each a folder whose index.ts is its public face, depend one
 * way: numbers → statements, factbase, factIndex → draft → match → judge → incremental →
 * check (docs/ARCHITECTURE.md).
 */
export type * from './types';

// Checking a draft, once or incrementally (one memo per open document).
export { checkText, checkSteps, prepareSteps } from './check';
export { CheckMemo } from './incremental';

// Positions, and the disable comments and allowlist a writer suppresses claims with.
export { LineIndex, type Range } from './util';
export { ALLOW_FILE_NAME, parseAllowFile, lineText, DISABLE_NEXT_LINE_MARKDOWN, DISABLE_NEXT_LINE_PLAIN, CITATION_FOOTNOTE_LINE, describePeriod, readFrontMatter, type AllowEntry } from './draft';

// What the host registers (node/host.ts), and the scanner the CLI's explain reads with.
export { setBundledUnits, UnitTable, scanQuantities } from './numbers';
export { loadSegmenter, setSegmenterTables, type SegmenterTables } from './match';

// The fact base: problems, coverage, the schemas.
export { hasErrors, percent, problemAt, sortProblems, MAX_FACT_FILE_BYTES, unitSchema, importMetaSchema, factFileJsonSchemaText, JSON_SCHEMA_PATH } from './factbase';
export type { Problem, ImportMeta, SourceCoverage, InventoryItem, ValidationResult, LoadedFile } from './factbase';

// Sources (factcheck facts import) and suggestions (factcheck facts suggest, the editor's source documents).
export { importSource, importLeftovers, normalizeBody, type Leftover } from './sources';
export { suggestSource, compareWithCurated, suggestionJson, entryYaml, measureEntry, subjectEntry, suggestionEntry } from './suggest';
export type { Entry, EntrySection, SourceSuggestions, Suggestion } from './suggest';
