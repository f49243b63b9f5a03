/**
 * The dictionary files jieba is loaded with. nodejieba's `load` builds its dictionary trie
 * twice (once for the segmenter, once for the TextRank extractor, in one native call) and
 * reads an IDF table only keyword extraction uses; with the full 349,000-word
 * dictionary that is a long pause and a large part of the server's memory at start
 * (BENCHMARKS.md). The engine uses only `cut`, so it loads:
 * - a compact dictionary: the entries of nodejieba's own dictionary with a frequency of at
 *   least COMPACT_MIN_FREQUENCY (~36,000 of 349,000 words; tries a fraction of the size
 *   even of jieba upstream's small-dictionary cut of 10). Rarer compounds (怀柔区,
 *   科技成果) come out as their parts, identically in drafts and in quotes, and the fact
 *   base's own names and terms are added as words whatever their frequency (core/match/segment.ts).
 *   Words only feed the quote-similarity score, and every cut from 10 to 5,000 gave
 *   byte-identical results on the accuracy drafts, fixtures and sources (BENCHMARKS.md);
 *   100 keeps the common words whole (稳步, 推进, 各项);
 * - one-line stand-ins for the keyword tables, which `cut` never reads.
 * The files are derived once into a folder of the user's own under the system's temporary
 * directory (not writable by others), named after nodejieba's version and the
 * dictionary's size (its modification time when the version is unknown): installing or
 * updating the extension extracts the dictionary afresh, and the same dictionary must not
 * be derived again, on the first start's critical path, into yet another file. If that
 * fails, the full tables are used.
 */
import { lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SegmenterTables } from '../core';

/** Dictionary entries rarer than this (jieba's frequency column) are left out. */
export const COMPACT_MIN_FREQUENCY = 100;

/** Keeps the lines of a jieba dictionary (`word frequency [tag]`) whose frequency is at least `min`. */
export function compactDictionary(full: string, min: number): string {
  const kept: string[] = [];
  for (const line of full.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length >= 2 && Number(fields[1]) >= min) kept.push(line.trim());
  }
  return kept.join('\n') + '\n';
}

/** Writes `content` to `file` unless it already holds it (atomically, through a rename). */
function put(file: string, content: () => string): string {
  let exists: boolean;
  try {
    exists = statSync(file).isFile();
  } catch {
    exists = false;
  }
  if (!exists) {
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, content());
    renameSync(tmp, file);
  }
  return file;
}

/**
 * The tables to load jieba with, derived from nodejieba's dictionary at `fullDict`
 * (written once; later calls only check that the files exist). `version` is nodejieba's:
 * the dictionary it ships is the same for a version, whatever the file's time. Returns
 * {} — the full tables — if the files cannot be written.
 */
export function segmenterTables(fullDict: string, version?: string): SegmenterTables {
  try {
    const uid = process.getuid?.();
    const dir = join(tmpdir(), `factcheck-zh-jieba-${uid ?? 'user'}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const own = lstatSync(dir); // a link is refused: the folder itself must be the user's
    if (!own.isDirectory() || (uid !== undefined && (own.uid !== uid || (own.mode & 0o022) !== 0))) return {};
    const st = statSync(fullDict);
    const safe = version && /^[\w.+-]+$/.test(version) ? version : undefined;
    const name = safe ? `dict-f${COMPACT_MIN_FREQUENCY}-v${safe}-${st.size}.utf8` : `dict-f${COMPACT_MIN_FREQUENCY}-${st.size}-${Math.floor(st.mtimeMs)}.utf8`;
    return {
      dict: put(join(dir, name), () => compactDictionary(readFileSync(fullDict, 'utf8'), COMPACT_MIN_FREQUENCY)),
      idfDict: put(join(dir, 'idf.utf8'), () => '的 1\n'),
      stopWordDict: put(join(dir, 'stop_words.utf8'), () => '的\n'),
    };
  } catch {
    return {};
  }
}
