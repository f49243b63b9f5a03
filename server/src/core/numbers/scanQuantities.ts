/**
 * The quantity scanner: every quantitative claim of a text, in order and non-overlapping.
 * One left-to-right pass over the width-normalised text; every number token is read once
 * (twice when a following figure lends its unit), so the scan is linear in the text.
 */
import type { Quantity } from '../types';
import { isLineBreak, nextNumberOrBreak, normalizeWidth, oneOf, startsNumber } from './chars';
import { nameSpans, notAClaim } from './nonClaims';
import { readFigure, type Reading } from './grammar';
import { periodsOf, timeSpans, type TimeSpan } from './timeExpressions';
import type { PeriodMention } from '../types';
import { unitInfo } from './units';
import { directionBefore, isChangeFigure, signed } from './direction';

const LIST_JOINERS = '和、与及';

/**
 * 30个和16个百分点 / 30和16个百分点: a figure followed by 和、与及 and a figure with a
 * unit borrows that unit when it has none, or has only 个 before 个百分点.
 */
function borrowUnit(s: string, orig: string, r: Reading): Reading {
  const q = r.q;
  if (!oneOf(LIST_JOINERS, s[q.end]) || q.qualifier !== 'exact' || q.high !== undefined) return r;
  const bare = !r.hasUnit && !q.scaleWord;
  const ge = q.unitText === '个';
  if (!bare && !ge) return r;
  const next = readFigure(s, orig, q.end + 1, q.end + 1);
  if (!next || 'skipTo' in next || !next.hasUnit || next.q.start !== q.end + 1) return r;
  if (next.num.kind !== r.num.kind) return r;
  const nu = next.q.unitText;
  if (ge && nu !== '个百分点') return r;
  const info = unitInfo(nu);
  if (!info || next.q.form === 'fraction' || nu === '百分之' || nu === '成') return r;
  const f = bare ? info.factor : 1;
  const scaled = (x: number): number => (f === 1 ? x : Number((x * f).toPrecision(15)));
  return {
    ...r,
    hasUnit: true,
    q: { ...q, value: scaled(q.value), precision: scaled(q.precision), unit: info.canonical, unitText: nu, dimension: info.dimension },
  };
}

/**
 * A percentage or points figure with its direction (下降9.9% → −9.9), read before it, or
 * taken from the figure before it in a list (分别下降3%和5%: the 5% declines too, without
 * a word of its own to swap).
 */
function changeSigned(s: string, q: Quantity, prev: Quantity | undefined): Quantity {
  if (!isChangeFigure(q)) return q;
  const own = directionBefore(s, q.start);
  if (own) return signed(q, own);
  if (prev?.direction && prev.end <= q.start && /^[和、与及]$/.test(s.slice(prev.end, q.start))) {
    return signed(q, { ...prev.direction, before: -1 });
  }
  return q;
}

function scan(text: string, s = normalizeWidth(text), times: TimeSpan[] = timeSpans(s, text)): Quantity[] {
  const names = nameSpans(s);
  const out: Quantity[] = [];
  let ni = 0;
  let ti = 0;
  let lower = 0;
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (isLineBreak(ch)) {
      lower = i + 1;
      i++;
      continue;
    }
    if (!startsNumber(ch)) {
      i = nextNumberOrBreak(s, i + 1);
      continue;
    }
    while (ti < times.length && times[ti].end <= i) ti++;
    if (ti < times.length && times[ti].start <= i) {
      i = lower = times[ti].end;
      continue;
    }
    while (ni < names.length && names[ni][1] <= i) ni++;
    if (ni < names.length && names[ni][0] <= i) {
      i = lower = names[ni][1];
      continue;
    }
    const read = readFigure(s, text, i, Math.max(lower, ti > 0 ? times[ti - 1].end : 0, ni > 0 ? names[ni - 1][1] : 0));
    if (!read) {
      i++;
      continue;
    }
    if ('skipTo' in read) {
      i = read.skipTo;
      continue;
    }
    const r = borrowUnit(s, text, read);
    if (notAClaim(s, r)) {
      i = Math.max(r.q.numberEnd, i + 1);
      continue;
    }
    out.push(changeSigned(s, r.q, out[out.length - 1]));
    i = lower = r.q.end;
  }
  return out;
}

/**
 * Every quantitative claim in `text`, in order, non-overlapping, with UTF-16 offsets into
 * `text`. Leaves out what is not a claim: headings and list ordinals, 第N, dates and
 * years (see scanPeriods), period phrases (近3年, 五年来), names with digits (PM2.5, G20,
 * 16号线, 《流浪地球2》, short quoted names), plan names (十四五, 二十届三中全会), articles
 * (一个), rank (前两名) and bare numbers without unit or scale word. Never throws.
 */
export function scanQuantities(text: string): Quantity[] {
  try {
    return scan(typeof text === 'string' ? text : String(text));
  } catch {
    return [];
  }
}

/** scanQuantities and scanPeriods of one text, finding its time expressions once for both. */
export function scanQuantitiesAndPeriods(text: string): { quantities: Quantity[]; periods: PeriodMention[] } {
  const s = normalizeWidth(text);
  const times = timeSpans(s, text);
  let quantities: Quantity[];
  try {
    quantities = scan(text, s, times);
  } catch {
    quantities = [];
  }
  return { quantities, periods: periodsOf(times) };
}

/**
 * Why the figure whose number starts at `offset` of `text` is not a claim, or undefined
 * when the scanner would return it (for tests and `explain`).
 */
export function whyNotAClaim(text: string, offset: number): string | undefined {
  const s = normalizeWidth(text);
  const time = timeSpans(s, text).find((t) => t.start <= offset && offset < t.end);
  if (time) return `inside the ${time.kind === 'period' ? 'period' : time.kind} ${time.text}`;
  const name = nameSpans(s).find(([a, b]) => a <= offset && offset < b);
  if (name) return `inside the name ${text.slice(name[0], name[1])}`;
  const r = readFigure(s, text, offset, 0);
  if (!r) return 'no number here';
  if ('skipTo' in r) return 'not a well-formed number';
  return notAClaim(s, borrowUnit(s, text, r));
}
