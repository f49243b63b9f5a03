/**
 * How well the suggestions for a source agree with what curators recorded from it:
 * recall (the curated observations and roles suggested with the right subject, figure,
 * period, value and qualifier; roles with the right person, titles and organisation) and
 * precision (suggestions that match a curated observation, role or exclusion). A
 * suggestion matches an observation when source, figure as written, period and subject
 * agree and it stands at the observation's place in the source.
 */
import type { FactBase, Observation, Role } from '../types';
import { unitInfo } from '../numbers';
import { figureSpans } from '../factbase';
import type { ObservationSuggestion, RoleSuggestion, Suggestion } from './suggestionTypes';

/** The agreement of one source's suggestions with its curated entries. */
export interface SourceQuality {
  source: string;
  curated: number;
  recalled: number;
  suggested: number;
  matched: number;
  recall: number;
  precision: number;
  /** Curated entries not recalled, and suggestions matching nothing, for reading. */
  missed: string[];
  unmatched: string[];
}

const canonical = (value: number, unit: string): number => value * (unitInfo(unit)?.factor ?? 1);
const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const sameTitles = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((t) => b.includes(t));

/** Compares the `--all` suggestions of one source with the observations, roles and exclusions curated from it. */
export function compareWithCurated(base: FactBase, sourceId: string, suggestions: readonly Suggestion[]): SourceQuality {
  const source = base.sources.find((s) => s.id === sourceId);
  if (!source) throw new Error(`no source ${sourceId}`);
  const measures = new Map(base.measures.map((m) => [m.id, m]));
  const observations = base.observations.filter((o) => o.source === sourceId);
  const roles = base.roles.filter((r) => r.source === sourceId);
  const exclusions = base.exclusions.filter((x) => x.source === sourceId);
  const spans = new Map(observations.map((o) => [o, figureSpans(source.body, o.quote, o.figure)]));
  const excluded = exclusions.flatMap((x) => figureSpans(source.body, x.context, x.figure));
  const at = (s: Suggestion, list: [number, number][]) => list.some(([a, b]) => a <= s.start && s.end <= b);

  const placeMatch = (s: ObservationSuggestion, o: Observation): boolean =>
    s.figure === o.figure && s.period === o.period && s.subject === measures.get(o.measure)?.subject && at(s, spans.get(o)!);
  const valueMatch = (s: ObservationSuggestion, o: Observation): boolean => {
    const unit = measures.get(o.measure)?.unit ?? '';
    return s.qualifier === o.qualifier && near(canonical(s.value, s.unit), canonical(o.value, unit)) && (o.high === undefined || (s.high !== undefined && near(canonical(s.high, s.unit), canonical(o.high, unit))));
  };
  const roleMatch = (s: RoleSuggestion, r: Role): boolean => s.person === r.person && s.organisation === r.organisation && sameTitles(s.titles, r.titles);

  const obsSuggestions = suggestions.filter((s): s is ObservationSuggestion => s.type === 'observation' && s.source === sourceId);
  const roleSuggestions = suggestions.filter((s): s is RoleSuggestion => s.type === 'role' && s.source === sourceId);
  const missed: string[] = [];
  let recalled = 0;
  for (const o of observations) {
    if (obsSuggestions.some((s) => placeMatch(s, o) && valueMatch(s, o))) recalled++;
    else {
      const there = obsSuggestions.filter((s) => at(s, spans.get(o)!));
      missed.push(`${o.id}: ${o.figure} ${measures.get(o.measure)?.subject} ${o.period} ${o.value}${o.qualifier !== 'exact' ? ` ${o.qualifier}` : ''} ← ${there.map(describe).join(' | ') || 'not suggested'}`);
    }
  }
  for (const r of roles) {
    if (roleSuggestions.some((s) => roleMatch(s, r))) recalled++;
    else missed.push(`${r.id}: ${r.person} ${r.titles.join('、')} ${r.organisation} ← ${roleSuggestions.filter((s) => s.person === r.person).map(describe).join(' | ') || 'not suggested'}`);
  }
  const unmatched: string[] = [];
  let matched = 0;
  for (const s of obsSuggestions) {
    if (observations.some((o) => placeMatch(s, o)) || at(s, excluded)) matched++;
    else unmatched.push(describe(s));
  }
  for (const s of roleSuggestions) {
    if (roles.some((r) => roleMatch(s, r))) matched++;
    else unmatched.push(describe(s));
  }
  const curated = observations.length + roles.length;
  const suggested = obsSuggestions.length + roleSuggestions.length;
  return {
    source: sourceId,
    curated,
    recalled,
    suggested,
    matched,
    recall: curated ? recalled / curated : 1,
    precision: suggested ? matched / suggested : 1,
    missed,
    unmatched,
  };
}

/** One suggestion in a line, for reading. */
export function describe(s: Suggestion): string {
  if (s.type === 'role') return `role ${s.person} ${s.title} ${s.organisation}`;
  return `${s.figure} ${s.subject} ${s.period} ${s.value} ${s.unit}${s.qualifier !== 'exact' ? ` ${s.qualifier}` : ''} [${s.measure ?? `new ${s.newMeasure?.id}`}] «${s.quote}»`;
}
