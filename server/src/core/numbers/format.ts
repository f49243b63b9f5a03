/**
 * Writing a value back the way a draft writes its numbers: 2.6万名, 12155.2亿元, 九十四名,
 * 五分之一, 七成, 百分之五点七. Chinese numerals are written by the nzh library; the
 * decimals are the fewest that represent the value, without float noise.
 */
import Nzh from 'nzh';
import type { NumberForm, Qualifier, Quantity } from '../types';
import { baseUnit, SCALES, unitInfo } from './units';

/** How to write a number; styleOf(quantity) reads it off a figure. */
export interface NumberStyle {
  form: NumberForm;
  /** For 成 and 百分之: the number itself in Arabic digits (7成, 百分之5.7). */
  arabicDigits?: boolean;
  /** Full-width digits (１２３). */
  fullWidth?: boolean;
  /** Thousands separators (1,234). */
  grouped?: boolean;
  /** 余/多 after the scale word (3万余人) rather than before it (360余万人次). */
  overAfterScale?: boolean;
  /** A multiplier written alone as the number (千 in 近千间, 万亿 in 突破万亿元). */
  bare?: string;
  /** The qualifier of the model figure, to reuse its words for the same qualifier. */
  qualifier?: Qualifier;
  qualifierText?: string;
}

/** Options of formatLike / formatValue. */
export interface FormatOptions {
  /**
   * The qualifier to write: a Qualifier ('over' → the model's word when it has the same
   * qualifier, else 余 for counts, 超过 for percent and points, 强 for fractions; 'under' →
   * 近 or the model's word; 'about' → 约) or the exact word(s) to write ('近', '余', '左右').
   * Default: none (an exact value).
   */
  qualifier?: Qualifier | string;
  /** The words of the qualifier when `qualifier` is a Qualifier (an observation's '超过'). */
  qualifierText?: string;
  /** Write into this unit instead of the model's ('%' for a model in 个百分点; '亿元'). */
  unitText?: string;
}

const PREFIX_WORDS = ['将近', '接近', '不到', '不足', '低于', '大约', '超过', '突破', '多于', '高于', '约', '近', '超', '逾'];
const INNER_WORDS = ['余', '多'];
const AFTER_WORDS = ['左右', '以上', '以下', '强', '弱'];

/** The writing style of a figure. */
export function styleOf(q: Quantity): NumberStyle {
  const numText = q.text.slice(q.numberStart - q.start, q.numberEnd - q.start);
  const afterNum = q.text.slice(q.numberEnd - q.start);
  const style: NumberStyle = {
    form: q.form,
    arabicDigits: /[0-9０-９]/.test(numText),
    fullWidth: /[０-９]/.test(numText),
    grouped: /[0-9０-９][,，][0-9０-９]{3}/.test(numText),
    overAfterScale: q.scaleWord !== undefined && afterNum.startsWith(q.scaleWord) && /^[余多]/.test(afterNum.slice(q.scaleWord.length)),
    qualifier: q.qualifier,
  };
  if (q.qualifierText) style.qualifierText = q.qualifierText;
  if (/^(?:十|百|千|万|亿|万亿)$/.test(numText)) style.bare = numText;
  return style;
}

/** A number as a plain decimal string with at most 12 significant digits. */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const x = Number(n.toPrecision(12));
  const s = String(x);
  if (!/e/i.test(s)) return s;
  return x.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function group(s: string): string {
  const [int, frac] = s.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  const g = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + g + (frac !== undefined ? `.${frac}` : '');
}

function toFullWidth(s: string): string {
  return s.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** A number in Chinese numerals (九十四, 两万六千, 五点七); 2 before a counter is 两. */
export function chineseNumeral(n: number, beforeCounter = false): string {
  const s = Nzh.cn.encodeS(plainNumber(n));
  if (s === '二' && beforeCounter) return '两';
  return s.replace(/^二(?=[千万亿])/, '两');
}

function arabic(n: number, style: NumberStyle): string {
  let s = plainNumber(n);
  if (style.grouped && Math.abs(n) >= 1000) s = group(s);
  return style.fullWidth ? toFullWidth(s) : s;
}

/** The simplest n/d (d ≤ 10) equal to `percent`, if any. */
export function simpleFraction(percent: number): [number, number] | undefined {
  for (let d = 2; d <= 10; d++) {
    const n = Math.round((percent * d) / 100);
    if (n > 0 && n < d && Math.abs((100 * n) / d - percent) < 1e-6 * Math.max(1, percent)) return [n, d];
  }
  return undefined;
}

/** Splits '万人次' into scale '万' and unit '人次' ('千米' and '百分点' are units, not scales). */
export function splitScale(unitText: string): { scale: string; base: string } {
  if (baseUnit(unitText)) return { scale: '', base: unitText };
  for (const [w] of SCALES) {
    const rest = unitText.slice(w.length);
    if (unitText.startsWith(w) && (rest === '' || baseUnit(rest))) return { scale: w, base: rest };
  }
  return { scale: '', base: unitText };
}

/** Qualifier words to write, by place: before the number, after it (余), after the unit (左右). */
interface QualWords {
  prefix: string;
  inner: string;
  after: string;
}

/** Splits written qualifier words ('约', '余', '近…左右' as '近左右') by where they go. */
function placeWords(text: string): QualWords {
  const out: QualWords = { prefix: '', inner: '', after: '' };
  let rest = text;
  const pre = PREFIX_WORDS.find((w) => rest.startsWith(w));
  if (pre) {
    out.prefix = pre;
    rest = rest.slice(pre.length);
  }
  const inner = INNER_WORDS.find((w) => rest.startsWith(w));
  if (inner) {
    out.inner = inner;
    rest = rest.slice(inner.length);
  }
  const after = AFTER_WORDS.find((w) => rest === w);
  if (after) out.after = after;
  else if (rest) out.prefix += rest; // an unknown word: before the number
  return out;
}

function resolveQualifier(q: Qualifier | string | undefined, words: string | undefined, style: NumberStyle, kind: 'count' | 'relative' | 'fraction'): QualWords | undefined {
  if (q === undefined || q === 'exact') return undefined;
  if (q !== 'about' && q !== 'over' && q !== 'under') return placeWords(q);
  if (words) return placeWords(words);
  if (style.qualifier === q && style.qualifierText) return placeWords(style.qualifierText);
  if (q === 'about') return placeWords('约');
  if (q === 'under') return placeWords('近');
  return placeWords(kind === 'fraction' ? '强' : kind === 'relative' ? '超过' : '余');
}

function wrap(num: string, unit: string, qual: QualWords | undefined, scale = '', overAfterScale = false): string {
  if (!qual) return num + scale + unit;
  // 余/多 needs a unit or scale after it: a bare number is written 超过37
  if (qual.inner && !scale && !unit) qual = { ...qual, prefix: qual.prefix || '超过', inner: '' };
  const body = qual.inner ? (overAfterScale && scale ? num + scale + qual.inner + unit : num + qual.inner + scale + unit) : num + scale + unit;
  return qual.prefix + body + qual.after;
}

/**
 * Writes `value` (in the canonical unit of the dimension of `unitText`) in `unitText`
 * ('亿元', '万名', '%', '个百分点', '成', '百分之', '' for a bare number or a fraction) in
 * the given style. A fraction or 成 that the value cannot be written as exactly falls back
 * to a percentage in Arabic digits (26.5%).
 */
export function formatValue(value: number, unitText: string, style: NumberStyle | Quantity, opts: Pick<FormatOptions, 'qualifier' | 'qualifierText'> = {}): string {
  const st: NumberStyle = 'numberStart' in style ? styleOf(style) : style;
  const info = unitInfo(unitText);
  const relative = info?.dimension === 'percent' || info?.dimension === 'points';
  if (st.form === 'fraction' && (unitText === '' || unitText === '%')) {
    const f = simpleFraction(value);
    if (f) return wrap(`${chineseNumeral(f[1])}分之${chineseNumeral(f[0])}`, '', resolveQualifier(opts.qualifier, opts.qualifierText, st, 'fraction'));
    return formatValue(value, '%', { ...st, form: 'arabic' }, opts);
  }
  const kind = relative || unitText === '成' || unitText === '百分之' ? 'relative' : 'count';
  const qual = resolveQualifier(opts.qualifier, opts.qualifierText, st, kind);
  if (unitText === '成') {
    const tenths = value / 10;
    if (Number.isInteger(tenths) && tenths >= 1 && tenths <= 9) return wrap(st.arabicDigits ? String(tenths) : chineseNumeral(tenths, true), '成', qual);
    return formatValue(value, '%', { ...st, form: 'arabic' }, opts);
  }
  if (unitText === '百分之' || unitText === '千分之') {
    const n = unitText === '百分之' ? value : value * 10;
    const num = st.arabicDigits ? arabic(n, st) : chineseNumeral(n);
    return (qual?.prefix ?? '') + unitText + num + (qual?.inner ?? '') + (qual?.after ?? '');
  }
  const factor = info?.factor ?? 1;
  const n = Number((value / factor).toPrecision(12));
  const { scale, base } = splitScale(unitText);
  const counter = info?.dimension === 'count' || info?.dimension === 'duration';
  const chinese = st.form === 'chinese' || (st.form === 'cheng' && !st.arabicDigits);
  if (chinese && scale && Math.abs(n) >= 1e4) {
    // 一万万元 is not written: fold the scale into the numeral (一亿元), or use digits
    const total = value / (baseUnit(base)?.factor ?? 1);
    if (Math.abs(total) < 1e16) return wrap(chineseNumeral(total), base, qual);
    return wrap(arabic(n, st), base, qual, scale, st.overAfterScale);
  }
  let num = chinese ? chineseNumeral(n, counter && scale === '') : arabic(n, st);
  if (st.bare && num === `一${st.bare}`) num = st.bare;
  return wrap(num, base, qual, scale, st.overAfterScale);
}

/**
 * Writes `value` (canonical unit of `like`'s dimension) the way `like` is written: same
 * unit and scale, same numerals (2.6万名 & 26000 → 2.6万名; 九十三名 & 94 → 九十四名;
 * 三分之一 & 20 → 五分之一; 近七成 & 70 → 七成). The qualifier is not copied: pass
 * opts.qualifier to write one. opts.unitText writes into another unit (56.5个百分点 with
 * '%' → 56.5%).
 */
export function formatLike(value: number, like: Quantity, opts: FormatOptions = {}): string {
  const style = styleOf(like);
  let unitText = opts.unitText ?? like.unitText;
  if (opts.unitText !== undefined && opts.unitText !== like.unitText) {
    if (style.form === 'cheng' && opts.unitText !== '成') style.form = style.arabicDigits ? 'arabic' : 'chinese';
    if (style.form === 'fraction' && opts.unitText !== '') style.form = 'arabic';
    if (opts.unitText === '成') style.form = 'cheng';
    if (opts.unitText === '%' || opts.unitText === '个百分点') style.form = style.arabicDigits || like.form === 'fraction' || like.form === 'cheng' ? 'arabic' : style.form;
    style.overAfterScale = false;
  }
  if (like.form === 'fraction' && opts.unitText === undefined) unitText = '';
  return formatValue(value, unitText, style, { qualifier: opts.qualifier, qualifierText: opts.qualifierText });
}
