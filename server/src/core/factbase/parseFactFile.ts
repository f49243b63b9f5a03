/**
 * Parses one YAML fact file: YAML syntax, then the zod schema, every problem placed at
 * its line and column. Pure (text in), so the language server can check unsaved text.
 */
import { LineCounter, parseDocument, type Document, type ParsedNode } from 'yaml';
import {
  exclusionSchema,
  factFileSchema,
  measureSchema,
  observationSchema,
  roleSchema,
  subjectSchema,
  unitSchema,
  type FactFile,
} from './schema';
import { schemaProblems } from './schemaMessages';
import { problemAt, type Problem } from './problems';
import { YamlPositions } from './yamlPositions';
import { EntryPositions } from './entryPositions';
import { emptyIndex, FactFilePositions, SECTIONS, type Section, type YamlIndex } from './factFilePositions';
import { withPlainEnv } from './plainEnv';
import { fastFactFile } from './fastParse';
import { MAX_ALIAS_COUNT, MAX_FACT_FILE_BYTES } from './limits';

export { FactFilePositions, SECTIONS, type Section };
export { MAX_ALIAS_COUNT, MAX_FACT_FILE_BYTES };

const ENTRY_SCHEMA = {
  subjects: subjectSchema,
  measures: measureSchema,
  observations: observationSchema,
  roles: roleSchema,
  exclusions: exclusionSchema,
  units: unitSchema,
} as const;

/** Result of parsing one fact file. */
export interface ParsedFactFile {
  file: string;
  /** The valid entries (entries with schema problems are left out); undefined when the file is unusable. */
  data?: FactFile;
  problems: Problem[];
  positions: FactFilePositions;
  /** Ids of entries left out for schema problems (references to them are not reported again). */
  droppedIds?: string[];
  /** Figures of entries left out for schema problems (observations, exclusions): still count for coverage. */
  droppedFigures?: DroppedFigure[];
}

/** Where a left-out entry says a figure stands: its figure inside its quote or context. */
export interface DroppedFigure {
  source: string;
  context: string;
  figure: string;
}

/** UTF-8 byte length, counted without allocating. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Parses YAML text with positions; syntax errors become problems. Shared by fact and source files. */
export function parseYaml(
  text: string,
  file: string,
  lineOffset = 0,
): { doc?: Document.Parsed<ParsedNode>; value?: unknown; positions: YamlPositions; lines: LineCounter; problems: Problem[] } {
  const lines = new LineCounter();
  const problems: Problem[] = [];
  // problems are reported, not logged
  const doc = withPlainEnv(() => parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' }));
  const positions = new YamlPositions(doc, lines, lineOffset);
  for (const e of doc.errors) {
    problems.push(problemAt(file, positions.position(e.pos[0]), `invalid YAML: ${e.message}`));
  }
  for (const w of doc.warnings) {
    problems.push(problemAt(file, positions.position(w.pos[0]), `YAML: ${w.message}`, 'warning'));
  }
  if (doc.errors.length) return { doc, positions, lines, problems };
  try {
    return { doc, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), positions, lines, problems };
  } catch (e) {
    const msg = (e as Error).message;
    problems.push(
      problemAt(
        file,
        { line: lineOffset, column: 0 },
        /alias/i.test(msg) ? `too many YAML alias references (more than ${MAX_ALIAS_COUNT}); write the values out` : `invalid YAML: ${msg}`,
      ),
    );
    return { doc, positions, lines, problems };
  }
}

/** Parses and schema-checks one fact file. */
export function parseFactFile(text: string, file: string): ParsedFactFile {
  return fastParsedFactFile(text, file) ?? yamlParsedFactFile(text, file);
}

/** True when a file is over the size limit (its only problem, reported by yamlParsedFactFile). */
function tooBig(text: string): boolean {
  return text.length > MAX_FACT_FILE_BYTES / 4 && utf8Length(text) > MAX_FACT_FILE_BYTES;
}

/**
 * parseFactFile's fast way (fastParse.ts), or undefined when the file must go the `yaml`
 * way: only a file the fast way reads as yaml would, and without any problem, is returned.
 */
export function fastParsedFactFile(text: string, file: string): ParsedFactFile | undefined {
  if (tooBig(text)) return undefined;
  const fast = fastFactFile(text);
  if (!fast) return undefined;
  const parsed = factFileSchema.safeParse(fast.value);
  return parsed.success ? { file, data: parsed.data, positions: new FactFilePositions(identityIndex(parsed.data), undefined, fast.positions), problems: [] } : undefined;
}

/** parseFactFile the `yaml` way: every problem with its position. */
export function yamlParsedFactFile(text: string, file: string): ParsedFactFile {
  if (tooBig(text)) {
    const positions = new FactFilePositions();
    const mb = (utf8Length(text) / 1024 / 1024).toFixed(1);
    return { file, positions, problems: [problemAt(file, { line: 0, column: 0 }, `fact file is ${mb} MB; the limit is ${MAX_FACT_FILE_BYTES / 1024 / 1024} MB — split it into smaller files`)] };
  }
  const y = parseYaml(text, file);
  const problems = y.problems;
  const index = emptyIndex();
  // Compact tables when they cover the document, so the document can be dropped.
  const keep = (): FactFilePositions => {
    const compact = y.doc && EntryPositions.build(y.doc, text, y.lines);
    return compact ? new FactFilePositions(index, undefined, compact) : new FactFilePositions(index, y.positions);
  };
  if (y.value === undefined && problems.length) return { file, positions: keep(), problems };
  const value = y.value ?? {}; // an empty file is an empty fact file
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(
      problemAt(file, y.positions.valueAt([]), `a fact file is a mapping with any of the keys ${SECTIONS.join(', ')}; this one is ${Array.isArray(value) ? 'a list' : 'a single value'}`),
    );
    return { file, positions: keep(), problems };
  }
  const parsed = factFileSchema.safeParse(value);
  if (parsed.success) {
    Object.assign(index, identityIndex(parsed.data));
    return { file, data: parsed.data, positions: keep(), problems };
  }
  problems.push(...schemaProblems(parsed.error.issues, factFileSchema, y.positions, file));
  const droppedIds: string[] = [];
  const droppedFigures: DroppedFigure[] = [];
  const data = salvage(value as Record<string, unknown>, index, droppedIds, droppedFigures);
  return { file, data, positions: keep(), problems, droppedIds, droppedFigures };
}

/** The YamlIndex of a file whose entries are all kept. */
function identityIndex(data: FactFile): YamlIndex {
  const index = emptyIndex();
  for (const s of SECTIONS) index[s] = (data[s] ?? []).map((_, i) => i);
  return index;
}

/** The valid entries of a file that failed the schema, so one bad entry does not hide the rest. */
function salvage(value: Record<string, unknown>, index: YamlIndex, droppedIds: string[], droppedFigures: DroppedFigure[]): FactFile {
  const data: Record<string, unknown[]> = {};
  for (const s of SECTIONS) {
    const items = value[s];
    if (!Array.isArray(items)) continue;
    const kept: unknown[] = [];
    items.forEach((item, i) => {
      const r = ENTRY_SCHEMA[s].safeParse(item);
      if (r.success) {
        kept.push(r.data);
        index[s].push(i);
      } else if (item && typeof item === 'object') {
        const x = item as Record<string, unknown>;
        if (typeof x.id === 'string') droppedIds.push(x.id);
        const context = x.quote ?? x.context;
        if (typeof x.source === 'string' && typeof context === 'string' && typeof x.figure === 'string') {
          droppedFigures.push({ source: x.source, context, figure: x.figure });
        }
      }
    });
    data[s] = kept;
  }
  return data as FactFile;
}
