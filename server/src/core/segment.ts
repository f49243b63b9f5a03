/**
 * Word segmentation with nodejieba. The fact base's subject names, aliases, measure
 * terms, person names and titles are added to jieba's dictionary, so 科学设施 or 兰雄景
 * come out as one word. nodejieba's dictionary is process-wide: words are only added.
 */
import * as jieba from 'nodejieba';

const inserted = new Set<string>();

/** Adds words to the segmenter's dictionary (idempotent). */
export function addWords(words: Iterable<string>): void {
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
    out = jieba.cut(text).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (cache.size > 20000) cache.clear();
    cache.set(text, out);
  }
  return out;
}
