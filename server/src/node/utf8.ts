/**
 * Decoding files as UTF-8 without silently turning bad bytes into U+FFFD: the text, or
 * where the first byte that is not UTF-8 stands (line and UTF-16 column, 0-based).
 */
import { isUtf8 } from 'node:buffer';

/** Text of valid UTF-8 bytes, or the position of the first invalid byte (the text then holds U+FFFD there). */
export interface Decoded {
  text: string;
  /** Set when the bytes are not valid UTF-8. */
  badAt?: { line: number; column: number };
}

/** Decodes bytes as UTF-8 and, when they are not valid UTF-8, finds the first bad byte. */
export function decodeUtf8(bytes: Buffer): Decoded {
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { text };
  // Before the first bad byte the decoding is exact, so the first U+FFFD that the bytes do not spell out (EF BF BD) is it.
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) {
    const offset = Buffer.byteLength(text.slice(0, i));
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      let line = 0;
      for (let k = text.indexOf('\n'); k >= 0 && k < i; k = text.indexOf('\n', k + 1)) line++;
      return { text, badAt: { line, column: i - (text.lastIndexOf('\n', i - 1) + 1) } };
    }
  }
  return { text, badAt: { line: 0, column: 0 } };
}
