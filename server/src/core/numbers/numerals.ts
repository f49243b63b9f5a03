/**
 * Numerals: reading one Arabic number (1,234.5 — digits already half-width) or one run of
 * Chinese numerals (三十七, 两万六千, 一百零五, 五点七, 千) at a position, with its value
 * and the step of its last written digit. The Chinese reader is a small grammar of place
 * values (sections below 万, then 万 and 亿 groups) that rejects malformed runs (十四五,
 * 一二三); writing numerals back is left to the nzh library (format.ts). Reading is linear
 * in the length of the run.
 */
import { CN_DIGITS, isCnNumeral, isDigit } from './chars';

/** An Arabic number as written. */
export interface ArabicToken {
  kind: 'arabic';
  start: number;
  end: number;
  /** Digits without separators, with the decimal point if any ('12907.1'). */
  digits: string;
  /** Number of digits after the decimal point. */
  decimals: number;
  /** True when thousands separators were used (1,234). */
  grouped: boolean;
  /** True when the integer part has a leading zero (07) or a second dot follows (1.2.3). */
  odd: boolean;
}

/** A run of Chinese numerals as read. */
export interface ChineseToken {
  kind: 'chinese';
  start: number;
  end: number;
  /**
   * int: a well-formed integer (三十七); decimal: 五点七; bare: a multiplier alone (千, 万亿);
   * digits: a digit string (二〇二三, 一零一); pair: two neighbouring digits (两三, 三四);
   * invalid: anything else (十四五, 一二三).
   */
  shape: 'int' | 'decimal' | 'bare' | 'digits' | 'pair' | 'invalid';
  value: number;
  /** Step of the last written digit (两万六千 → 1000, 五点七 → 0.1). */
  precision: number;
  /** Second value of a pair (两三 → 3). */
  high?: number;
}

/** Longest Chinese numeral run considered; longer runs are never numbers. */
const MAX_CN_RUN = 32;

/**
 * Reads an Arabic number at `i` of the width-normalised text `s`. A ',' or '，' is a
 * thousands separator only after a first group of 1–3 digits and before exactly three
 * digits that no further digit follows (so '1474家,其中' and '30个和16个' are safe).
 */
export function readArabic(s: string, i: number): ArabicToken | undefined {
  if (!isDigit(s[i])) return undefined;
  let j = i;
  while (isDigit(s[j])) j++;
  let digits = s.slice(i, j);
  let grouped = false;
  if (j - i <= 3) {
    for (;;) {
      const sep = s[j];
      if ((sep === ',' || sep === '，') && isDigit(s[j + 1]) && isDigit(s[j + 2]) && isDigit(s[j + 3]) && !isDigit(s[j + 4])) {
        digits += s.slice(j + 1, j + 4);
        j += 4;
        grouped = true;
      } else break;
    }
  }
  let decimals = 0;
  let odd = digits.length > 1 && digits[0] === '0';
  if (s[j] === '.' && isDigit(s[j + 1])) {
    let k = j + 1;
    while (isDigit(s[k])) k++;
    decimals = k - j - 1;
    digits += s.slice(j, k);
    j = k;
    if (s[j] === '.' && isDigit(s[j + 1])) odd = true;
  }
  return { kind: 'arabic', start: i, end: j, digits, decimals, grouped, odd };
}

/** Numeric value of an Arabic token, correctly rounded from its decimal digits. */
export function arabicValue(t: ArabicToken): number {
  return Number(t.digits);
}

const PLACE: ReadonlyMap<string, number> = new Map([['十', 10], ['百', 100], ['千', 1000]]);

interface Section {
  end: number;
  value: number;
  /** Place of the last digit, 0 for an empty section. */
  last: number;
}

/** Reads a section below 万 (一千零五, 三十七, 十二, 一百五 = 150) of `r` from `i`. */
function section(r: string, i: number): Section {
  let j = i;
  let value = 0;
  let last = 0;
  let prev = 10000;
  for (;;) {
    let k = j;
    const zero = r[k] === '零' && last > 0;
    if (zero) k++;
    const d = CN_DIGITS.get(r[k] ?? '');
    if (d !== undefined && d > 0) k++;
    const m = PLACE.get(r[k] ?? '');
    if (m !== undefined && m < prev && (d !== undefined ? d > 0 : m === 10 && last === 0)) {
      value += (d ?? 1) * m;
      last = m;
      prev = m;
      j = k + 1;
      continue;
    }
    if (d !== undefined && d > 0) {
      // 一百五 = 150, 三千五 = 3500 (a bare digit right after 百/千 without 零)
      const place = !zero && last >= 100 ? last / 10 : 1;
      if (place >= prev) break;
      value += d * place;
      last = place;
      j = k;
    }
    break;
  }
  return { end: j, value, last };
}

interface IntRead {
  value: number;
  precision: number;
}

/** Parses the whole of `r` (两→二 and 〇→零 already mapped) as a Chinese integer. */
function chineseInteger(r: string): IntRead | undefined {
  if (r === '零') return { value: 0, precision: 1 };
  let pos = 0;
  let total: number;
  let precision: number;
  // up to two levels: [wan-part 亿] [section 万] [section]
  const wanPart = (from: number): { end: number; value: number; last: number } | undefined => {
    const hi = section(r, from);
    if (r[hi.end] !== '万') return hi.last > 0 ? hi : undefined;
    if (hi.last === 0) return undefined;
    let j = hi.end + 1;
    const zero = r[j] === '零';
    if (zero) j++;
    const lo = section(r, j);
    if (lo.last === 0) {
      if (zero) return undefined;
      return { end: hi.end + 1, value: hi.value * 1e4, last: hi.last * 1e4 };
    }
    // 两万六 = 26000: a single bare digit right after 万
    if (!zero && lo.last === 1 && lo.end === j + 1 && lo.end === r.length) {
      return { end: lo.end, value: hi.value * 1e4 + lo.value * 1000, last: 1000 };
    }
    if (!zero && lo.value < 1000 && lo.last < 1000) return undefined; // 一万五十 is malformed
    return { end: lo.end, value: hi.value * 1e4 + lo.value, last: lo.last };
  };
  const first = wanPart(pos);
  if (!first) return undefined;
  pos = first.end;
  if (r[pos] === '亿') {
    total = first.value * 1e8;
    precision = first.last * 1e8;
    pos++;
    if (pos < r.length) {
      const zero = r[pos] === '零';
      if (zero) pos++;
      const rest = wanPart(pos);
      if (!rest) return undefined;
      total += rest.value;
      precision = rest.last;
      pos = rest.end;
    }
  } else {
    total = first.value;
    precision = first.last;
  }
  return pos === r.length ? { value: total, precision } : undefined;
}

const BARE: ReadonlyMap<string, number> = new Map([
  ['十', 10], ['百', 100], ['千', 1000], ['万', 1e4], ['十万', 1e5], ['百万', 1e6], ['千万', 1e7],
  ['亿', 1e8], ['万亿', 1e12],
]);

/**
 * Reads the maximal run of Chinese numerals at `i` (up to `limit`); after 点 only digits
 * follow (五点七), so a scale word after a decimal (二点六万) is left for the grammar.
 */
export function readChinese(s: string, i: number, limit = s.length): ChineseToken | undefined {
  if (i >= limit || !isCnNumeral(s[i])) return undefined;
  let j = i;
  let dot = -1;
  while (j < limit) {
    if (dot < 0 ? isCnNumeral(s[j]) : CN_DIGITS.has(s[j])) j++;
    else if (s[j] === '点' && dot < 0 && CN_DIGITS.has(s[j + 1] ?? '')) {
      dot = j;
      j++;
    } else break;
  }
  const tok: ChineseToken = { kind: 'chinese', start: i, end: j, shape: 'invalid', value: NaN, precision: NaN };
  if (j - i > MAX_CN_RUN) return tok;
  const r = s.slice(i, j).replace(/两/g, '二').replace(/〇/g, '零');
  Object.assign(tok, classify(r, dot < 0 ? -1 : dot - i));
  return tok;
}

function classify(r: string, dot: number): Pick<ChineseToken, 'shape' | 'value' | 'precision' | 'high'> {
  const invalid = { shape: 'invalid' as const, value: NaN, precision: NaN };
  if (dot >= 0) {
    const whole = chineseInteger(r.slice(0, dot));
    const frac = r.slice(dot + 1);
    if (!whole || frac.length === 0) return invalid;
    let digits = '';
    for (const ch of frac) {
      const d = CN_DIGITS.get(ch);
      if (d === undefined) return invalid;
      digits += String(d);
    }
    return { shape: 'decimal', value: Number(`${whole.value}.${digits}`), precision: Number(`1e-${digits.length}`) };
  }
  const bare = BARE.get(r);
  if (bare !== undefined) return { shape: 'bare', value: bare, precision: bare };
  const int = chineseInteger(r);
  if (int) return { shape: 'int', value: int.value, precision: int.precision };
  let allDigits = r.length >= 2;
  let digits = '';
  for (const ch of r) {
    const d = CN_DIGITS.get(ch);
    if (d === undefined) {
      allDigits = false;
      break;
    }
    digits += String(d);
  }
  if (!allDigits) return invalid;
  if (r.length === 2 && Number(digits[1]) === Number(digits[0]) + 1 && digits[0] !== '0') {
    return { shape: 'pair', value: Number(digits[0]), high: Number(digits[1]), precision: 1 };
  }
  return { shape: 'digits', value: Number(digits), precision: 1 };
}
