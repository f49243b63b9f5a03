/**
 * Character classes of the number grammar, and the width normalisation it runs on.
 * Normalising keeps every UTF-16 offset: each full-width character maps to exactly one
 * half-width character, so offsets into the normalised text are offsets into the original.
 */

/** Chinese digits 0–9, with both spellings of 0 and 两 for 2. */
export const CN_DIGITS: ReadonlyMap<string, number> = new Map([
  ['零', 0], ['〇', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4],
  ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
]);

/** Chinese multipliers inside a numeral. 万 and 亿 also act as scale words before a unit. */
export const CN_MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['十', 10], ['百', 100], ['千', 1000], ['万', 1e4], ['亿', 1e8],
]);

/**
 * Returns `text` with full-width digits, '．', '％', '，' between digits left alone, and
 * full-width Latin letters mapped to their ASCII forms; same length as `text`.
 */
export function normalizeWidth(text: string): string {
  // FF10–FF19 digits, FF21–FF3A / FF41–FF5A letters, FF0E '．', FF05 '％', FF0B '＋', FF0D '－', FF0F '／' (元／人)
  const wide = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0e\uff05\uff0b\uff0d\uff0f]/g;
  return text.replace(wide, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** An ASCII digit. */
export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** An ASCII Latin letter. */
export function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

/** Lookup table by UTF-16 code unit: 1 for a Chinese digit or multiplier (for scanners that dispatch on code units). */
export const CN_NUMERAL_CODES = new Uint8Array(0x10000);
for (const ch of [...CN_DIGITS.keys(), ...CN_MULTIPLIERS.keys()]) CN_NUMERAL_CODES[ch.charCodeAt(0)] = 1;

/** A Chinese digit or multiplier (零〇一二两三四五六七八九十百千万亿). */
export function isCnNumeral(ch: string | undefined): boolean {
  return ch !== undefined && CN_NUMERAL_CODES[ch.charCodeAt(0)] === 1;
}

/** A character that can begin a number: an ASCII digit or a Chinese numeral. */
export function startsNumber(ch: string | undefined): boolean {
  return isDigit(ch) || isCnNumeral(ch);
}

/** Line breaks end every construction of the grammar. */
export function isLineBreak(ch: string | undefined): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029';
}

/** Horizontal white space allowed between a number and its unit ('2.3 万人', '5.7 %'). */
export function isGapSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\u00a0' || ch === '\u2009' || ch === '\u202f';
}

/** Opening and closing quotation marks that enclose names (“十四五”, ‘123’, 「…」). */
export const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』'], ['"', '"'],
]);

/** Clause punctuation: a quoted span that contains one is speech, not a name. */
export function isClausePunct(ch: string | undefined): boolean {
  return ch !== undefined && '。，；！？,;!?：:'.includes(ch);
}

/** True when `ch` is one of the characters of `set` (false for undefined, unlike includes('')). */
export function oneOf(set: string, ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && set.includes(ch);
}

/**
 * A set of characters as a table by UTF-16 code unit (1 for each string's first code
 * unit): a test in a scanner's hot loop without a Map or Set look-up.
 */
export function codeUnitSet(chars: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) if (c.length) table[c.charCodeAt(0)] = 1;
  return table;
}

/**
 * A search for the next character of a set: `next(s, from)` is the first index ≥ from
 * whose character is in `chars`, or s.length. The scanners' loops skip, through a table
 * of UTF-16 code units, the characters that cannot start anything they read.
 */
export function charFinder(chars: Iterable<string>): (s: string, from: number) => number {
  const table = codeUnitSet(chars);
  return (s, from) => {
    let i = from;
    while (i < s.length && table[s.charCodeAt(i)] === 0) i++;
    return i;
  };
}

/** The next line break or character that can begin a number (see startsNumber). */
export const nextNumberOrBreak = charFinder(['\n', '\r', '\u2028', '\u2029', ...'0123456789', ...CN_DIGITS.keys(), ...CN_MULTIPLIERS.keys()]);
