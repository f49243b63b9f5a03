/**
 * Word segmentation with nodejieba. The fact base's subject names, aliases, measure
 * terms, person names and titles are added to jieba's dictionary, so 科学设施 or 兰雄景
 * come out as one word. nodejieba's dictionary is process-wide: words are only added.
 */
import * as jieba from 'nodejieba';
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
  jieba.load(typeof fullDict === 'string' ? segmenterTables(fullDict) : {});
}

/** Adds words to the segmenter's dictionary (idempotent). */
export function addWords(words: Iterable<string>): void {
  ensureLoaded();
  let added = false;
  for (const w of words) {
    if (inserted.has(w)) continue;
    inserted.add(w);
    jieba.insertWord(w);
    added = true;
  }
  if (added) cache.clear();
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
