/**
 * Where suggested entries go and how they are added without touching the rest of a
 * file: each entry goes to the file that already holds its kind for the same source
 * (observations, roles), subject (measures) or base (subjects), else to a new file
 * beside them (observations-<source>.yaml, measures.yaml, roles.yaml, subjects.yaml);
 * it is inserted as a text block after the last item of its section (found with the
 * `yaml` package's document API), or at the end under a new section key. Comments,
 * layout and every other byte of the file stay as they were. Pure: file texts in, edits out;
 * on the Node side because file paths are the platform's (node:path).
 */
import { dirname, join, relative, sep } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { FactBase, Source, SourceSuggestions, Suggestion } from '../core';
import { entryYaml, measureEntry, subjectEntry, suggestionEntry, type Entry, type EntrySection } from '../core';

/** A text inserted at an offset of a file's current text. */
export interface TextInsertion {
  offset: number;
  text: string;
  /** Characters replaced from `offset` (an empty flow list `[]`), none when absent. */
  remove?: number;
}

/** What adding entries to one file takes: the file made anew (`create`, `edits` hold its whole text at 0), or insertions into its text. */
export interface FileEdits {
  file: string;
  create: boolean;
  edits: TextInsertion[];
}

/** The folder of the fact base a source belongs to (…/facts for …/facts/sources/x.md). */
export function baseDirOf(source: Source): string {
  return dirname(dirname(source.file));
}

/** The files entries of a source go to, by section (see the file header). */
export function targetFiles(base: FactBase, source: Source): (e: Entry, subject?: string) => string {
  const dir = baseDirOf(source);
  const inDir = (f: string | undefined) => (f && f.startsWith(dir) ? f : undefined);
  const originOf = (id: string) => inDir(base.origins.get(id)?.file);
  const pending = base.unreviewed;
  const observations = [...base.observations, ...(pending?.observations ?? [])];
  const roles = [...base.roles, ...(pending?.roles ?? [])];
  const measures = [...base.measures, ...(pending?.measures ?? [])];
  const subjects = [...base.subjects, ...(pending?.subjects ?? [])];
  const obsFile = observations.filter((o) => o.source === source.id).map((o) => originOf(o.id)).find(Boolean);
  const measureFileOf = (subject?: string) => measures.filter((m) => m.subject === subject).map((m) => originOf(m.id)).find(Boolean);
  const roleFile = roles.filter((r) => r.source === source.id).map((r) => originOf(r.id)).find(Boolean);
  const subjectFile = subjects.map((s) => originOf(s.id)).find((f) => f && dirname(f) === dir) ?? join(dir, 'subjects.yaml');
  return (e, subject) => {
    switch (e.section) {
      case 'observations':
        return obsFile ?? (measureFileOf(subject) ? join(dirname(measureFileOf(subject)!), `observations-${source.id}.yaml`) : join(dir, `observations-${source.id}.yaml`));
      case 'measures':
        return measureFileOf(subject) ?? join(dirname(obsFile ?? join(dir, 'x')), 'measures.yaml');
      case 'roles':
        return roleFile ?? join(dirname(obsFile ?? measureFileOf(subject) ?? join(dir, 'x')), 'roles.yaml');
      case 'subjects':
        return subjectFile;
    }
  };
}

/** The entries writing `suggestions` needs: new subjects and measures first, then the suggestions themselves, each with its file. */
export function plannedEntries(base: FactBase, result: Pick<SourceSuggestions, 'source'>, suggestions: readonly Suggestion[]): { file: string; entry: Entry }[] {
  const fileOf = targetFiles(base, result.source);
  const known = new Set(base.origins.keys());
  const out: { file: string; entry: Entry }[] = [];
  const once = (entry: Entry, subject?: string) => {
    if (known.has(entry.id)) return;
    known.add(entry.id);
    out.push({ file: fileOf(entry, subject), entry });
  };
  for (const s of suggestions) if (s.newSubject) once(subjectEntry(s.newSubject));
  for (const s of suggestions) if (s.type === 'observation' && s.newMeasure) once(measureEntry(s.newMeasure), s.subject);
  for (const s of suggestions) once(suggestionEntry(s), s.type === 'observation' ? s.subject : s.organisation);
  return out;
}

/** The header of a fact file made for suggestions. */
function newFileHeader(file: string, base: string, source: string): string {
  const schema = relative(dirname(file), join(base, 'schema', 'factbase.schema.json')).split(sep).join('/');
  return `# yaml-language-server: $schema=${schema}\n# Entries suggested by factcheck from ${source}: review each one against the source, then delete its \`reviewed: false\` line to accept it.\n`;
}

/**
 * Where entries of one section go in a file's text: after the last item of the section
 * when the file has it as a block list, else at the end of the file under the section key.
 */
export function sectionInsertion(text: string, section: EntrySection, entries: readonly Entry[]): TextInsertion {
  const items = entries.map(entryYaml).join('');
  const doc = parseDocument(text);
  const root = doc.contents;
  const pair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === section) : undefined;
  const value = pair?.value;
  if (pair && isSeq(value) && !value.flow && value.items.length && value.range) return { offset: lineEndAfter(text, value.range[1]), text: items };
  // A key with an empty flow list (observations: []) gets it replaced; a key without a value (observations:) the items after it.
  if (pair && isSeq(value) && value.flow && !value.items.length && value.range) return { offset: value.range[0], remove: value.range[1] - value.range[0], text: `\n${items.trimEnd()}` };
  if (pair && (value === null || (isScalar(value) && value.value === null)) && isScalar(pair.key) && pair.key.range) return { offset: lineEndAfter(text, pair.key.range[1]), text: items };
  const sep = text.length && !text.endsWith('\n') ? '\n' : '';
  return { offset: text.length, text: `${sep}${section}:\n${items}` };
}

/** The edits adding `entries` to `file` (its current text, or undefined when it does not exist). */
export function fileEdits(file: string, text: string | undefined, entries: readonly Entry[], baseDir: string, source: string): FileEdits {
  const bySection = new Map<EntrySection, Entry[]>();
  for (const e of entries) bySection.set(e.section, [...(bySection.get(e.section) ?? []), e]);
  if (text === undefined) {
    let out = newFileHeader(file, baseDir, source);
    for (const [section, list] of bySection) out += `${section}:\n${list.map(entryYaml).join('')}`;
    return { file, create: true, edits: [{ offset: 0, text: out }] };
  }
  return { file, create: false, edits: [...bySection].map(([section, list]) => sectionInsertion(text, section, list)) };
}

/** A file's text with insertions made (all at offsets of the text as given). */
export function applyEdits(text: string, edits: readonly TextInsertion[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.text + out.slice(e.offset + (e.remove ?? 0));
  return out;
}

/** The offset just past the end of the line holding `at` (the start of the next line). */
function lineEndAfter(text: string, at: number): number {
  if (at > 0 && text[at - 1] === '\n') return at;
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/** The 0-based line of an entry's `- id:` in a text, or -1. */
export function entryLine(text: string, id: string): number {
  const lines = text.split('\n');
  return lines.findIndex((l) => l.trimStart() === `- id: ${id}` || l.trimStart() === `- id: '${id}'`);
}
