/**
 * Suggested observations and roles for a source: every figure (the number scanner's
 * quantities), rank, first, edition, year of an event (the statement grammars) and
 * person–title pair of its body, read with the checker's grammars and context, and the
 * ones the base does not hold yet. Pure: a fact base and a source id in, suggestions out.
 */
import type { FactBase, Observation, Quantity, Role, Source } from '../types';
import { DerivedValue, indexOf, districtOf } from '../factIndex';
import { findSubjects, type ClaimContext } from '../draft';
import { resolveCollisions, type FigureReading } from './collisions';
import { figureSpans } from '../factbase';
import { readSource, figureContext, periodSyntax, kindOf, quoteFor, type SourceReading } from './read';
import { chooseMeasure, valueIn, MeasureProposals, type MeasureChoice } from './measureChoice';
import { readStatements, statementChoice, statementPeriod, statementValue } from './statements';
import type { StatementMention } from '../statements';
import { readRoles } from './people';
import { IdRegistry, slug } from './ids';
import { proposeSubject } from './subjects';
import { Topics } from './topic';
import type { Held, ObservationSuggestion, ProposedMeasure, ProposedSubject, RoleSuggestion, Suggestion } from './suggestionTypes';

export type * from './suggestionTypes';

/** Options of suggestSource. */
export interface SuggestOptions {
  /** Every figure and pair, also those the base holds already (each with `held`). */
  all?: boolean;
}

/** What a source's suggestions need written besides themselves. */
export interface SourceSuggestions {
  source: Source;
  suggestions: Suggestion[];
  /** New measures the suggestions use, in order of first use. */
  measures: ProposedMeasure[];
  /** New subjects the suggestions use. */
  subjects: ProposedSubject[];
  /** How many of the source's figures and pairs the base holds (observation, role or exclusion), of how many read. */
  coverage: { held: number; total: number };
}

/** Confidence of where a subject came from. */
const SCOPE_CONFIDENCE: Record<string, number> = { clause: 1, sentence: 0.9, paragraph: 0.8, heading: 0.75, title: 0.65, none: 0.3 };

/**
 * The base without what was curated from one source: its figures are read as in a
 * base that never saw it, so `--all` measures the reading, not a look-up of its entries.
 */
function without(base: FactBase, source: string): FactBase {
  const obs = base.observations.filter((o) => o.source !== source);
  const roles = base.roles.filter((r) => r.source !== source);
  // Measures and subjects suggested before (not reviewed yet) are reused, not proposed again.
  const pending = base.unreviewed;
  const subjects = pending?.subjects.length ? [...base.subjects, ...pending.subjects] : base.subjects;
  const measures = pending?.measures.length ? [...base.measures, ...pending.measures] : base.measures;
  if (obs.length === base.observations.length && roles.length === base.roles.length && subjects === base.subjects && measures === base.measures) return base;
  return { ...base, subjects, measures, observations: obs, roles };
}

/** The bases `without` each source, by source id, kept by the base's index. */
const BLIND = new DerivedValue(() => new Map<string, FactBase>());

/** `without`, memoized per base and source (its index is then built once). */
function blindTo(base: FactBase, source: string): FactBase {
  const m = BLIND.of(indexOf(base));
  let b = m.get(source);
  if (!b) m.set(source, (b = without(base, source)));
  return b;
}

/** Suggestions for one source of the base (undefined when the base has no such source). */
export function suggestSource(base: FactBase, sourceId: string, options: SuggestOptions = {}): SourceSuggestions | undefined {
  const source = base.sources.find((s) => s.id === sourceId);
  if (!source) return undefined;
  const proposedSubject = proposeSubject(indexOf(base), source);
  const reading = proposedSubject ? { ...blindTo(base, sourceId), subjects: [...base.subjects, proposedSubject] } : blindTo(base, sourceId);
  const idx = indexOf(reading);
  const r = readSource(idx, source);
  const ids = new IdRegistry([...base.origins.keys()]);
  const proposals = new MeasureProposals(ids);
  const held = new Holdings(base, source);
  const topics = new Topics(idx, r);
  const out: Suggestion[] = [];
  const fallback = (at: number): string | undefined => {
    const title = findSubjects(idx, source.title)[0]?.subject ?? proposedSubject?.id;
    const ctx = r.finder.contextOf(at, at + 1);
    return ctx?.subject ? districtOf(idx, ctx.subject) : title;
  };

  let total = 0;
  let covered = 0;
  const add = (s: Suggestion): void => {
    total++;
    if (s.held) covered++;
    if (options.all || !s.held) out.push(s);
  };

  const readings: FigureReading[] = [];
  const figureReading = (q: Quantity, figure: string, ctx: ClaimContext, read: string, choice: MeasureChoice, statement?: StatementMention): FigureReading => ({
    q,
    figure,
    ctx,
    read,
    choice,
    statement,
    period: periodSyntax(r, ctx, q.start),
    kind: kindOf(r.text, ctx, q.start, statement),
    excluded: new Set(),
    conflicts: [],
  });
  for (const q of r.quantities) {
    const ctx = figureContext(r, q.start, q.end, q);
    if (!ctx) continue;
    if (q.dimension !== 'duration') Object.assign(ctx, topics.periodOf(ctx, q.start));
    else Object.assign(ctx, streakPeriod(topics, r, ctx, q));
    Object.assign(ctx, readSubject(topics, ctx, q.start, q.end));
    if (ctx.subjectScope === 'outside') continue;
    const read = ctx.subject ?? fallback(q.start);
    if (!read) continue;
    readings.push(figureReading(q, q.text, ctx, read, chooseMeasure(idx, r, q, ctx, read, proposals)));
  }
  for (const m of readStatements(source)) {
    const ctx = figureContext(r, m.start, m.end);
    if (!ctx) continue;
    Object.assign(ctx, topics.periodOf(ctx, m.start));
    Object.assign(ctx, statementPeriod(r, topics, m, ctx));
    Object.assign(ctx, readSubject(topics, ctx, m.start, m.end));
    if (ctx.subjectScope === 'outside') continue;
    const read = ctx.subject ?? fallback(m.start);
    if (!read) continue;
    const q = { start: m.start, end: m.end, text: m.text, ...statementValue(m), dimension: m.kind === 'rank' ? 'rank' : 'none' } as Quantity;
    readings.push(figureReading(q, m.text, ctx, read, statementChoice(idx, r, m, ctx, read, proposals), m));
  }
  resolveCollisions(readings, (x) =>
    x.statement ? statementChoice(idx, r, x.statement, x.ctx, x.read, proposals, x.excluded) : chooseMeasure(idx, r, x.q, x.ctx, x.read, proposals, x.excluded),
  );
  const made = new Map<FigureReading, ObservationSuggestion>();
  for (const x of readings) {
    // The measure may be of a part or a whole around the subject read (雁栖环湖步道 of 雁栖湖国际会都; an edition held in a part of the district): an observation is its measure's subject's.
    const subject = x.choice.measure?.subject ?? x.read;
    const at = x.statement ? held.figure(x.q.start, x.q.end) : held.figure(x.q.numberStart, x.q.numberEnd);
    made.set(x, observation(r, ids, x, subject, at, proposedSubject));
  }
  for (const [x, s] of made) {
    if (x.conflicts.length) s.conflictsWith = x.conflicts.map((c) => made.get(c)!.id);
    add(s);
  }
  for (const role of distinctRoles(readRoles(idx, r.text, (at) => fallback(at)))) {
    add(roleSuggestion(r, ids, role, held.role(role.person, role.organisation), proposedSubject));
  }
  out.sort((a, b) => a.start - b.start || (a.type === b.type ? 0 : a.type === 'role' ? 1 : -1));
  const used = new Set(out.flatMap((s) => (s.type === 'observation' && s.newMeasure ? [s.newMeasure.id] : [])));
  return {
    source,
    suggestions: out,
    measures: proposals.all().filter((m) => used.has(m.id)),
    subjects: proposedSubject && out.some((s) => s.newSubject) ? [proposedSubject] : [],
    coverage: { held: covered, total },
  };
}

/** A streak's length (连续两年) counts the years its sentence names before it (2023年和2024年): that span is its period; another duration has none. */
function streakPeriod(topics: Topics, r: SourceReading, ctx: ClaimContext, q: Quantity): Pick<ClaimContext, 'period' | 'periodText'> {
  if (!r.text.slice(Math.max(0, q.start - 2), q.start).endsWith('连续') || !q.text.endsWith('年')) return {};
  const ys = topics.streakYears(ctx, q.start, q.value);
  return ys ? { period: { kind: 'span', from: ys.from, to: ys.to }, periodText: ys.text } : {};
}

/** The context's subject and its scope as Topics reads them. */
function readSubject(topics: Topics, ctx: ClaimContext, start: number, end: number): Pick<ClaimContext, 'subject' | 'subjectScope'> {
  const { subject, scope } = topics.subjectOf(ctx, start, end);
  return { subject, subjectScope: scope };
}

/** An observation suggestion from a read figure. */
function observation(r: SourceReading, ids: IdRegistry, x: FigureReading, subject: string, held: Held | undefined, proposedSubject: ProposedSubject | undefined): ObservationSuggestion {
  const { q, ctx, choice, statement } = x;
  const measureId = choice.measure?.id ?? choice.proposed!.id;
  const unit = choice.measure?.unit ?? choice.proposed!.unit;
  const explicitPeriod = ctx.period !== undefined;
  const measureConfidence = choice.measure ? Math.min(1, 0.6 + choice.score / 4) : 0.6;
  const confidence = (SCOPE_CONFIDENCE[ctx.subjectScope] ?? 0.5) * (explicitPeriod ? 1 : 0.85) * measureConfidence;
  return {
    type: 'observation',
    reading: statement?.kind ?? 'figure',
    source: r.source.id,
    start: q.start,
    end: q.end,
    subject,
    ...(proposedSubject && subject === proposedSubject.id ? { newSubject: proposedSubject } : {}),
    measure: choice.measure?.id ?? null,
    measureName: choice.measure?.name ?? choice.proposed!.name,
    ...(choice.proposed ? { newMeasure: choice.proposed } : {}),
    unit,
    figure: x.figure,
    // A statement's value is its position, edition or year; a quantity's is in the measure's unit.
    value: statement ? q.value : valueIn(q, unit),
    ...(q.high !== undefined ? { high: statement ? q.high : valueIn(q, unit, q.high) } : {}),
    qualifier: q.qualifier,
    ...(statement?.groupText ? { group: statement.groupText } : {}),
    period: x.period,
    ...(ctx.periodText && explicitPeriod ? { periodText: ctx.periodText } : {}),
    kind: x.kind,
    quote: quoteFor(r, ctx, q.start, q.end),
    confidence: Math.round(confidence * 100) / 100,
    id: held?.by === 'observation' ? held.ref : ids.claim(`${measureId}.${r.source.id}`),
    ...(held ? { held } : {}),
  };
}

/** One role per person and organisation: the mention with the most title text (北京市人大代表 over 市人大代表). */
function distinctRoles(roles: ReturnType<typeof readRoles>): ReturnType<typeof readRoles> {
  const best = new Map<string, ReturnType<typeof readRoles>[number]>();
  const size = (x: { titles: string[] }) => x.titles.join('').length;
  for (const role of roles) {
    const key = `${role.person}\u0000${role.organisation}`;
    const had = best.get(key);
    if (!had || size(role) > size(had)) best.set(key, role);
  }
  return roles.filter((x) => best.get(`${x.person}\u0000${x.organisation}`) === x);
}

/** A role suggestion from a read person–title pair. */
function roleSuggestion(r: SourceReading, ids: IdRegistry, role: ReturnType<typeof readRoles>[number], held: Held | undefined, proposedSubject: ProposedSubject | undefined): RoleSuggestion {
  return {
    type: 'role',
    source: r.source.id,
    start: role.nameStart,
    end: role.end,
    person: role.person,
    title: role.titles.join('、'),
    titles: role.titles,
    organisation: role.organisation,
    ...(proposedSubject && role.organisation === proposedSubject.id ? { newSubject: proposedSubject } : {}),
    asOf: r.asOf,
    quote: r.text.slice(role.start, role.end),
    confidence: 0.8,
    id: held?.by === 'role' ? held.ref : ids.claim(`role.${slug(role.person).replace(/-/g, '')}.${r.source.id}`),
    ...(held ? { held } : {}),
  };
}

/** What the base already records of a source (reviewed or not): its observations' and exclusions' figure places, its roles. */
class Holdings {
  private readonly spans: { start: number; end: number; held: Held }[] = [];
  private readonly roles: Role[];

  constructor(base: FactBase, source: Source) {
    const add = (o: Pick<Observation, 'quote' | 'figure'>, held: Held) => {
      for (const [start, end] of figureSpans(source.body, o.quote, o.figure)) this.spans.push({ start, end, held });
    };
    const pending = base.unreviewed;
    for (const o of [...base.observations, ...(pending?.observations ?? [])]) if (o.source === source.id) add(o, { by: 'observation', ref: o.id });
    for (const x of base.exclusions) if (x.source === source.id) add({ quote: x.context, figure: x.figure }, { by: 'exclusion', ref: x.context });
    this.roles = [...base.roles, ...(pending?.roles ?? [])].filter((r) => r.source === source.id);
  }

  /** The entry holding a figure whose number lies at [start, end). */
  figure(start: number, end: number): Held | undefined {
    return this.spans.find((s) => s.start <= start && end <= s.end)?.held;
  }

  /** The role of a person and organisation. */
  role(person: string, organisation: string): Held | undefined {
    const r = this.roles.find((x) => x.person === person && x.organisation === organisation);
    return r && { by: 'role', ref: r.id };
  }
}

