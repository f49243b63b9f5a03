/**
 * The Node side of the engine: what touches the machine — files, the clock, the user's
 * cache folder, the package's own data — for the CLI and the language server, around a core that reads
 * none of it (docs/ARCHITECTURE.md). useNodeHost registers the package's data with the core.
 */
export { useNodeHost } from './host';
export { today } from './clock';
export { loadFactBase, bundledFactsDir, listFactFiles, listSourceFiles, packageRoot } from './loadFactBase';
export { cacheDir } from './cacheDir';
export { cacheWritesSettled } from './loadCache';
export { readDraft, draftText, MAX_DRAFT_BYTES } from './draftFile';
export { segmenterTables, compactDictionary, COMPACT_MIN_FREQUENCY } from './segmenterTables';
export { plannedEntries, fileEdits, baseDirOf, applyEdits, entryLine, sectionInsertion } from './suggestionFiles';
