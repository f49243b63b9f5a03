/**
 * The quantity grammar: reads one figure at a position of width-normalised text.
 *
 *   figure   := [prefix] core [suffix]
 *   core     := '百分之' num | num '分之' num ['强'|'弱'] | num [range] [余|多] [scale] [余|多] [unit]
 *   range    := ('至'|'到'|'-'|'~'|'～'|'—') num            (the unit after the second number applies to both)
 *   prefix   := 近 将近 接近 约 大约 超过 超 逾 突破 不到 不足 上(百/千/万 only)
 *   suffix   := 左右 以上 以下 | 强 弱 (percent, fraction) | 多 余 (durations and 成: 两年多, 四成多)
 *
 * It knows nothing about the text around the figure: whether a figure is a claim at all
 * (dates, names, headings) is decided in nonClaims.ts.
 */
import type { Dimension, NumberForm, Qualifier, Quantity } from '../types';
import { isCnNumeral, isDigit, isGapSpace, oneOf } from './chars';
import { arabicValue, readArabic, readChinese, type ArabicToken, type ChineseToken } from './numerals';
import { baseUnit, scaleAt, SCALE_FACTOR, unitAt, unitIsWordStart } from './units';

/** How the numeric part was written, for the context rules. */
export interface Reading {
  q: Quantity;
  /** The first number token. */
  num: ArabicToken | ChineseToken;
  /** True when a unit (or %, 成, 百分之, a fraction) was read. */
  hasUnit: boolean;
  /** True for a multiplier standing alone as the number (百, 千, 万, 万亿). */
  bareMultiplier: boolean;
  /** True for a Chinese 一 alone (一个, 一批), which is usually an article. */
  cnOne: boolean;
}

/** Prefix qualifier words, longest first. */
const PREFIXES: readonly (readonly [string, Qualifier])[] = [
  ['将近', 'under'], ['接近', 'under'], ['不到', 'under'], ['不足', 'under'], ['低于', 'under'],
  ['大约', 'about'], ['超过', 'over'], ['突破', 'over'], ['多于', 'over'], ['高于', 'over'],
  ['约', 'about'], ['近', 'under'], ['超', 'over'], ['逾', 'over'], ['上', 'over'],
];

const RANGE_SEPARATORS = '至到~～-—–－';

/** 成 is a unit only when no word starting with 成 follows (成为, 成立, 成果 …). */
const NOT_CHENG_AFTER = '为立果功本绩效员熟交长都型就份分品片';

type NumTok = ArabicToken | ChineseToken;

function readNum(s: string, i: number): NumTok | undefined {
  return isDigit(s[i]) ? readArabic(s, i) : readChinese(s, i);
}

/** Value of a number token, or undefined when the token is not a usable number. */
function tokValue(t: NumTok): number | undefined {
  if (t.kind === 'arabic') {
    const v = arabicValue(t);
    return Number.isFinite(v) && t.digits.length <= 20 ? v : undefined;
  }
  return t.shape === 'int' || t.shape === 'decimal' || t.shape === 'bare' || t.shape === 'pair' ? t.value : undefined;
}

function tokPrecision(t: NumTok): number {
  return t.kind === 'arabic' ? tenTo(-t.decimals) : t.precision;
}

/** Exact powers of ten 1e-20 … 1e20 by exponent + 20. */
const POW10: readonly number[] = Array.from({ length: 41 }, (_, k) => Number(`1e${k - 20}`));

/** 10^k for small k without float noise. */
export function tenTo(k: number): number {
  return POW10[k + 20] ?? Number(`1e${k}`);
}

/** x × 10^k without float noise (2.3 × 10^4 = 23000, not 22999.999999999996). */
function shift(x: number, k: number): number {
  if (k === 0) return x;
  if (Number.isInteger(x) && k > 0) {
    const y = x * tenTo(k);
    if (Number.isSafeInteger(y)) return y;
  }
  return Number(`${x}e${k}`);
}

/** log10 of a power of ten, or undefined. */
function pow10(f: number): number | undefined {
  if (f === 1) return 0;
  const k = Math.round(Math.log10(f));
  return POW10[k + 20] === f ? k : undefined;
}

/** x × f, exact for powers of ten. */
function times(x: number, f: number): number {
  const k = pow10(f);
  return k !== undefined ? shift(x, k) : x * f;
}

/**
 * Splits a Chinese run with a trailing scale (三万 → 三 + 万, 一万亿 → 一 + 万亿) when the
 * part before the scale is a number below 10 000 on its own.
 */
function splitCnScale(s: string, t: ChineseToken): { num: ChineseToken; scale?: string } {
  if (t.shape === 'decimal' || t.shape === 'pair') return { num: t };
  for (const w of ['万亿', '亿', '万']) {
    const k = t.end - w.length;
    if (k <= t.start || s.slice(k, t.end) !== w) continue;
    const head = readChinese(s, t.start, k);
    if (head && head.end === k && (head.shape === 'int' || head.shape === 'bare' || head.shape === 'decimal') && head.value < 1e4) {
      return { num: head, scale: w };
    }
  }
  return { num: t };
}

/** Reads a prefix qualifier ending at `i`, not before `lower`. */
function prefixAt(s: string, i: number, lower: number): { word: string; q: Qualifier } | undefined {
  for (const [w, q] of PREFIXES) {
    const k = i - w.length;
    if (k >= lower && s.startsWith(w, k)) return { word: w, q };
  }
  return undefined;
}

interface Core {
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  value: number;
  high?: number;
  precision: number;
  unit: string;
  unitText: string;
  dimension: Dimension;
  form: NumberForm;
  scaleWord?: string;
  suffixWord?: string;
  suffixQ?: Qualifier;
  hasUnit: boolean;
  num: NumTok;
  bareMultiplier: boolean;
  /** Factor from the written number to the canonical value (scale × unit). */
  factor: number;
}

/** '百分之五点七', '千分之三' at i. */
function percentWord(s: string, i: number): Core | undefined {
  const pre = s.startsWith('百分之', i) ? '百分之' : s.startsWith('千分之', i) ? '千分之' : undefined;
  if (!pre) return undefined;
  const n = readNum(s, i + 3);
  const v = n && tokValue(n);
  if (!n || v === undefined || (n.kind === 'chinese' && n.shape === 'pair')) return undefined;
  const f = pre === '百分之' ? 1 : 0.1;
  return {
    start: i, end: n.end, numberStart: n.start, numberEnd: n.end, value: times(v, f), precision: times(tokPrecision(n), f),
    unit: '%', unitText: pre, dimension: 'percent', form: n.kind === 'arabic' ? 'arabic' : 'chinese', hasUnit: true, num: n,
    bareMultiplier: false, factor: f,
  };
}

/** 'N分之M' with the denominator token already read. */
function fraction(s: string, d: NumTok): Core | undefined {
  if (!s.startsWith('分之', d.end)) return undefined;
  const dv = tokValue(d);
  const n = readNum(s, d.end + 2);
  const nv = n && tokValue(n);
  if (!n || dv === undefined || nv === undefined || !Number.isInteger(dv) || dv < 2 || nv < 0 || nv > dv) return undefined;
  if ((d.kind === 'chinese' && d.shape === 'pair') || (n.kind === 'chinese' && n.shape === 'pair')) return undefined;
  const value = (100 * nv) / dv;
  return {
    start: d.start, end: n.end, numberStart: d.start, numberEnd: n.end, value, precision: 100 / (dv * (dv + 1)),
    unit: '%', unitText: '', dimension: 'fraction', form: 'fraction', hasUnit: true, num: d, bareMultiplier: false, factor: 1,
  };
}

function isIdeograph(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '\u4e00' && ch <= '\u9fff';
}

function overWord(s: string, i: number): string | undefined {
  return s[i] === '余' || s[i] === '多' ? s[i] : undefined;
}

/** Reads number [余多] [scale] [余多] [unit] starting with the token `t`. */
function plain(s: string, t0: NumTok): Core | undefined {
  let t: NumTok = t0;
  let scale: string | undefined;
  if (t.kind === 'chinese') {
    const split = splitCnScale(s, t);
    t = split.num;
    scale = split.scale;
  }
  const v = tokValue(t);
  if (v === undefined) return undefined;
  let p = t0.end;
  let suffixWord: string | undefined;
  const unitOrScaleAt = (k: number): boolean => unitAt(s, k) !== undefined || (!scale && scaleAt(s, k) !== undefined);
  const ow = overWord(s, p);
  if (ow && unitOrScaleAt(p + 1)) {
    suffixWord = ow;
    p++;
  }
  const gap = t.kind === 'arabic' && isGapSpace(s[p]) && !isGapSpace(s[p + 1]) ? 1 : 0;
  if (!scale) {
    const u = unitAt(s, p + gap);
    const w = scaleAt(s, p + gap);
    if (w && !(u && u.length > w.length && u.startsWith(w))) {
      scale = w;
      p += gap + w.length;
    }
  }
  if (!suffixWord) {
    const ow2 = scale ? overWord(s, p) : undefined;
    if (ow2 && (unitAt(s, p + 1) !== undefined || !isIdeograph(s[p + 1]))) {
      suffixWord = ow2;
      p++;
    }
  }
  let unit: string | undefined;
  const ug = t.kind === 'arabic' && !scale && isGapSpace(s[p]) ? 1 : 0;
  const u = unitAt(s, p + ug);
  if (u && !unitIsWordStart(s, u, p + ug + u.length)) {
    const isCheng = u === '成';
    const chengOk = !scale && v <= 10 && !oneOf(NOT_CHENG_AFTER, s[p + ug + 1]) && !isDigit(s[p + ug + 1]) && !isCnNumeral(s[p + ug + 1]);
    if (!isCheng || chengOk) {
      unit = u;
      p += ug + u.length;
    }
  }
  if (!unit && !scale && !suffixWord) {
    const words = wordCount(s, t, v, p);
    if (words) return words;
  }
  const info = unit ? baseUnit(unit) : undefined;
  const scaleF = scale ? SCALE_FACTOR.get(scale) ?? 1 : 1;
  const factor = scaleF * (info?.factor ?? 1);
  const dimension: Dimension = info?.dimension ?? 'count';
  const value = times(v, factor);
  const high = t.kind === 'chinese' && t.shape === 'pair' && t.high !== undefined ? times(t.high, factor) : undefined;
  return {
    start: t0.start, end: p, numberStart: t.start, numberEnd: t.end, value, high, precision: times(tokPrecision(t), factor),
    unit: info?.canonical ?? '', unitText: (scale ?? '') + (unit ?? ''), dimension,
    form: unit === '成' ? 'cheng' : t.kind === 'arabic' ? 'arabic' : 'chinese',
    scaleWord: scale, suffixWord, suffixQ: suffixWord ? 'over' : undefined, hasUnit: unit !== undefined, num: t,
    bareMultiplier: t.kind === 'chinese' && t.shape === 'bare' && t.value >= 100,
    factor,
  };
}

/** Characters after 大 that make N大 part of a word (三大学, 五大会) rather than a count (五大科学方向). */
const NOT_AFTER_DA = '学会厦道街桥赛幅力量型批规众家方户约概都师于小多部半中气';
/** Words after N位数 that make it a growth rate (两位数增长). */
const GROWTH_AFTER_DIGITS = /^的?(增长|增速|增幅|涨幅)/;

/**
 * Counts and ranges written in words: N大 + a noun is a count of N for N from 2 to 10
 * (五大科学方向 → 5个, 六大片区; 二十大 is a congress), and 两位数/三位数 before 增长 is a growth rate of at least 10 % / 100 %
 * (value 10, qualifier over, with the step to the next order of magnitude as precision,
 * so its interval is [10, 100]).
 */
function wordCount(s: string, t: NumTok, v: number, p: number): Core | undefined {
  if (t.kind !== 'chinese' || (t.shape !== 'int' && t.shape !== 'bare')) return undefined;
  if (s[p] === '大' && v >= 2 && v <= 10 && isIdeograph(s[p + 1]) && !NOT_AFTER_DA.includes(s[p + 1])) {
    const info = baseUnit('个');
    if (!info) return undefined;
    return {
      start: t.start, end: p + 1, numberStart: t.start, numberEnd: t.end, value: v, precision: 1, unit: info.canonical, unitText: '大',
      dimension: info.dimension, form: 'chinese', hasUnit: true, num: t, bareMultiplier: false, factor: 1,
    };
  }
  if (s.startsWith('位数', p) && (v === 2 || v === 3) && GROWTH_AFTER_DIGITS.test(s.slice(p + 2, p + 5))) {
    const low = v === 2 ? 10 : 100;
    return {
      start: t.start, end: p + 2, numberStart: t.start, numberEnd: t.end, value: low, precision: 9 * low, unit: '%', unitText: '%',
      dimension: 'percent', form: 'arabic', hasUnit: true, num: t, bareMultiplier: false, factor: 1, suffixQ: 'over',
    };
  }
  return undefined;
}

/** Joins 'a至b unit': the second figure's unit (and scale) applies to the first. */
function range(s: string, a: Core): Core | undefined {
  const sep = s[a.end];
  if (sep === undefined || !RANGE_SEPARATORS.includes(sep)) return undefined;
  if ('-—–－~～'.includes(sep) && a.num.kind !== 'arabic') return undefined;
  const t = readNum(s, a.end + 1);
  if (!t || (a.num.kind === 'arabic') !== (t.kind === 'arabic')) return undefined;
  const b = plain(s, t);
  if (!b || !b.hasUnit || b.suffixWord) return undefined;
  if (a.hasUnit && a.unitText !== b.unitText) return undefined;
  if (!a.hasUnit && a.scaleWord && a.scaleWord !== b.scaleWord) return undefined;
  const own = a.hasUnit || a.scaleWord !== undefined;
  const lo = own ? a.value : times(a.value, b.factor);
  if (!(lo < b.value)) return undefined;
  return {
    ...b, start: a.start, numberStart: a.numberStart, value: lo, high: b.value,
    precision: Math.min(b.precision, own ? a.precision : times(a.precision, b.factor)),
  };
}

/** Suffix words after the unit. */
function suffixAt(s: string, c: Core): { word: string; q: Qualifier } | undefined {
  const p = c.end;
  if (s.startsWith('左右', p)) return { word: '左右', q: 'about' };
  if (s.startsWith('以上', p)) return { word: '以上', q: 'over' };
  if (s.startsWith('以下', p)) return { word: '以下', q: 'under' };
  const relative = c.dimension === 'percent' || c.dimension === 'fraction' || c.dimension === 'points';
  if (relative && s[p] === '强') return { word: '强', q: 'over' };
  if (relative && s[p] === '弱') return { word: '弱', q: 'under' };
  if ((c.dimension === 'duration' || c.unitText === '成') && !c.suffixWord && (s[p] === '多' || s[p] === '余')) return { word: s[p], q: 'over' };
  return undefined;
}

/**
 * Reads the figure whose number starts at `i` of the normalised text `s`, taking a
 * prefix qualifier from no earlier than `lower`. `orig` is the original text (same
 * offsets) that `text` is cut from. Undefined when no number starts at `i`.
 */
export function readFigure(s: string, orig: string, i: number, lower: number): Reading | { skipTo: number } | undefined {
  let core = percentWord(s, i);
  if (!core) {
    const t = readNum(s, i);
    if (!t) return undefined;
    core = fraction(s, t) ?? plain(s, t);
    if (!core) return { skipTo: Math.max(t.end, i + 1) };
    if (core.form !== 'fraction') core = range(s, core) ?? core;
  }
  const suf = suffixAt(s, core);
  let end = core.end;
  let suffixText = core.suffixWord ?? '';
  let suffixQ = core.suffixQ;
  if (suf) {
    end += suf.word.length;
    suffixText += suf.word;
    suffixQ = suffixQ && suffixQ !== suf.q ? 'about' : suf.q;
  }
  let pre = prefixAt(s, core.start, lower);
  if (pre && pre.word === '上' && !core.bareMultiplier) pre = undefined;
  const start = pre ? core.start - pre.word.length : core.start;
  let qualifier: Qualifier;
  if (pre && suffixQ) qualifier = pre.q === suffixQ ? pre.q : 'about';
  else qualifier = pre?.q ?? suffixQ ?? 'exact';
  if (core.high !== undefined) qualifier = pre?.q ?? 'exact';
  const qualifierText = (pre?.word ?? '') + suffixText || undefined;
  const q: Quantity = {
    start, end, text: orig.slice(start, end), value: core.value, unit: core.unit, unitText: core.unitText,
    dimension: core.dimension, qualifier, precision: core.precision, form: core.form,
    numberStart: core.numberStart, numberEnd: core.numberEnd,
  };
  if (core.high !== undefined) q.high = core.high;
  if (qualifierText) q.qualifierText = qualifierText;
  if (core.scaleWord) q.scaleWord = core.scaleWord;
  const num = core.num;
  const cnOne = num.kind === 'chinese' && num.shape === 'int' && num.value === 1 && num.end - num.start === 1 && !core.scaleWord;
  return { q, num, hasUnit: core.hasUnit, bareMultiplier: core.bareMultiplier, cnOne };
}
