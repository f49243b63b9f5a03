/**
 * Reading draft files (the CLI's `check`, the server's drafts on disk) so that one bad
 * file does not stop a run: a file that is too large, binary, UTF-16 or not UTF-8 is
 * skipped with a warning; a file that cannot be read (gone since the folder was listed,
 * a folder, no permission) is an error that still lets the other drafts be checked. Each
 * file is read once, so a file changed during a run is checked as it was read.
 */
import * as fs from 'node:fs';
import { decodeUtf8 } from './utf8';

/** Drafts larger than this are skipped: checking one would take minutes (BENCHMARKS.md gives the engine's throughput). */
export const MAX_DRAFT_BYTES = 10 * 1024 * 1024;

/** A draft's text, or why it is skipped (a warning) or could not be read (an error). */
export type DraftRead = { text: string } | { skipped: string } | { error: string };

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Why bytes are not a draft to check, or their text. */
export function draftText(bytes: Buffer): DraftRead {
  if (bytes.length > MAX_DRAFT_BYTES) return { skipped: `it is ${mb(bytes.length)}; drafts over ${mb(MAX_DRAFT_BYTES)} are not checked` };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { skipped: 'it is UTF-16 text: save it as UTF-8' };
  if (bytes.subarray(0, 8000).includes(0)) return { skipped: 'it looks binary (it holds NUL bytes), not a text draft' };
  const { text, badAt } = decodeUtf8(bytes);
  if (badAt) return { skipped: `it is not UTF-8 text (line ${badAt.line + 1}, column ${badAt.column + 1} holds a byte that is not UTF-8): save it as UTF-8` };
  return { text };
}

/** Reads one draft file (see the file header). */
export function readDraft(file: string): DraftRead {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_DRAFT_BYTES) return { skipped: `it is ${mb(size)}; drafts over ${mb(MAX_DRAFT_BYTES)} are not checked` };
    return draftText(fs.readFileSync(file));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { error: 'cannot read it: the file no longer exists (deleted or moved during the run?)' };
    if (err.code === 'EISDIR') return { error: 'cannot read it: it is a folder' };
    return { error: `cannot read it: ${err.message}` };
  }
}
