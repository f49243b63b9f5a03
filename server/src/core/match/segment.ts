/**
 * Word segmentation with nodejieba. The fact base's subject names, aliases, measure
 * terms, person names and titles are added to jieba's dictionary, so 科学设施 or 兰雄景
 * come out as one word. nodejieba's dictionary is process-wide: words are only added.
 */
import type * as Jieba from 'nodejieba';

const inserted = new Set<string>();

/** nodejieba, loaded on first use: a thread that only loads fact bases (the server's loading thread) never loads the native module. */
let jieba: typeof Jieba | undefined;

/** Paths handed to nodejieba's `load` (absent keys: nodejieba's defaults). */
export interface SegmenterTables {
  dict?: string;
  idfDict?: string;
  stopWordDict?: string;
}

/** Gives the tables to load jieba with, from nodejieba's own dictionary file and version; set by the host. */
let tablesFor: ((fullDict: string, version?: string) => SegmenterTables) | undefined;

/**
 * Registers where jieba's dictionary files come from (the core writes no files: the host
 * derives the compact dictionary, node/segmenterTables.ts, registered by node/host.ts).
 * Without it jieba loads its full tables. Takes effect at the first load.
 */
export function setSegmenterTables(tables: (fullDict: string, version?: string) => SegmenterTables): void {
  tablesFor = tables;
}

/**
 * Loads jieba's dictionaries once: the tables the host gives (a compact dictionary and no
 * keyword tables: cut and insertWord would load the full ones). nodejieba's load always rebuilds them, so in a process that uses
 * nodejieba itself, call this before its first use.
 */
export function loadSegmenter(): void {
  ensureLoaded();
}

function ensureLoaded(): typeof Jieba {
  if (jieba) return jieba;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  const j = (jieba = require('nodejieba') as typeof Jieba);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- its version names the compact dictionary derived from it
  const { version } = require('nodejieba/package.json') as { version?: string };
  // nodejieba exports its dictionary's path at run time, though its typings leave it out.
  const fullDict = (j as { DEFAULT_DICT?: unknown }).DEFAULT_DICT;
  j.load(typeof fullDict === 'string' && tablesFor ? tablesFor(fullDict, version) : {});
  return j;
}

/** Arrays of words added in full, with their length then: a fact index's dictionary is added before every check. */
const addedArrays = new WeakMap<readonly string[], number>();

/** Adds words to the segmenter's dictionary (idempotent; an array already added, and not grown since, costs a lookup). */
export function addWords(words: Iterable<string>): void {
  const array = Array.isArray(words) ? (words as readonly string[]) : undefined;
  if (array && addedArrays.get(array) === array.length) return;
  const j = ensureLoaded();
  let added = false;
  for (const w of words) {
    if (inserted.has(w)) continue;
    inserted.add(w);
    j.insertWord(w);
    added = true;
  }
  if (added) {
    cache.clear();
    tagCache.clear();
  }
  if (array) addedArrays.set(array, array.length);
}

const cache = new Map<string, string[]>();

/** Segments a short text into words (punctuation and spaces dropped). Results are cached. */
export function words(text: string): string[] {
  let out = cache.get(text);
  if (!out) {
    out = ensureLoaded().cut(text).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (cache.size > 20000) cache.clear();
    cache.set(text, out);
  }
  return out;
}

const tagCache = new Map<string, { word: string; tag: string }[]>();

/** Segments a short text into words with jieba's part-of-speech tags (punctuation and spaces dropped). Results are cached. */
export function tagWords(text: string): { word: string; tag: string }[] {
  let out = tagCache.get(text);
  if (!out) {
    out = ensureLoaded().tag(text).filter((w) => /[\p{L}\p{N}]/u.test(w.word));
    if (tagCache.size > 20000) tagCache.clear();
    tagCache.set(text, out);
  }
  return out;
}
