/**
 * Size limits of fact-base files, apart from the parsers so that loading from the cache
 * (load.ts) does not load them.
 */

/** Fact files larger than this are rejected before parsing. */
export const MAX_FACT_FILE_BYTES = 10 * 1024 * 1024;
/** At most this many alias dereferences per file (guards against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
