/**
 * Coverage of a source by the fact base: every statement the grammars find in a source
 * body — each quantity the number scanner finds, and each rank, first, edition and year
 * of an event the statement grammars find — must be an observation's figure (at that
 * figure's place inside an occurrence of the observation's quote) or a deliberate
 * exclusion (the figure's place inside an occurrence of the exclusion's context). The
 * inventory lists every statement with what covers it.
 */
import { scanQuantities } from '../numbers';
import { LineIndex, firstIndex } from '../util';
import type { Exclusion, Observation, Quantity, Source } from '../types';
import { problemAt, type Problem } from './problems';
import type { StatementKind, StatementMention } from '../statements';

/** One statement of a source and what accounts for it. */
export interface InventoryItem {
  kind: 'quantity' | StatementKind;
  /** Offsets into the source body, and the text. */
  start: number;
  end: number;
  text: string;
  /** A quantity written as a range (1至2所, 两位数) or a count in words (五大). */
  form?: 'range' | 'count in words';
  /** The id of the observation whose figure it is, or the reason of the exclusion that leaves it out. */
  observation?: string;
  excluded?: string;
}

/** How a quantity is written, when it is one of the kinds the inventory names. */
function formOf(q: Quantity): InventoryItem['form'] {
  if (q.unitText === '大') return 'count in words';
  if (q.high !== undefined || /位数$/.test(q.text)) return 'range';
  return undefined;
}

/** How much of one source the fact base accounts for. */
export interface SourceCoverage {
  source: string;
  file: string;
  total: number;
  covered: number;
  /** Quantities of the body that no observation or exclusion accounts for. */
  uncovered: Quantity[];
  /** Every statement of the body (quantities and the statement kinds), in order, with what covers it. */
  items: InventoryItem[];
  /** Indices (into the observations given) whose figure the scanner finds no quantity in, at the quote's place (statement observations are checked by statementChecks.ts). */
  unreadObservations: number[];
  /** Indices (into the exclusions given) whose figure the scanner finds no quantity or statement in: they exclude nothing. */
  unusedExclusions: number[];
}

/** Every occurrence of `needle` in `text` (overlapping ones included). */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Body spans [start, end) of `figure` inside every occurrence of `context` in `body` (`at`: those occurrences, when known). */
export function figureSpans(body: string, context: string, figure: string, at: readonly number[] = occurrences(body, context)): [number, number][] {
  const spans: [number, number][] = [];
  const inContext = occurrences(context, figure);
  for (const c of at) for (const f of inContext) spans.push([c + f, c + f + figure.length]);
  return spans;
}

/**
 * A test of whether some span holds [start, end]: spans sorted by start with the largest
 * end so far, so each test is a binary search instead of a pass over every span.
 */
function spanCover(spans: readonly [number, number][]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const starts = sorted.map((s) => s[0]);
  const maxEnd: number[] = [];
  for (let i = 0, m = -Infinity; i < sorted.length; i++) maxEnd.push((m = Math.max(m, sorted[i][1])));
  return (start, end) => {
    const lo = firstIndex(starts.length, (i) => starts[i] <= start);
    return lo > 0 && maxEnd[lo - 1] >= end; // spans [0, lo) start at or before `start`
  };
}

/** A test of whether some quantity's number lies inside [start, end]: quantities sorted by where their number starts. */
function quantityInside(found: readonly Quantity[]): (start: number, end: number) => boolean {
  if (found.some((q) => q.numberEnd < q.numberStart)) return (start, end) => found.some((q) => start <= q.numberStart && q.numberEnd <= end);
  const sorted = [...found].sort((a, b) => a.numberStart - b.numberStart);
  return (start, end) => {
    for (let i = firstIndex(sorted.length, (k) => sorted[k].numberStart < start); i < sorted.length && sorted[i].numberStart <= end; i++) if (sorted[i].numberEnd <= end) return true;
    return false;
  };
}

/**
 * A finder of which list of `spans` (one list per entry) holds [start, end]: the lowest
 * index. Spans sorted by start, searched back from the item's start (a figure starts at
 * most a few characters before its number: 超过60万小时), else every span.
 */
function coverFinder(spans: readonly [number, number][][]): (start: number, end: number) => number {
  const all = spans.flatMap((list, i) => list.map(([a, b]) => ({ a, b, i }))).sort((x, y) => x.a - y.a);
  const starts = all.map((x) => x.a);
  return (start, end) => {
    let best = -1;
    const upto = firstIndex(starts.length, (k) => starts[k] <= start); // spans [0, upto) start at or before `start`
    for (let k = upto - 1; k >= 0 && starts[k] >= start - 8; k--) if (all[k].b >= end && (best < 0 || all[k].i < best)) best = all[k].i;
    if (best >= 0) return best;
    for (let k = 0; k < upto; k++) if (all[k].b >= end && (best < 0 || all[k].i < best)) best = all[k].i;
    return best;
  };
}

/** Measures the coverage of one source by its observations and exclusions. */
export function sourceCoverage(
  source: Source,
  observations: readonly Observation[],
  exclusions: readonly Exclusion[],
  /** Figures of entries with schema problems: they cover, so a typo does not also flag the source. */
  pending: readonly { context: string; figure: string }[] = [],
  /** scanQuantities(source.body), when scanned already. */
  found: readonly Quantity[] = scanQuantities(source.body),
  /** For each observation, occurrences(source.body, its quote), when already found. */
  quoteHits?: readonly (readonly number[])[],
  /** The statements of the body (scanStatements), when counted. */
  statements: readonly StatementMention[] = [],
  /** For each observation, whether its measure is of a statement kind (its figure is a statement, not a quantity). */
  isStatement: readonly boolean[] = [],
): SourceCoverage {
  const obsSpans = observations.map((o, i) => figureSpans(source.body, o.quote, o.figure, quoteHits?.[i]));
  const exSpans = exclusions.map((x) => figureSpans(source.body, x.context, x.figure));
  const pendingSpans = pending.map((p) => figureSpans(source.body, p.context, p.figure));
  const covered = spanCover([...obsSpans, ...exSpans, ...pendingSpans].flat());
  const byObservation = coverFinder(obsSpans);
  const byExclusion = coverFinder(exSpans);
  const items: InventoryItem[] = [
    ...found.map((q) => ({ kind: 'quantity' as const, start: q.numberStart, end: q.numberEnd, text: q.text, at: q, ...(formOf(q) ? { form: formOf(q) } : {}) })),
    ...statements.map((m) => ({ kind: m.kind, start: m.start, end: m.end, text: m.text, at: undefined })),
  ]
    .sort((a, b) => a.start - b.start)
    .map(({ at: _at, ...item }) => {
      if (!covered(item.start, item.end)) return item;
      const o = byObservation(item.start, item.end);
      if (o >= 0) return { ...item, observation: observations[o].id };
      const x = byExclusion(item.start, item.end);
      if (x >= 0) return { ...item, excluded: exclusions[x].reason };
      return { ...item, excluded: '(an entry with schema problems)' };
    });
  const uncovered = found.filter((q) => !covered(q.numberStart, q.numberEnd));
  const holdsQuantity = quantityInside(found);
  const holdsStatement = (start: number, end: number) => statements.some((m) => start <= m.start && m.end <= end);
  const unused = (spans: [number, number][][], test: (s: number, e: number) => boolean, skip: (i: number) => boolean = () => false): number[] =>
    spans.flatMap((sp, i) => (!skip(i) && sp.length > 0 && !sp.some(([s, e]) => test(s, e)) ? [i] : []));
  const total = items.length;
  return {
    source: source.id,
    file: source.file,
    total,
    covered: items.filter((it) => it.observation !== undefined || it.excluded !== undefined).length,
    uncovered,
    items,
    unreadObservations: unused(obsSpans, holdsQuantity, (i) => isStatement[i] === true),
    unusedExclusions: unused(exSpans, (s, e) => holdsQuantity(s, e) || holdsStatement(s, e)),
  };
}

const KIND_WORDS: Record<InventoryItem['kind'], string> = { quantity: 'figure', rank: 'rank', first: 'first', edition: 'edition', year: 'year of an event' };

/** One error per uncovered statement (quantity, rank, first, edition, year), at its place in the source file. */
export function coverageProblems(c: SourceCoverage, source: Source): Problem[] {
  const open = c.items.filter((it) => it.observation === undefined && it.excluded === undefined);
  if (!open.length) return [];
  const index = new LineIndex(source.body);
  const quantities = new Map(c.uncovered.map((q) => [q.numberStart, q]));
  return open.map((it) => {
    const q = it.kind === 'quantity' ? quantities.get(it.start) : undefined;
    const s = index.positionAt(q ? q.start : it.start);
    const e = index.positionAt(q ? q.end : it.end);
    return problemAt(
      source.file,
      { line: source.bodyLine + s.line, column: s.character, endLine: source.bodyLine + e.line, endColumn: e.character },
      `${KIND_WORDS[it.kind]} "${it.text}" is not covered: add an observation whose quote contains it, or an exclusion saying why it is not a fact`,
    );
  });
}

/** Percentage covered, 100 for a source with no quantities. */
export function percent(covered: number, total: number): number {
  return total === 0 ? 100 : (100 * covered) / total;
}
