/**
 * What the hover says about the fact a claim was checked against, read from the fact
 * base itself rather than from the draft's words: the recorded subject, measure and
 * period of an observation, the recorded titles of a role, and for a figure that belongs
 * to another subject, the same measure's value for the subject the draft names.
 */
import { describePeriod } from '../core';
import type { FactBase, Locale, Measure, Observation, Role, Source } from '../core';

/** A fact-base entry by id. */
type Entry = { kind: 'observation'; obs: Observation } | { kind: 'measure'; measure: Measure } | { kind: 'role'; role: Role };

interface Lookup {
  entries: Map<string, Entry>;
  measures: Map<string, Measure>;
  subjects: Map<string, string>;
  subjectIds: Map<string, string>;
  sources: Map<string, Source>;
  byMeasure: Map<string, Observation[]>;
}

const lookups = new WeakMap<FactBase, Lookup>();

/** The base's entries by id (built once per loaded base). */
function lookupOf(base: FactBase): Lookup {
  let l = lookups.get(base);
  if (l) return l;
  l = { entries: new Map(), measures: new Map(), subjects: new Map(), subjectIds: new Map(), sources: new Map(), byMeasure: new Map() };
  for (const s of base.subjects) {
    l.subjects.set(s.id, s.name);
    l.subjectIds.set(s.name, s.id);
  }
  for (const m of base.measures) {
    l.measures.set(m.id, m);
    l.entries.set(m.id, { kind: 'measure', measure: m });
  }
  for (const o of base.observations) {
    l.entries.set(o.id, { kind: 'observation', obs: o });
    let list = l.byMeasure.get(o.measure);
    if (!list) l.byMeasure.set(o.measure, (list = []));
    list.push(o);
  }
  for (const r of base.roles) l.entries.set(r.id, { kind: 'role', role: r });
  for (const s of base.sources) l.sources.set(s.id, s);
  lookups.set(base, l);
  return l;
}

/** The recorded fact behind a claim's fact id, as one line of parts: subject, measure or titles, period or holder. */
export function describeFact(base: FactBase, factId: string, locale: Locale): string[] | undefined {
  const l = lookupOf(base);
  const e = l.entries.get(factId);
  if (!e) return undefined;
  const subject = (id: string): string => l.subjects.get(id) ?? id;
  if (e.kind === 'role') {
    const asOf = locale === 'zh' ? `截至${e.role.asOf}` : `as of ${e.role.asOf}`;
    return [subject(e.role.organisation), e.role.titles.join('、'), e.role.person, asOf];
  }
  const measure = e.kind === 'measure' ? e.measure : l.measures.get(e.obs.measure);
  if (!measure) return undefined;
  const parts = [subject(measure.subject), measure.name];
  if (e.kind === 'observation') parts.push(describePeriod(e.obs.period, locale));
  return parts;
}


/** A value of a subject's own measure, for a hover. */
export interface OwnValue {
  subject: string;
  measure: string;
  period: string;
  figure: string;
  obs: Observation;
  source?: Source;
}

/**
 * For a figure that belongs to another subject (misattributed): the value the base
 * records for the subject the draft names, on the measure of the same name and kind,
 * published by `asOf`: of the same period as the other subject's fact when there is one,
 * else the latest; actual figures before forecasts. Undefined when the base has none.
 */
export function ownValue(base: FactBase, otherFactId: string, draftSubjectName: string, asOf: string, locale: Locale): OwnValue | undefined {
  const l = lookupOf(base);
  const other = l.entries.get(otherFactId);
  const otherObs = other?.kind === 'observation' ? other.obs : undefined;
  const otherMeasure = other?.kind === 'measure' ? other.measure : otherObs ? l.measures.get(otherObs.measure) : undefined;
  const subjectId = l.subjectIds.get(draftSubjectName) ?? (l.subjects.has(draftSubjectName) ? draftSubjectName : undefined);
  if (!otherMeasure || !subjectId || subjectId === otherMeasure.subject) return undefined;
  const own = base.measures.find((m) => m.subject === subjectId && m.name === otherMeasure.name && m.kind === otherMeasure.kind);
  if (!own) return undefined;
  const known = (l.byMeasure.get(own.id) ?? []).filter((o) => o.published <= asOf);
  const rank = (o: Observation): number => (otherObs && o.period === otherObs.period ? 0 : 2) + (o.kind !== 'actual' ? 1 : 0);
  const best = [...known].sort((a, b) => rank(a) - rank(b) || (a.published < b.published ? 1 : a.published > b.published ? -1 : 0))[0];
  if (!best) return undefined;
  return { subject: draftSubjectName, measure: own.name, period: describePeriod(best.period, locale), figure: best.figure, obs: best, source: l.sources.get(best.source) };
}

/** A source's publisher, for the values-by-period table (source ids mean nothing to a writer). */
export function publisherOf(base: FactBase, sourceId: string): string {
  return lookupOf(base).sources.get(sourceId)?.publisher || sourceId;
}

/** The 0-based line of a quote in its source's file (the quote's first occurrence in the body). */
export function quoteLine(source: Source, quote: string): number {
  const at = source.body.indexOf(quote);
  let line = source.bodyLine;
  for (let i = 0; i < at; i++) if (source.body.charCodeAt(i) === 10) line++;
  return line;
}
