/**
 * Word segmentation with nodejieba. The fact base's subject names, aliases, measure
 * terms, person names and titles are added to jieba's dictionary, so 科学设施 or 兰雄景
 * come out as one word. nodejieba's dictionary is process-wide: words are only added.
 */
import * as jieba from 'nodejieba';
import { version as jiebaVersion } from 'nodejieba/package.json';
import { segmenterTables } from './segmenterTables';

const inserted = new Set<string>();

let loaded = false;

/**
 * Loads jieba's dictionaries once: the compact dictionary and no keyword tables
 * (segmenterTables.ts; cut and insertWord would load the full ones). nodejieba's load always rebuilds them, so in a process that uses
 * nodejieba itself, call this before its first use.
 */
export function loadSegmenter(): void {
  ensureLoaded();
}

function ensureLoaded(): void {
  if (loaded) return;
  loaded = true;
  // nodejieba exports its dictionary's path at run time, though its typings leave it out.
  const fullDict = (jieba as { DEFAULT_DICT?: unknown }).DEFAULT_DICT;
  jieba.load(typeof fullDict === 'string' ? segmenterTables(fullDict, jiebaVersion) : {});
}

/** Arrays of words added in full, with their length then: a fact index's dictionary is added before every check. */
const addedArrays = new WeakMap<readonly string[], number>();

/** Adds words to the segmenter's dictionary (idempotent; an array already added, and not grown since, costs a lookup). */
export function addWords(words: Iterable<string>): void {
  const array = Array.isArray(words) ? (words as readonly string[]) : undefined;
  if (array && addedArrays.get(array) === array.length) return;
  ensureLoaded();
  let added = false;
  for (const w of words) {
    if (inserted.has(w)) continue;
    inserted.add(w);
    jieba.insertWord(w);
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
    ensureLoaded();
    out = jieba.cut(text).filter((w) => /[\p{L}\p{N}]/u.test(w));
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
    ensureLoaded();
    out = jieba.tag(text).filter((w) => /[\p{L}\p{N}]/u.test(w.word));
    if (tagCache.size > 20000) tagCache.clear();
    tagCache.set(text, out);
  }
  return out;
}
