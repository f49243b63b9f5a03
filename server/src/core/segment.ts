/**
 * Word segmentation with nodejieba. The fact base's subject names, aliases, measure
 * terms, person names and titles are added to jieba's dictionary, so 科学设施 or 兰雄景
 * come out as one word. nodejieba's dictionary is process-wide: words are only added.
 */
import * as jieba from 'nodejieba';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const inserted = new Set<string>();

/**
 * Files standing in for jieba's keyword-extraction tables (a 6 MB IDF table and the stop
 * words), which `load` reads although only `cut` is used here and cut never reads them:
 * loading one-line tables instead saves ~0.1–0.25 s of start-up and ~20 MB. Written once
 * to a temporary folder; undefined (the full tables are loaded) if that fails.
 */
function keywordStubs(): { idfDict: string; stopWordDict: string } | undefined {
  try {
    const dir = join(tmpdir(), 'factcheck-zh-jieba-stubs');
    mkdirSync(dir, { recursive: true });
    const put = (name: string, content: string): string => {
      const file = join(dir, name);
      let current: string | undefined;
      try {
        current = readFileSync(file, 'utf8');
      } catch {
        current = undefined;
      }
      if (current !== content) {
        const tmp = `${file}.${process.pid}`;
        writeFileSync(tmp, content);
        renameSync(tmp, file);
      }
      return file;
    };
    return { idfDict: put('idf.utf8', '的 1\n'), stopWordDict: put('stop_words.utf8', '的\n') };
  } catch {
    return undefined;
  }
}

let loaded = false;

/**
 * Loads jieba's dictionaries once (cut and insertWord would load them with the full
 * keyword tables). nodejieba's load always rebuilds them, so in a process that uses
 * nodejieba itself, call this before its first use.
 */
export function loadSegmenter(): void {
  ensureLoaded();
}

function ensureLoaded(): void {
  if (loaded) return;
  loaded = true;
  jieba.load(keywordStubs());
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
