/**
 * The period mentions of a draft beyond what the number grammar reads alone: 全年 names
 * the year of its context, a streak (连续三年) the span of years its clause speaks of, and
 * two years joined by 至 (2017年至2021年) are one span.
 */
import type { PeriodMention, Quantity } from '../types';

/** 全年 ("the whole year") names the year of its context: 前三季度…，预计全年…. */
export function withWholeYear(text: string, periods: PeriodMention[], from: number): PeriodMention[] {
  const extra: PeriodMention[] = [];
  // periods are in order of start: walk them alongside, keeping the furthest end so far
  // (a mention covers i when one starting at or before i ends after it).
  let k = 0;
  let furthest = -1;
  for (let i = text.indexOf('全年', from); i >= 0; i = text.indexOf('全年', i + 2)) {
    for (; k < periods.length && periods[k].start <= i; k++) furthest = Math.max(furthest, periods[k].end);
    if (!(furthest > i)) {
      extra.push({ start: i, end: i + 2, text: '全年', relative: { yearOffset: 0, implicit: true } });
    }
  }
  return extra.length ? [...periods, ...extra].sort((a, b) => a.start - b.start) : periods;
}

/** 连续三年占…三分之一: a streak (连续N年) names the span of years the clause's other figures speak of. */
function withStreaks(text: string, quantities: Quantity[], periods: PeriodMention[]): PeriodMention[] {
  const extra: PeriodMention[] = [];
  for (const q of quantities) {
    if (q.dimension !== 'duration' || q.unit !== '年' || q.qualifier !== 'exact' || q.high !== undefined || !Number.isInteger(q.value) || q.value < 2) continue;
    if (q.start < 2 || text.slice(q.start - 2, q.start) !== '连续') continue;
    extra.push({ start: q.start - 2, end: q.end, text: text.slice(q.start - 2, q.end), relative: { span: q.value, yearOffset: -q.value, streak: true } });
  }
  return extra.length ? [...periods, ...extra].sort((a, b) => a.start - b.start) : periods;
}

/** 2017年至2021年: two years joined by 至/到/— are one span. */
export function yearRanges(text: string, periods: PeriodMention[]): PeriodMention[] {
  const out: PeriodMention[] = [];
  for (let i = 0; i < periods.length; i++) {
    const a = periods[i];
    const b = periods[i + 1];
    if (b && a.period && b.period && /^\d{4}$/.test(a.period) && /^\d{4}$/.test(b.period) && /^(至|到|—|-|～|~)$/.test(text.slice(a.end, b.start))) {
      out.push({ start: a.start, end: b.end, text: text.slice(a.start, b.end), period: `${a.period}/${b.period}` });
      i++;
    } else out.push(a);
  }
  return out;
}

/** The period mentions a draft's claims read, from the grammar's `periods` of the body (from `bodyStart`) and its figures. */
export function withDraftPeriods(text: string, quantities: Quantity[], periods: PeriodMention[], bodyStart: number): PeriodMention[] {
  return yearRanges(text, withStreaks(text, quantities, withWholeYear(text, periods, bodyStart)));
}
