/**
 * Look-up structures built once per fact base: subjects by name, the subject hierarchy,
 * measures by term, observations by measure, roles by person, and the user dictionary
 * for segmentation. Built lazily and cached per FactBase object, or ahead in steps
 * (indexSteps) by a server that must not pause for it. The index also keeps what later
 * stages derive from it (DerivedValue): one store per index, so every value derived from
 * a fact base lives and goes with that base's index, and no module keeps a cache of its own.
 */
import type { FactBase, Measure, Observation, Role, Source, Subject, Quantity } from '../types';
import { parseQuantity, unitInfo, unitsDuring, unitTableOf, valueInterval, type UnitTable } from '../numbers';
import { firstIndex, finishSteps, PairCache } from '../util';

/** An observation with its parsed figure and the measure it belongs to. */
export interface IndexedObservation {
  obs: Observation;
  measure: Measure;
  /** The parsed figure (canonical unit), or undefined when the parser cannot read it; shared by observations with the same figure text, so never to be changed. */
  figure?: Quantity;
  /** Value in the canonical unit of the measure's dimension. */
  value: number;
}

/** The index over one fact base. */
export interface FactIndex {
  base: FactBase;
  subjects: Map<string, Subject>;
  /** Names and aliases, longest first, for scanning text. */
  subjectNames: { name: string; subject: string }[];
  /** Measures by id. */
  measures: Map<string, Measure>;
  /** Observations per measure id, oldest published first. */
  observations: Map<string, IndexedObservation[]>;
  /** Roles per person name. */
  roles: Map<string, Role[]>;
  /** Person names, longest first. */
  people: string[];
  sources: Map<string, Source>;
  /** Every measure term, with the measures using it. */
  terms: Map<string, Measure[]>;
  /** Words for the segmenter's user dictionary. */
  dictionary: string[];
  /** Per measure id, its observations' values sorted (for pruning by value, match/valueIndex.ts). */
  values: Map<string, MeasureValues>;
  /** The lists of `observations` whose publication dates are also in code-unit order (see publishedBy). */
  dateOrdered: Set<IndexedObservation[]>;
  /** The base's units table: the bundled one extended by the base's own units (figures of drafts checked against it are read with it). */
  units: UnitTable;
  /** The values later stages derived from this index, by what derives them (see DerivedValue). */
  derived: Map<DerivedValue<unknown>, unknown>;
}

/**
 * A value derived from a fact index by a later stage (the candidate index by term and
 * subject, the quote statistics, the citations made, the readings of sentences…): built
 * on first use and kept in the index's own store. A stage declares each such value once,
 * as a constant, and asks it of the index it is given.
 */
export class DerivedValue<T> {
  constructor(private readonly build: (idx: FactIndex) => T) {}

  /** The value for `idx`, built on first use. */
  of(idx: FactIndex): T {
    const known = idx.derived.get(this);
    if (known !== undefined) return known as T;
    return this.keep(idx, this.build(idx));
  }

  /** The value for `idx` when it is built already. */
  peek(idx: FactIndex): T | undefined {
    return idx.derived.get(this) as T | undefined;
  }

  /** Keeps a value for `idx` built elsewhere (in steps), and returns it. */
  keep(idx: FactIndex, value: T): T {
    idx.derived.set(this, value);
    return value;
  }
}

/** A copy of an index with other people's names to look for (a source introduces its own), and a store of its own. */
export function withPeople(idx: FactIndex, people: string[]): FactIndex {
  return { ...idx, people, derived: new Map() };
}

/** A measure's observation values (canonical unit), sorted, and what makes them unfit for pruning by value. */
export interface MeasureValues {
  sorted: Float64Array;
  /** Some observation has a qualifier other than 'exact' (its interval may hold any exact claim). */
  inexact: boolean;
  /** Some value is not finite, or a figure's precision is not a number (agreement's tolerance is then infinite or NaN). */
  nonFinite: boolean;
  /** Half the largest precision of the observations' figures (at least 0): no figure tolerance exceeds it. */
  figureTolerance: number;
  /** The hull of the intervals (valueInterval) of the figures of observations that are not exact: where an exact claim may agree with one. */
  inexactLow: number;
  inexactHigh: number;
}

/** The value table of one measure's observations (see MeasureValues). */
export function measureValues(list: IndexedObservation[]): MeasureValues {
  let inexact = false;
  let nonFinite = false;
  let figureTolerance = 0;
  let inexactLow = Infinity;
  let inexactHigh = -Infinity;
  for (const io of list) {
    if (io.obs.qualifier !== 'exact') {
      inexact = true;
      if (io.figure) {
        const [lo, hi] = valueInterval(io.figure);
        if (Number.isNaN(lo) || Number.isNaN(hi)) nonFinite = true;
        inexactLow = Math.min(inexactLow, lo);
        inexactHigh = Math.max(inexactHigh, hi);
      }
    }
    const p = io.figure?.precision ?? 0;
    if (!Number.isFinite(io.value) || Number.isNaN(p)) nonFinite = true;
    figureTolerance = Math.max(figureTolerance, p / 2);
  }
  return { sorted: Float64Array.from(list, (io) => io.value).sort(), inexact, nonFinite, figureTolerance, inexactLow, inexactHigh };
}

const cache = new WeakMap<FactBase, FactIndex>();

/** Returns the (cached) index of a fact base. */
export function indexOf(base: FactBase): FactIndex {
  return finishSteps(indexSteps(base));
}

/** indexOf in steps: the cached index, or the index built with a pause every few thousand observations (then cached). */
export function* indexSteps(base: FactBase): Generator<void, FactIndex, void> {
  let idx = cache.get(base);
  if (!idx) {
    // Figures and measure units are read with the base's units table.
    const units = unitTableOf(base);
    idx = yield* unitsDuring(units, buildIndex(base, units));
    cache.set(base, idx);
  }
  return idx;
}

/** Observations handled between two pauses of a stepped build (measures: a quarter of it, each sorts its observations). */
export const STEP_ITEMS = 2048;

function* buildIndex(base: FactBase, units: UnitTable): Generator<void, FactIndex, void> {
  const subjects = new Map(base.subjects.map((s) => [s.id, s]));
  const subjectNames: { name: string; subject: string }[] = [];
  for (const s of base.subjects) {
    for (const name of [s.name, ...s.aliases]) subjectNames.push({ name, subject: s.id });
  }
  subjectNames.sort((a, b) => b.name.length - a.name.length);
  const measures = new Map(base.measures.map((m) => [m.id, m]));
  const observations = new Map<string, IndexedObservation[]>();
  // One parsed figure per distinct text, shared by the observations writing it (never changed).
  const figures = new Map<string, Quantity | undefined>();
  const declines = new Map<string, Quantity>();
  let k = 0;
  for (const obs of base.observations) {
    if (++k % STEP_ITEMS === 0) yield;
    const measure = measures.get(obs.measure);
    if (!measure) continue;
    let figure = figures.get(obs.figure);
    if (figure === undefined && !figures.has(obs.figure)) figures.set(obs.figure, (figure = parseQuantity(obs.figure)));
    // A figure read only in its words' context (两位数 before 增长) is read in its quote.
    if (figure === undefined) figure = parseQuantity(obs.figure, obs.quote);
    // A decline (value negative, figure written without its sign: 年均下降9.9%) reads as its negative.
    if (figure && obs.value < 0 && figure.value > 0) {
      let neg = declines.get(obs.figure);
      if (!neg) declines.set(obs.figure, (neg = { ...figure, value: -figure.value }));
      figure = neg;
    }
    const factor = unitInfo(measure.unit)?.factor ?? 1;
    const list = observations.get(obs.measure) ?? [];
    const value = obs.value * factor;
    list.push({ obs, measure, figure, value });
    observations.set(obs.measure, list);
  }
  const values = new Map<string, MeasureValues>();
  const dateOrdered = new Set<IndexedObservation[]>();
  for (const [id, list] of observations) {
    if (++k % (STEP_ITEMS / 4) === 0) yield;
    const published = list.map((io) => io.obs.published);
    // Sorted by date as a stable sort of the list would (each date read once).
    const order = published.map((_, i) => i).sort((a, b) => published[a].localeCompare(published[b]));
    const sorted = order.map((i) => list[i]);
    sorted.forEach((io, i) => (list[i] = io));
    if (order.every((k, i) => i === 0 || published[order[i - 1]] <= published[k])) dateOrdered.add(list);
    values.set(id, measureValues(list));
  }
  yield;
  const roles = new Map<string, Role[]>();
  for (const r of base.roles) {
    const list = roles.get(r.person) ?? [];
    list.push(r);
    roles.set(r.person, list);
  }
  for (const list of roles.values()) list.sort((a, b) => a.asOf.localeCompare(b.asOf));
  const people = [...roles.keys()].sort((a, b) => b.length - a.length);
  const terms = new Map<string, Measure[]>();
  for (const m of base.measures) {
    for (const t of new Set([...m.terms])) {
      const list = terms.get(t) ?? [];
      list.push(m);
      terms.set(t, list);
    }
  }
  const dictionary = new Set<string>();
  for (const { name } of subjectNames) dictionary.add(name);
  for (const t of terms.keys()) dictionary.add(t);
  for (const p of people) dictionary.add(p);
  for (const r of base.roles) for (const t of r.titles) dictionary.add(t);
  return {
    base,
    subjects,
    subjectNames,
    measures,
    observations,
    roles,
    people,
    sources: new Map(base.sources.map((s) => [s.id, s])),
    terms,
    dictionary: [...dictionary].filter((w) => w.length >= 2 && !/\s/.test(w)),
    values,
    dateOrdered,
    units,
    derived: new Map(),
  };
}

/** publishedBy's lists by measure id and date (a draft asks for the same few again and again, misattribution for many); emptied past 10,000. */
const PUBLISHED = new DerivedValue(() => new PairCache<string, string, IndexedObservation[]>(10_000));

/**
 * A measure's observations published on or before `asOf` (same order; memoized, not to
 * be changed). The lists are sorted by publication date (localeCompare), so when a list
 * is also in code-unit order, as well-formed dates are, they are a prefix found by binary
 * search; else a filter.
 */
export function publishedBy(idx: FactIndex, measureId: string, asOf: string): IndexedObservation[] {
  const memo = PUBLISHED.of(idx);
  const known = memo.get(measureId, asOf);
  if (known) return known;
  const list = idx.observations.get(measureId) ?? [];
  return memo.set(measureId, asOf, idx.dateOrdered.has(list) ? list.slice(0, firstIndex(list.length, (i) => list[i].obs.published <= asOf)) : list.filter((io) => io.obs.published <= asOf));
}

/** The chain of a subject and its ancestors (partOf), nearest first. */
export function ancestry(idx: FactIndex, id: string): string[] {
  const chain: string[] = [];
  let cur: string | undefined = id;
  while (cur && !chain.includes(cur)) {
    chain.push(cur);
    cur = idx.subjects.get(cur)?.partOf;
  }
  return chain;
}

/** True when one subject is the other, or contains it, or is part of it. */
export function subjectsCompatible(idx: FactIndex, a: string, b: string): boolean {
  const memo = COMPATIBLE.of(idx);
  const known = memo.get(a, b);
  return known ?? memo.set(a, b, ancestry(idx, a).includes(b) || ancestry(idx, b).includes(a));
}

/** subjectsCompatible by pair (judging asks it for every candidate of every claim), by one subject then the other; emptied past 100,000. */
const COMPATIBLE = new DerivedValue(() => new PairCache<string, string, boolean>(100_000));

/** The district-level subject of a subject (the ancestor whose parent is the root), for deictic 全区. */
export function districtOf(idx: FactIndex, id: string): string {
  const chain = ancestry(idx, id);
  return chain.length >= 2 ? chain[chain.length - 2] : chain[0];
}

const MEASURE_SUBJECTS = new DerivedValue((idx) => new Set(idx.base.measures.map((m) => m.subject)));

/** The subjects the fact base holds measures of. */
export function measureSubjects(idx: FactIndex): Set<string> {
  return MEASURE_SUBJECTS.of(idx);
}
