/**
 * The text a quick fix writes: a source's figure rendered for a draft. Value, scale word,
 * unit and qualifier come from the source's figure as one whole; the draft gives only its
 * number style — Arabic or Chinese numerals (full width, grouped), 成, a fraction or
 * 百分之 where that writes the source's value exactly, and its own scale word (万, 亿) where
 * writing the value in it keeps the source's own digits without adding zeros (26000人 →
 * 2.6万人, 12155.2亿元 → 1.21552万亿元, but never 10000亿元 for 万亿元 or 12900亿元 for
 * 1.29万亿元). Nothing is spliced from the
 * draft's text: the draft's unit (万平方米 for 平方公里, % for 个百分点) is never kept.
 */
import type { Quantity } from '../types';
import { formatValue, plainNumber, simpleFraction, splitScale, styleOf, type NumberStyle } from './format';
import { unitInfo } from './units';

/** Options of renderFigure. */
export interface RenderOptions {
  /** Write the source's qualifier (约, 近, 余, 超过…); default true. */
  qualifier?: boolean;
}

const RANGE_SEP = /至|到|～|~|—|-/;
/** Qualifier words that only follow a fraction or 成 (四分之一强, 七成弱). */
const AFTER_FRACTION = /^(强|弱)$/;

/** The number as written, without qualifier and unit. */
function numberText(q: Quantity): string {
  return q.text.slice(q.numberStart - q.start, q.numberEnd - q.start);
}

/** A number's significant digits: without sign, point, leading and trailing zeros (12155.2 and 1.21552 → 121552; 26000 and 2.6 → 26). */
function digits(n: number): string {
  return plainNumber(n).replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '');
}

/** Zeros ending a whole number as written (26000 → 3; 2.6 → 0): what a smaller scale adds (万亿 → 10000亿). */
function trailingZeros(n: number): number {
  const s = plainNumber(n);
  return s.includes('.') ? 0 : s.length - s.replace(/0+$/, '').length;
}

const relative = (q: Quantity) => q.dimension === 'percent' || q.dimension === 'fraction';

/** The numeral style of the draft applied to the source's figure (the source's own words kept: 余 after 万, 万亿 written bare). */
function styleFor(src: Quantity, like: Quantity): NumberStyle {
  const s = styleOf(src);
  const l = styleOf(like);
  if (s.bare) return s; // 突破万亿元, 近千间: a multiplier written as a word
  let form: NumberStyle['form'] = like.form === 'arabic' || like.form === 'chinese' ? like.form : l.arabicDigits ? 'arabic' : 'chinese';
  // Chinese numerals stop below 一亿亿 (1e16 of the base unit): larger figures keep their digits.
  if (form === 'chinese' && !(Math.abs(src.value / (unitInfo(splitScale(src.unitText).base)?.factor ?? 1)) < 1e16)) form = 'arabic';
  return { ...s, form: s.form === 'fraction' || s.form === 'cheng' ? s.form : form, arabicDigits: l.arabicDigits, fullWidth: l.fullWidth, grouped: l.grouped };
}

/**
 * The unit text to write the source's value in: the draft's scale word on the source's
 * unit when that keeps the source's digits (Chinese numerals: when the number is whole),
 * else the source's own scale and unit. For Chinese numerals a scale is folded into the
 * numeral when the value is whole (2.6万名 → 两万六千名).
 */
function targetUnit(src: Quantity, like: Quantity, style: NumberStyle): string {
  const unit = targetUnitOf(src, like, style);
  // Counters of people say the same thing: the draft's (2.3万名 → 2.6万名, though the source writes 2.6万人).
  const u = splitScale(unit);
  const d = splitScale(like.unitText);
  return PERSON_COUNTERS.has(u.base) && PERSON_COUNTERS.has(d.base) ? u.scale + d.base : unit;
}

/** Counter words of people, one as good as another. */
const PERSON_COUNTERS = new Set(['人', '名', '位']);

function targetUnitOf(src: Quantity, like: Quantity, style: NumberStyle): string {
  if (style.bare) return src.unitText;
  const s = splitScale(src.unitText);
  const d = splitScale(like.unitText);
  const base = unitInfo(s.base);
  if (style.form === 'chinese' && s.scale && base) {
    const whole = src.value / base.factor;
    if (Number.isInteger(whole) && Math.abs(whole) < 1e16 && (src.high === undefined || Number.isInteger(src.high / base.factor))) return s.base;
  }
  if (d.scale === s.scale) return src.unitText;
  const candidate = d.scale + s.base;
  const info = unitInfo(candidate);
  const own = unitInfo(src.unitText);
  if (!info || !own || info.dimension !== own.dimension || info.canonical !== own.canonical) return src.unitText;
  const inDraft = src.value / info.factor;
  const inSource = src.value / own.factor;
  // The same digits, no zeros added (26000人 → 2.6万人, 12155.2亿元 → 1.21552万亿元; not 万亿元 → 10000亿元).
  const keepsDigits =
    style.form === 'chinese'
      ? Number.isInteger(inDraft) && Math.abs(inDraft) < 1e16
      : digits(inDraft) === digits(inSource) && trailingZeros(inDraft) <= trailingZeros(inSource) && (Math.abs(inDraft) >= 1 || Math.abs(inDraft) >= Math.abs(inSource));
  return keepsDigits ? candidate : src.unitText;
}

/** The qualifier to write, in the source's words where they suit the form written. */
function qualifierOf(src: Quantity, form: NumberStyle['form'] | undefined, opts: RenderOptions): { qualifier?: Quantity['qualifier']; qualifierText?: string } {
  if (opts.qualifier === false || src.qualifier === 'exact') return {};
  const words = src.qualifierText && (!AFTER_FRACTION.test(src.qualifierText) || form === 'fraction' || form === 'cheng') ? src.qualifierText : undefined;
  return { qualifier: src.qualifier, qualifierText: words };
}

/** A percentage or fraction in the draft's relative form (成, n分之m, 百分之, %) when that writes it exactly. */
function inRelativeForm(src: Quantity, like: Quantity, opts: RenderOptions): string | undefined {
  const v = src.value;
  const l = styleOf(like);
  if (like.unitText === '成') {
    const tenths = v / 10;
    if (!Number.isInteger(tenths) || tenths < 1 || tenths > 9) return undefined;
    return formatValue(v, '成', { ...l, form: 'cheng' }, qualifierOf(src, 'cheng', opts));
  }
  if (like.form === 'fraction') {
    if (!simpleFraction(v)) return undefined;
    return formatValue(v, '', { ...l, form: 'fraction' }, qualifierOf(src, 'fraction', opts));
  }
  if (like.unitText === '百分之' || like.unitText === '%') {
    if (!/^-?\d+(\.\d{1,3})?$/.test(plainNumber(v))) return undefined; // 三分之一 has no exact percentage
    return formatValue(v, like.unitText, { ...l, form: like.unitText === '%' ? 'arabic' : l.form }, qualifierOf(src, 'arabic', opts));
  }
  return undefined;
}

/**
 * Writes the source's figure `src` (a parsed figure: value in its canonical unit, its own
 * scale, unit, qualifier and range) in the number style of the draft's figure `like`.
 */
export function renderFigure(src: Quantity, like: Quantity, opts: RenderOptions = {}): string {
  if (src.high === undefined && relative(src) && relative(like)) {
    const exact = inRelativeForm(src, like, opts);
    if (exact !== undefined) return exact;
  }
  if (relative(src)) {
    // The source's own form (五分之一, 26.5%, 两成), in the draft's numerals where it has them.
    const style: NumberStyle = { ...styleOf(src), fullWidth: styleOf(like).fullWidth && src.form === 'arabic' };
    return withRange(src, like, src.unitText, style, qualifierOf(src, style.form, opts));
  }
  const style = styleFor(src, like);
  const unit = targetUnit(src, like, style);
  if (unit !== src.unitText) {
    style.overAfterScale = splitScale(unit).scale !== '' && styleOf(like).overAfterScale;
    if (!splitScale(unit).scale) style.bare = styleOf(like).bare;
  }
  return withRange(src, like, unit, style, qualifierOf(src, style.form, opts));
}

/** formatValue for a single value, or low, separator and high for a range (1至2所). */
function withRange(src: Quantity, like: Quantity, unit: string, style: NumberStyle, qual: ReturnType<typeof qualifierOf>): string {
  if (src.high === undefined) return formatValue(src.value, unit, style, qual);
  const low = formatValue(src.value, unit, style);
  const high = formatValue(src.high, unit, style);
  const { scale, base } = splitScale(unit);
  const tail = low.endsWith(scale + base) ? scale + base : base;
  const sep = (like.high !== undefined ? RANGE_SEP.exec(numberText(like)) : undefined)?.[0] ?? RANGE_SEP.exec(numberText(src))?.[0] ?? '至';
  return `${low.slice(0, low.length - tail.length)}${sep}${high}`;
}
