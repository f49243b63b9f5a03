/**
 * Cross-file validation of a fact base: unique ids, resolving references, then the
 * checks against the sources (quotes, figures, values, roles, exclusions) and coverage.
 * Pure: parsed files in, the FactBase with every problem and the coverage out.
 */
import type { Exclusion, FactBase, Measure, Observation, Origin, Quantity, Role, Source, Subject } from '../types';
import type { FactFilePositions } from './factFilePositions';
import type { ParsedFactFile, Section } from './parseFactFile';
import type { ParsedSourceFile } from './parseSourceFile';
import { problemAt, sortProblems, type FilePosition, type Problem } from './problems';
import { checkAgainstSources } from './sourceChecks';
import { checkConflicts, checkValues } from './valueChecks';
import { checkKinds } from './kindChecks';
import { checkLeftovers } from './leftoverChecks';
import { baseUnits, type BaseUnits } from './unitChecks';
import { checkStatements, sourceStatements } from './statementChecks';
import { isStatementMeasure } from '../statements';
import { withUnits } from '../numbers';
import { groupBy } from '../util';
import { coverageProblems, occurrences, sourceCoverage, type SourceCoverage } from './coverage';

/** An entry of a fact file with the means to point at it. */
export class Entry<T> {
  constructor(
    readonly value: T,
    readonly file: string,
    readonly section: Section,
    private readonly positions: FactFilePositions,
    /** Index of the entry in its section of the parsed file's data. */
    private readonly index: number,
  ) {}

  /** Position of the entry, or of one of its fields' values. */
  pos(field?: string): FilePosition {
    return this.positions.entry(this.section, this.index, field);
  }

  /** Position of a substring of a string field. */
  textPos(field: string, index: number, length: number): FilePosition {
    return this.positions.entryText(this.section, this.index, field, index, length);
  }
}

/** The fact base's entries, each with its position, keyed by id where they have one. */
export interface Entries {
  subjects: Entry<Subject>[];
  measures: Entry<Measure>[];
  observations: Entry<Observation>[];
  roles: Entry<Role>[];
  exclusions: Entry<Exclusion>[];
  sources: Map<string, Source>;
  subjectById: Map<string, Entry<Subject>>;
  measureById: Map<string, Entry<Measure>>;
  observationById: Map<string, Entry<Observation>>;
  /** For each observation (same order), the offsets of every occurrence of its quote in its source's body ([] without a source). */
  quoteHits: number[][];
  /** Observations whose file states no kind (they are actuals, or forecasts by the deprecated estimate flag). */
  kindUnstated: Set<Entry<Observation>>;
}

/** What validateFactBase takes: the parsed files of every folder, in load order. */
export interface FactBaseInput {
  dirs: string[];
  factFiles: ParsedFactFile[];
  sourceFiles: { file: string; parsed: ParsedSourceFile }[];
  /** Quantities the number scanner finds in source bodies, by body, when already scanned (else scanned here), with `units`' table. */
  scans?: ReadonlyMap<string, Quantity[]>;
  /** The units of the fact files, when already gathered (else gathered here). */
  units?: BaseUnits;
}

/** The validated base, every problem (sorted), and the coverage of each source. */
export interface ValidationResult {
  base: FactBase;
  problems: Problem[];
  coverage: SourceCoverage[];
}

const KIND_NOUN: Record<string, string> = {
  subjects: 'subject',
  measures: 'measure',
  observations: 'observation',
  roles: 'role',
  sources: 'source',
};

/**
 * Validates a whole fact base (see the file header for what is checked). Its figures are
 * read with its units table: the bundled table extended by its own `units:` entries.
 */
/** The last part of a path, after its last / or \\ (the core reads paths, not the file system). */
function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

export function validateFactBase(input: FactBaseInput): ValidationResult {
  const units = input.units ?? baseUnits(input.factFiles);
  const r = withUnits(units.table, () => validateEntries(input));
  r.base.units = units.defs;
  return units.problems.length ? { ...r, problems: sortProblems([...units.problems, ...r.problems]) } : r;
}

function validateEntries(input: FactBaseInput): ValidationResult {
  const problems: Problem[] = [];
  for (const f of input.factFiles) problems.push(...f.problems);
  for (const s of input.sourceFiles) problems.push(...s.parsed.problems);
  const dropped = new Set(input.factFiles.flatMap((f) => f.droppedIds ?? []));

  const origins = new Map<string, Origin>();
  // The kind of each id other than an observation's (most ids are observations'), for messages.
  const kinds = new Map<string, string>();
  const define = (id: string, kind: string, file: string, pos: FilePosition): boolean => {
    const first = origins.get(id);
    if (first) {
      const p = problemAt(file, pos, `duplicate id "${id}": already used by a ${KIND_NOUN[kinds.get(id) ?? 'observations']} (ids are unique across all files and folders)`);
      p.related = [{ ...first, message: `"${id}" first defined here` }];
      problems.push(p);
      return false;
    }
    origins.set(id, { file, line: pos.line, column: pos.column });
    if (kind !== 'observations') kinds.set(id, kind);
    return true;
  };

  const sources = new Map<string, Source>();
  for (const { file, parsed } of input.sourceFiles) {
    if (!parsed.source) continue;
    if (define(parsed.source.id, 'sources', file, parsed.idPosition ?? { line: 0, column: 0 })) sources.set(parsed.source.id, parsed.source);
  }

  const e: Entries = {
    subjects: [], measures: [], observations: [], roles: [], exclusions: [], sources,
    subjectById: new Map(), measureById: new Map(), observationById: new Map(), quoteHits: [], kindUnstated: new Set(),
  };
  for (const f of input.factFiles) {
    const d = f.data;
    if (!d) continue;
    const entry = <T>(section: Section, value: T, i: number): Entry<T> => new Entry(value, f.file, section, f.positions, i);
    (d.subjects ?? []).forEach((s, i) => {
      const en = entry<Subject>('subjects', s, i);
      if (define(s.id, 'subjects', f.file, en.pos())) { e.subjects.push(en); e.subjectById.set(s.id, en); }
      // One place to look a subject up: subjects.yaml (of any folder of the base).
      if (fileName(f.file) !== 'subjects.yaml') problems.push(problemAt(f.file, en.pos(), `subject "${s.id}" is defined outside subjects.yaml: move it there`, 'warning'));
    });
    (d.measures ?? []).forEach((m, i) => {
      const en = entry<Measure>('measures', m, i);
      if (define(m.id, 'measures', f.file, en.pos())) { e.measures.push(en); e.measureById.set(m.id, en); }
    });
    (d.observations ?? []).forEach((o, i) => {
      const published = o.published ?? sources.get(o.source)?.published ?? '';
      // Not `{ ...o, published }`: in V8 (Node 20) an object made by a spread is outside the
      // hidden-class transition tree, so adding a key gives every copy a class of its own
      // (memory for each, and every later property read megamorphic). Object.assign does not.
      // The kind, when the file gives none: the deprecated `estimate: true` is a forecast, else an actual.
      const kind = o.kind ?? (o.estimate ? 'forecast' : 'actual');
      const en = entry<Observation>('observations', Object.assign({}, o, { published, kind }), i);
      if (define(o.id, 'observations', f.file, en.pos())) {
        e.observations.push(en);
        e.observationById.set(o.id, en);
        if (o.kind === undefined) e.kindUnstated.add(en);
      }
    });
    (d.roles ?? []).forEach((r, i) => {
      const en = entry<Role>('roles', r, i);
      if (define(r.id, 'roles', f.file, en.pos())) e.roles.push(en);
    });
    (d.exclusions ?? []).forEach((x, i) => e.exclusions.push(entry<Exclusion>('exclusions', x, i)));
  }

  // Each quote is looked for once: the source checks and the coverage both use where it occurs.
  e.quoteHits = e.observations.map((o) => {
    const s = sources.get(o.value.source);
    return s ? occurrences(s.body, o.value.quote) : [];
  });
  problems.push(...checkReferences(e, dropped));
  problems.push(...checkAgainstSources(e));
  problems.push(...checkValues(e));
  problems.push(...checkConflicts(e));
  problems.push(...checkKinds(e));
  problems.push(...checkLeftovers(sources.values()));
  const statements = sourceStatements(sources.values());
  problems.push(...checkStatements(e, statements));

  const coverage: SourceCoverage[] = [];
  // Entries grouped by source once, in their order (a filter per source was quadratic).
  const obsBySource = groupBy(e.observations.map((o, i) => ({ o, hits: e.quoteHits[i] })), (x) => x.o.value.source);
  const exsBySource = groupBy(e.exclusions, (x) => x.value.source);
  const pendingBySource = groupBy(input.factFiles.flatMap((f) => f.droppedFigures ?? []), (d) => d.source);
  for (const s of sources.values()) {
    const obs = obsBySource.get(s.id) ?? [];
    const exs = exsBySource.get(s.id) ?? [];
    const pending = pendingBySource.get(s.id) ?? [];
    const isStatement = obs.map((x) => isStatementMeasure(e.measureById.get(x.o.value.measure)?.value.kind ?? ''));
    const c = sourceCoverage(s, obs.map((x) => x.o.value), exs.map((x) => x.value), pending, input.scans?.get(s.body), obs.map((x) => x.hits), statements.get(s.id), isStatement);
    coverage.push(c);
    problems.push(...coverageProblems(c, s));
    for (const i of c.unreadObservations) {
      const { o } = obs[i];
      problems.push(problemAt(o.file, o.pos('figure'), `the number scanner finds no quantity in figure "${o.value.figure}" where the quote stands in the source, so drafts that write it this way will not be matched`, 'warning'));
    }
    for (const i of c.unusedExclusions) {
      const x = exs[i];
      problems.push(problemAt(x.file, x.pos('figure'), `the grammars find no quantity or statement in figure "${x.value.figure}" of this exclusion, so it excludes nothing: remove it`, 'warning'));
    }
  }

  problems.push(...unreviewedReferences(e));
  const base: FactBase = {
    subjects: reviewedOnly(e.subjects),
    measures: reviewedOnly(e.measures),
    observations: reviewedOnly(e.observations),
    roles: reviewedOnly(e.roles),
    sources: [...sources.values()],
    exclusions: e.exclusions.map((x) => x.value),
    origins,
    dirs: input.dirs,
  };
  const unreviewed = { subjects: pendingOnly(e.subjects), measures: pendingOnly(e.measures), observations: pendingOnly(e.observations), roles: pendingOnly(e.roles) };
  if (unreviewed.subjects.length + unreviewed.measures.length + unreviewed.observations.length + unreviewed.roles.length) base.unreviewed = unreviewed;
  return { base, problems: sortProblems(problems), coverage };
}

const isPending = (x: { reviewed?: boolean }): boolean => x.reviewed === false;
/** The values of entries the checker uses (not marked `reviewed: false`). */
function reviewedOnly<T extends { reviewed?: boolean }>(entries: Entry<T>[]): T[] {
  return entries.flatMap((x) => (isPending(x.value) ? [] : [x.value]));
}
/** The values of entries marked `reviewed: false`. */
function pendingOnly<T extends { reviewed?: boolean }>(entries: Entry<T>[]): T[] {
  return entries.flatMap((x) => (isPending(x.value) ? [x.value] : []));
}

/** A reviewed entry naming an unreviewed one is left out by the checker all the same: say so where it is. */
function unreviewedReferences(e: Entries): Problem[] {
  const out: Problem[] = [];
  const pending = (kind: string, id: string | undefined, en: Entry<{ reviewed?: boolean }>, field: string, target?: { value: { reviewed?: boolean } }) => {
    if (id !== undefined && !isPending(en.value) && target && isPending(target.value)) {
      out.push(problemAt(en.file, en.pos(field), `${field} "${id}" names a ${kind} not reviewed yet (reviewed: false): the checker leaves this entry out until that ${kind} is accepted too`, 'warning'));
    }
  };
  for (const m of e.measures) pending('subject', m.value.subject, m, 'subject', e.subjectById.get(m.value.subject));
  for (const o of e.observations) pending('measure', o.value.measure, o, 'measure', e.measureById.get(o.value.measure));
  for (const r of e.roles) pending('subject', r.value.organisation, r, 'organisation', e.subjectById.get(r.value.organisation));
  return out;
}

/** Every id an entry names must exist, and be of the right kind. */
function checkReferences(e: Entries, dropped: Set<string>): Problem[] {
  const out: Problem[] = [];
  const ref = (en: Entry<unknown>, field: string, id: string | undefined, kind: string, exists: boolean, at?: FilePosition): void => {
    if (id === undefined || exists || dropped.has(id)) return;
    out.push(problemAt(en.file, at ?? en.pos(field), `${field} "${id}" names no ${kind} in the fact base`));
  };
  for (const s of e.subjects) ref(s, 'partOf', s.value.partOf, 'subject', e.subjectById.has(s.value.partOf ?? ''));
  for (const s of e.subjects) {
    // partOf must not loop back to the subject itself.
    const seen = new Set<string>([s.value.id]);
    for (let p = s.value.partOf; p !== undefined; p = e.subjectById.get(p)?.value.partOf) {
      if (seen.has(p)) {
        out.push(problemAt(s.file, s.pos('partOf'), `subject "${s.value.id}": partOf forms a cycle (${[...seen, p].join(' → ')})`));
        break;
      }
      seen.add(p);
    }
  }
  for (const m of e.measures) ref(m, 'subject', m.value.subject, 'subject', e.subjectById.has(m.value.subject));
  for (const o of e.observations) {
    ref(o, 'measure', o.value.measure, 'measure', e.measureById.has(o.value.measure));
    ref(o, 'source', o.value.source, 'source', e.sources.has(o.value.source));
    (o.value.conflictsWith ?? []).forEach((c, i) => {
      const other = e.observationById.get(c);
      ref(o, 'conflictsWith', c, 'observation', !!other, o.pos('conflictsWith'));
      if (c === o.value.id) out.push(problemAt(o.file, o.pos('conflictsWith'), `observation "${c}" lists itself in conflictsWith (item ${i + 1})`));
      else if (other && other.value.measure !== o.value.measure) {
        out.push(problemAt(o.file, o.pos('conflictsWith'), `conflictsWith "${c}" is an observation of measure "${other.value.measure}", not of "${o.value.measure}"`, 'warning'));
      }
    });
  }
  for (const r of e.roles) {
    ref(r, 'source', r.value.source, 'source', e.sources.has(r.value.source));
    ref(r, 'organisation', r.value.organisation, 'subject', e.subjectById.has(r.value.organisation));
  }
  for (const x of e.exclusions) ref(x, 'source', x.value.source, 'source', e.sources.has(x.value.source));
  return out;
}
