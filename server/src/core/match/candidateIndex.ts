/**
 * Measures by term and subject, so a claim's candidates of compatible subjects (its own,
 * those it is part of, its parts) are found without visiting the measures of the other
 * subjects: a base that repeats every measure for fifty districts costs a claim about one
 * district its own measures only. Compatibility is subjectsCompatible's, asked once per
 * claim subject and measure subject rather than once per measure.
 */
import type { Measure } from '../types';
import { DerivedValue, subjectsCompatible, type FactIndex } from '../factIndex';

/** The measures of one term, grouped by subject (each group in the order of idx.terms). */
type BySubject = Map<string, Measure[]>;

interface CandidateIndex {
  /** term → subject → measures. */
  terms: Map<string, BySubject>;
  /** The distinct subjects of the base's measures. */
  measureSubjects: string[];
  /** Per claim subject: the measure subjects compatible with it. */
  compatible: Map<string, Set<string>>;
}

/** The candidate index of a fact index, built on first use. */
const CANDIDATES = new DerivedValue(buildCandidateIndex);

function candidateIndex(idx: FactIndex): CandidateIndex {
  return CANDIDATES.of(idx);
}

function buildCandidateIndex(idx: FactIndex): CandidateIndex {
  const terms = new Map<string, BySubject>();
  const subjects = new Set<string>();
  for (const [t, list] of idx.terms) {
    const by: BySubject = new Map();
    for (const m of list) {
      subjects.add(m.subject);
      const group = by.get(m.subject);
      if (group) group.push(m);
      else by.set(m.subject, [m]);
    }
    terms.set(t, by);
  }
  for (const m of idx.base.measures) subjects.add(m.subject);
  return { terms, measureSubjects: [...subjects], compatible: new Map() };
}

/** The subjects of measures that are compatible with `subject` (subjectsCompatible), memoized per index and subject. */
export function compatibleSubjects(idx: FactIndex, subject: string): Set<string> {
  const ci = candidateIndex(idx);
  let set = ci.compatible.get(subject);
  if (!set) {
    set = new Set(ci.measureSubjects.filter((s) => subjectsCompatible(idx, subject, s)));
    ci.compatible.set(subject, set);
  }
  return set;
}

/**
 * Calls `visit` for each measure using term `t` whose subject is in `subjects`: the term's
 * measures of each such subject, walking whichever is shorter, the term's subjects or
 * `subjects` (the order of the measures is not idx.terms' across subjects).
 */
export function forTermMeasures(idx: FactIndex, t: string, subjects: Set<string>, visit: (m: Measure) => void): void {
  const by = candidateIndex(idx).terms.get(t);
  if (by) forSubjects(by, subjects, visit);
}

/**
 * Calls `visit` for each item of the groups of `by` whose subject is in `subjects`,
 * walking whichever is shorter, the groups or `subjects`.
 */
export function forSubjects<T>(by: ReadonlyMap<string, readonly T[]>, subjects: ReadonlySet<string>, visit: (x: T) => void): void {
  if (by.size <= subjects.size) {
    for (const [s, list] of by) if (subjects.has(s)) for (const x of list) visit(x);
  } else {
    for (const s of subjects) {
      const list = by.get(s);
      if (list) for (const x of list) visit(x);
    }
  }
}
