/**
 * Suggestions as fact-file entries: the YAML blocks `facts suggest --format yaml` prints
 * and `--write` and the editor append (each marked `reviewed: false`), and the JSON
 * objects `--format json` prints. The fields follow the fact files' schema: a rank's or
 * first's `group` as written, and an observation's `kind` (forecast, target,
 * commitment) when it is not the default, actual.
 */
import { Document, isSeq, visit } from 'yaml';
import type { ObservationSuggestion, ProposedMeasure, ProposedSubject, RoleSuggestion, Suggestion } from './suggestionTypes';

/** A fact-file section. */
export type EntrySection = 'subjects' | 'measures' | 'observations' | 'roles';

/** One entry to write: its section and its fields in order. */
export interface Entry {
  section: EntrySection;
  id: string;
  fields: Record<string, unknown>;
}

/** The observation entry of a suggestion. */
export function observationEntry(s: ObservationSuggestion): Entry {
  const f: Record<string, unknown> = { id: s.id, measure: s.measure ?? s.newMeasure!.id, value: s.value };
  if (s.high !== undefined) f.high = s.high;
  if (s.qualifier !== 'exact') f.qualifier = s.qualifier;
  f.figure = s.figure;
  if (s.group) f.group = s.group;
  f.period = s.period;
  if (s.periodText) f.periodText = s.periodText;
  f.source = s.source;
  f.quote = s.quote;
  if (s.kind !== 'actual') f.kind = s.kind;
  if (s.conflictsWith?.length) f.conflictsWith = s.conflictsWith;
  f.reviewed = false;
  return { section: 'observations', id: s.id, fields: f };
}

/** The role entry of a suggestion. */
export function roleEntry(s: RoleSuggestion): Entry {
  return {
    section: 'roles',
    id: s.id,
    fields: { id: s.id, person: s.person, titles: s.titles, organisation: s.organisation, asOf: s.asOf, source: s.source, quote: s.quote, reviewed: false },
  };
}

/** The entry of a proposed measure. */
export function measureEntry(m: ProposedMeasure): Entry {
  return { section: 'measures', id: m.id, fields: { id: m.id, subject: m.subject, name: m.name, terms: m.terms, unit: m.unit, kind: m.kind, reviewed: false } };
}

/** The entry of a proposed subject. */
export function subjectEntry(s: ProposedSubject): Entry {
  const fields: Record<string, unknown> = { id: s.id, name: s.name, aliases: s.aliases };
  if (s.partOf) fields.partOf = s.partOf;
  fields.reviewed = false;
  return { section: 'subjects', id: s.id, fields };
}

/** The entry of any suggestion. */
export function suggestionEntry(s: Suggestion): Entry {
  return s.type === 'role' ? roleEntry(s) : observationEntry(s);
}

/**
 * An entry as a YAML list item of its section, in the fact files' block layout: two
 * spaces before the dash, lists of terms and titles in flow style, strings quoted only
 * where YAML needs it (single quotes), no line folding.
 */
export function entryYaml(e: Entry): string {
  const doc = new Document([e.fields]);
  visit(doc, {
    Seq(_key, node, path) {
      if (path.length > 2 && isSeq(node)) node.flow = true;
    },
  });
  const text = doc.toString({ lineWidth: 0, singleQuote: true, flowCollectionPadding: false, indentSeq: true });
  return text
    .trimEnd()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')
    .concat('\n');
}

/** The JSON object `--format json` prints for a suggestion (the fields first). */
export function suggestionJson(s: Suggestion): Record<string, unknown> {
  if (s.type === 'role') {
    const { type, source, person, title, titles, organisation, asOf, quote, confidence, id, held, newSubject } = s;
    return { type, source, person, title, titles, organisation, asOf, quote, confidence, id, ...(held ? { held } : {}), ...(newSubject ? { newSubject } : {}) };
  }
  const { type, reading, source, subject, measure, measureName, newMeasure, figure, value, high, unit, qualifier, group, period, periodText, quote, kind, conflictsWith, confidence, id, held, newSubject } = s;
  return {
    type,
    reading,
    source,
    subject,
    measure,
    measureName,
    ...(newMeasure ? { newMeasure } : {}),
    figure,
    value,
    ...(high !== undefined ? { high } : {}),
    unit,
    qualifier,
    ...(group ? { group } : {}),
    period,
    ...(periodText ? { periodText } : {}),
    quote,
    kind,
    ...(conflictsWith ? { conflictsWith } : {}),
    confidence,
    id,
    ...(held ? { held } : {}),
    ...(newSubject ? { newSubject } : {}),
  };
}
