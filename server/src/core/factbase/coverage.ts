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

/** Body spans [start, end) of `figure` inside every occurrence of `context` in `body`. */
export function figureSpans(body: string, context: string, figure: string): [number, number][] {
  const spans: [number, number][] = [];
  const inContext = occurrences(context, figure);
  for (const c of occurrences(body, context)) for (const f of inContext) spans.push([c + f, c + f + figure.length]);
  return spans;
}

/** Measures the coverage of one source by its observations and exclusions. */
export function sourceCoverage(
  source: Source,
  observations: readonly Observation[],
  exclusions: readonly Exclusion[],
  /** Figures of entries with schema problems: they cover, so a typo does not also flag the source. */
  pending: readonly { context: string; figure: string }[] = [],
): SourceCoverage {
  const found = scanQuantities(source.body);
  const inside = (spans: [number, number][], q: Quantity): boolean => spans.some(([s, e]) => s <= q.numberStart && q.numberEnd <= e);
  const obsSpans = observations.map((o) => figureSpans(source.body, o.quote, o.figure));
  const exSpans = exclusions.map((x) => figureSpans(source.body, x.context, x.figure));
  const all = [...obsSpans, ...exSpans, ...pending.map((p) => figureSpans(source.body, p.context, p.figure))].flat();
  const uncovered = found.filter((q) => !inside(all, q));
  const unused = (spans: [number, number][][]): number[] =>
    spans.flatMap((sp, i) => (sp.length > 0 && !found.some((q) => inside(sp, q)) ? [i] : []));
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
