/**
 * Coverage of a source by the fact base: every quantity the number scanner finds in a
 * source body must be an observation's figure (at that figure's place inside an
 * occurrence of the observation's quote) or a deliberate exclusion (the figure's place
 * inside an occurrence of the exclusion's context).
 */
import { scanQuantities } from '../numbers';
import { LineIndex } from '../positions';
import type { Exclusion, Observation, Quantity, Source } from '../types';
import { problemAt, type Problem } from './problems';
import { firstIndex } from '../sorted';

/** How much of one source the fact base accounts for. */
export interface SourceCoverage {
  source: string;
  file: string;
  total: number;
  covered: number;
  /** Quantities of the body that no observation or exclusion accounts for. */
  uncovered: Quantity[];
  /** Indices (into the observations given) whose figure the scanner finds no quantity in, at the quote's place. */
  unreadObservations: number[];
  /** Indices (into the exclusions given) whose figure the scanner finds no quantity in: they exclude nothing. */
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
): SourceCoverage {
  const obsSpans = observations.map((o, i) => figureSpans(source.body, o.quote, o.figure, quoteHits?.[i]));
  const exSpans = exclusions.map((x) => figureSpans(source.body, x.context, x.figure));
  const covered = spanCover([...obsSpans, ...exSpans, ...pending.map((p) => figureSpans(source.body, p.context, p.figure))].flat());
  const uncovered = found.filter((q) => !covered(q.numberStart, q.numberEnd));
  const holdsOne = quantityInside(found);
  const unused = (spans: [number, number][][]): number[] =>
    spans.flatMap((sp, i) => (sp.length > 0 && !sp.some(([s, e]) => holdsOne(s, e)) ? [i] : []));
  return {
    source: source.id,
    file: source.file,
    total: found.length,
    covered: found.length - uncovered.length,
    uncovered,
    unreadObservations: unused(obsSpans),
    unusedExclusions: unused(exSpans),
  };
}

/** One error per uncovered quantity, at its place in the source file. */
export function coverageProblems(c: SourceCoverage, source: Source): Problem[] {
  if (!c.uncovered.length) return [];
  const index = new LineIndex(source.body);
  return c.uncovered.map((q) => {
    const s = index.positionAt(q.start);
    const e = index.positionAt(q.end);
    return problemAt(
      source.file,
      { line: source.bodyLine + s.line, column: s.character, endLine: source.bodyLine + e.line, endColumn: e.character },
      `figure "${q.text}" is not covered: add an observation whose quote contains it, or an exclusion saying why it is not a fact`,
    );
  });
}

/** Percentage covered, 100 for a source with no quantities. */
export function percent(covered: number, total: number): number {
  return total === 0 ? 100 : (100 * covered) / total;
}
