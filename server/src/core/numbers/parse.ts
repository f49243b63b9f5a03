/**
 * Parsing one whole figure as written in a fact file or a quote ('40余个', '约四分之一',
 * '超过60万小时', '1至2所', '第1'). No context rules apply: a figure is read as it stands.
 */
import type { Quantity } from '../types';
import { isDigit, normalizeWidth, startsNumber } from './chars';
import { readArabic, readChinese } from './numerals';
import { readFigure } from './grammar';
import { scanQuantities } from './scanQuantities';

/** Verbs before a figure that leave it exact and are not part of it. */
const EXACT_LEADS = ['高达', '多达', '共计', '合计', '达到', '达', '共'];

/** 第1, 第一, 第十三 → a rank (dimension 'rank', unit ''). */
function rank(s: string, figure: string): Quantity | undefined {
  if (s[0] !== '第') return undefined;
  const t = isDigit(s[1]) ? readArabic(s, 1) : readChinese(s, 1);
  if (!t || t.end !== s.length) return undefined;
  const value = t.kind === 'arabic' ? (t.decimals === 0 ? Number(t.digits) : NaN) : t.shape === 'int' || t.shape === 'bare' ? t.value : NaN;
  if (!Number.isFinite(value)) return undefined;
  return {
    start: 0, end: s.length, text: figure, value, unit: '', unitText: '', dimension: 'rank', qualifier: 'exact', precision: 1,
    form: t.kind === 'arabic' ? 'arabic' : 'chinese', numberStart: 1, numberEnd: s.length,
  };
}

/**
 * Parses `figure` as exactly one quantity, or undefined when it is not one. Offsets are
 * into `figure`. Accepts what the scanner would skip in running text (2014年 reads as 2014
 * 年, 第1 as a rank, 37 as a bare count), since the caller says it is a figure.
 * With `context` (the quote the figure stands in), the figure is read as the scanner reads
 * it there when it finds it: '30个' in '分别提高了30个和16个百分点' is in 个百分点.
 */
export function parseQuantity(figure: string, context?: string): Quantity | undefined {
  try {
    if (typeof figure !== 'string') return undefined;
    if (typeof context === 'string' && figure !== '' && context.includes(figure)) {
      const inContext = scanQuantities(context).find((q) => q.text === figure);
      if (inContext) {
        const d = inContext.start;
        return { ...inContext, start: 0, end: figure.length, numberStart: inContext.numberStart - d, numberEnd: inContext.numberEnd - d };
      }
    }
    const s = normalizeWidth(figure);
    const r = rank(s, figure);
    if (r) return r;
    let i = 0;
    while (i < s.length && !startsNumber(s[i])) i++;
    if (i >= s.length) return undefined;
    let lead = 0;
    for (const w of EXACT_LEADS) {
      if (i === w.length && s.startsWith(w)) {
        lead = w.length;
        break;
      }
    }
    const read = readFigure(s, figure, i, lead);
    if (!read || 'skipTo' in read) return undefined;
    const q = read.q;
    if (q.start !== lead || q.end !== s.length) return undefined;
    return q;
  } catch {
    return undefined;
  }
}
