/**
 * Reading a source the way the checker reads a draft: the same outline, number scanner,
 * period mentions (全年, 2017年至2021年, 分别), claim contexts (subject, period) and the
 * same measure ranking's inputs, with the source's title as the text's title and its
 * event date as the date relative periods count from. What the suggestions are made of.
 */
import type { FactIndex } from '../factIndex';
import type { PeriodMention, Quantity, Source } from '../types';
import { outline, type DraftOutline, ContextFinder, DraftText, type ClaimContext, withWholeYear, yearRanges, pairRespectively, respectiveSlots, type RespectiveSlot } from '../draft';
import { scanQuantitiesAndPeriods } from '../numbers';
import { within } from '../util';
import type { SuggestionKind } from './suggestionTypes';

/** A source body read once: everything the suggestions of its figures, ranks, years and people need. */
export interface SourceReading {
  source: Source;
  text: string;
  outline: DraftOutline;
  quantities: Quantity[];
  /** The body as the measure ranking reads it (with what it derives from each sentence). */
  draft: DraftText;
  periods: PeriodMention[];
  finder: ContextFinder;
  /** The date stocks without a stated period are as of: the event date, else the publication date. */
  asOf: string;
  year: number;
  /** Periods paired by 分别, and the noun groups before it. */
  overrides: Map<Quantity, Pick<ClaimContext, 'period' | 'periodText'>>;
  slots: Map<Quantity, RespectiveSlot>;
}

/** Reads a source's body with the checker's own grammar and context. */
export function readSource(idx: FactIndex, source: Source): SourceReading {
  const text = source.body;
  const ol = { ...outline(text), title: source.title };
  const asOf = source.eventDate ?? source.published;
  const year = Number(asOf.slice(0, 4));
  const scanned = scanQuantitiesAndPeriods(text);
  const periods = withRelativeMonths(text, yearRanges(text, withWholeYear(text, scanned.periods, 0)), asOf);
  const finder = new ContextFinder(idx, text, ol, periods, year);
  return {
    source,
    text,
    outline: ol,
    quantities: scanned.quantities,
    draft: new DraftText(idx, text, scanned.quantities),
    periods,
    finder,
    asOf,
    year,
    overrides: pairRespectively(text, scanned.quantities, periods, year, ol),
    slots: respectiveSlots(text, scanned.quantities, ol),
  };
}

/** Months named relative to the text's date (上个月, 本月), which a source's reader resolves against its date. */
const RELATIVE_MONTH = /上个月|上月|本月|这个月|当月/g;

/**
 * The period mentions with the relative months of a source added (上个月 in a text of
 * 2024-08-26 is 2024M07), as relative months of a year (like 今年7月份), in order.
 */
export function withRelativeMonths(text: string, periods: PeriodMention[], asOf: string): PeriodMention[] {
  const extra: PeriodMention[] = [];
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  for (const m of text.matchAll(RELATIVE_MONTH)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (periods.some((p) => p.start < end && start < p.end)) continue;
    const back = m[0].startsWith('上') ? 1 : 0;
    const y = month - back < 1 ? year - 1 : year;
    const mm = ((month - back + 11) % 12) + 1;
    extra.push({ start, end, text: m[0], relative: { yearOffset: y - year, part: `M${String(mm).padStart(2, '0')}` } });
  }
  return extra.length ? [...periods, ...extra].sort((a, b) => a.start - b.start) : periods;
}

/** The context of a figure at [start, end) as the checker reads it: 分别's periods applied, a duration without a period. */
export function figureContext(r: SourceReading, start: number, end: number, q?: Quantity): ClaimContext | undefined {
  const ctx = r.finder.contextOf(start, end);
  if (!ctx) return undefined;
  const paired = q && r.overrides.get(q);
  if (paired) Object.assign(ctx, paired);
  if (q?.dimension === 'duration') Object.assign(ctx, { period: undefined, periodText: undefined });
  return ctx;
}

/** The period mention a context's period came from: the one of its sentence with that text, nearest the figure. */
export function mentionOf(r: SourceReading, ctx: ClaimContext, at: number): PeriodMention | undefined {
  if (!ctx.periodText) return undefined;
  const same = within(r.periods, ctx.sentence.start, ctx.sentence.end).filter((p) => p.text === ctx.periodText);
  return same.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
}

/**
 * A context's period in the observation period syntax: a year (2023), part (2025H1,
 * 2022Q1-3), span (2021/2025; 近3年 and 未来3年 counted from the source's year) or, for a
 * stock or a figure without a stated period, as of the source's date (@2024-08-26).
 */
export function periodSyntax(r: SourceReading, ctx: ClaimContext, at: number): string {
  const p = ctx.period;
  const asOf = `@${r.asOf}`;
  if (!p) return asOf;
  switch (p.kind) {
    case 'year':
      return p.from === p.to ? `${p.from}` : `${p.from}/${p.to}`;
    case 'part':
      return `${p.year}${p.part}`;
    case 'span':
      return p.from === p.to ? `${p.from}` : `${p.from}/${p.to}`;
    case 'month':
      return p.from === p.to ? `${p.year}M${String(p.from).padStart(2, '0')}` : `${p.year}M${String(p.from).padStart(2, '0')}-${String(p.to).padStart(2, '0')}`;
    case 'asof':
      return p.date ? `@${p.date}` : asOf;
    case 'recent': {
      const rel = mentionOf(r, ctx, at)?.relative;
      const from = r.year + (rel?.yearOffset ?? -p.years);
      return `${from}/${from + p.years - 1}`;
    }
  }
}

const FORECAST = /预计|有望|预期|可望/;
const TARGET = /力争|目标|计划|争取|确保|规划|拟/;
/** 将 of the future (not 将近, 将军, 将来). */
const WILL = /将(?![近军来])/;
/** 将 before a level reached (将达到3万余人, 将突破): an expectation, not something someone does. */
const WILL_REACH = /将(?:会)?(?:达到|达|突破|超过|超|实现|增长|增至|提高|提升|保持|占)/;

/**
 * What the source says of a figure (the observation's kind), from the words of its clause
 * before it (for a year of an event, its whole clause: 年底均将进入科研状态) or of its
 * sentence's opening: a target (力争, 目标, 计划), a forecast (预计, 有望; 将 before a
 * level: 将达到), a commitment (将 before what someone does: 将举办, 将于年底交付使用), else an actual.
 */
export function kindOf(text: string, ctx: ClaimContext, at: number, statement?: { kind: string }): SuggestionKind {
  // The clause as facts check reads it for its kind warning too (it runs over a colon), so that an actual written without kind draws none.
  let from = ctx.clause.start;
  while (from > 0 && !/[，,；;。！？!?\n]/.test(text[from - 1])) from--;
  const before = text.slice(from, statement?.kind === 'year' ? ctx.clause.end : at);
  const opening = text.slice(ctx.sentence.start, Math.min(at, ctx.sentence.start + 8));
  if (TARGET.test(before) || /^(力争|目标|计划|争取)/.test(opening)) return 'target';
  if (FORECAST.test(before) || /^(预计|有望)/.test(opening)) return 'forecast';
  if (WILL.test(before)) return WILL_REACH.test(before) ? 'forecast' : 'commitment';
  return 'actual';
}

/** Punctuation a quote does not start or end with. */
const EDGE = /^[\s，,；;。：:！？!?、]+|[\s，,；;。：:！？!?、]+$/g;

/**
 * The shortest verbatim text holding a figure and what it is read with: its clause,
 * widened to the earlier clauses of its sentence that name its subject or its period.
 */
export function quoteFor(r: SourceReading, ctx: ClaimContext, start: number, end: number, from: number[] = []): string {
  let a = Math.min(ctx.clause.start, start);
  const b = Math.max(ctx.clause.end, end);
  const mention = mentionOf(r, ctx, start);
  const anchors = [...from];
  if (mention && mention.start >= ctx.sentence.start && mention.start < a) anchors.push(mention.start);
  if (ctx.subjectScope === 'sentence') {
    const named = r.finder.subjectsIn(ctx.sentence.start, start).pop();
    if (named) anchors.push(named.start);
  }
  for (const x of anchors) if (x >= ctx.sentence.start && x < a) a = clauseStartAt(r.text, x, ctx.sentence.start);
  return r.text.slice(a, b).replace(EDGE, '');
}

/** The start of the clause holding offset `at`, not before `lo`. */
function clauseStartAt(text: string, at: number, lo: number): number {
  let i = at;
  while (i > lo && !/[，,；;。：:！？!?\n]/.test(text[i - 1])) i--;
  return i;
}
