/**
 * Positions of the entries of a fact file and of their fields, kept after the YAML
 * document is dropped: a few numbers per field instead of the whole node tree (which
 * held most of the heap of a large base and made garbage collection most of its load
 * time). Each answer is the one YamlPositions gives on the document it was built from.
 */
import { LineCounter, isMap, isScalar, isSeq, type Document, type Node, type ParsedNode } from 'yaml';
import type { FilePosition } from './problems';

/** Numbers kept per record: start and end offset of the node, start of its text (-1: none). */
const STRIDE = 3;

/** One section's entries: record ranges per YAML index, then flat records. */
interface SectionTable {
  /** Records of item y are first[y] (the item itself) up to first[y + 1] (its fields); -1: not a mapping. */
  first: number[];
  /** Field name of each record ('' for the item itself). */
  keys: string[];
  /** STRIDE numbers per record. */
  nums: number[];
}

/** What EntryPositions are made of: the section tables and the file's line starts. */
export interface EntryPositionsData {
  tables: Map<string, SectionTable>;
  lineStarts: number[];
}

/**
 * Entry and field positions of a parsed fact file, as compact tables. `build` returns
 * undefined for a document whose shape it does not cover (aliases, complex keys,
 * sections that are not lists, items that are not mappings): keep the document then.
 */
export class EntryPositions {
  private constructor(
    private readonly tables: Map<string, SectionTable>,
    private readonly lines: LineCounter,
  ) {}

  /** Tables for `doc` (parsed from `text` with `lines`), or undefined when they would not answer as YamlPositions does. */
  static build(doc: Document.Parsed<ParsedNode>, text: string, lines: LineCounter): EntryPositions | undefined {
    if (doc.errors.length || text.includes('*')) return undefined; // '*': maybe an alias
    const root = doc.contents;
    if (root === null || root === undefined) return new EntryPositions(new Map(), lines);
    if (!isMap(root)) return undefined;
    const names = new Map<string, string>();
    const intern = (s: string): string => names.get(s) ?? (names.set(s, s), s);
    const tables = new Map<string, SectionTable>();
    for (const pair of root.items) {
      if (!isScalar(pair.key)) return undefined;
      const section = String(pair.key.value);
      if (tables.has(section)) continue; // the first pair of a key is the one found
      const seq = pair.value;
      if (!isSeq(seq)) {
        if (seq === null || isScalar(seq)) continue; // no entries to place
        return undefined;
      }
      const t: SectionTable = { first: [], keys: [], nums: [] };
      for (const item of seq.items) {
        if (!isMap(item)) {
          if (!isScalar(item)) return undefined; // a scalar item is never kept as an entry
          t.first.push(-1);
          continue;
        }
        t.first.push(t.keys.length);
        push(t, '', item, undefined);
        const seen = new Set<string>();
        for (const p of item.items) {
          if (!isScalar(p.key)) return undefined;
          const k = String(p.key.value);
          if (seen.has(k)) continue;
          seen.add(k);
          const value = p.value ?? undefined;
          push(t, intern(k), value ?? p.key, value);
        }
      }
      t.first.push(t.keys.length);
      tables.set(section, t);
    }
    return new EntryPositions(tables, lines);
  }

  /** Positions from tables built elsewhere (the fast parse's line scan). */
  static fromData(data: EntryPositionsData): EntryPositions {
    const lines = new LineCounter();
    lines.lineStarts = data.lineStarts;
    return new EntryPositions(data.tables, lines);
  }

  /** Position of entry `y` (YAML index) of a section, or of one of its fields' values; undefined when not tabled. */
  entry(section: string, y: number, field?: string): FilePosition | undefined {
    const r = this.record(section, y, field);
    if (r === undefined) return undefined;
    const n = this.tables.get(section)!.nums;
    return this.position(n[r * STRIDE], n[r * STRIDE + 1]);
  }

  /** Position of a substring of a field's string value (falls back to the field's position). */
  entryText(section: string, y: number, field: string, index: number, length: number): FilePosition | undefined {
    const r = this.record(section, y, field);
    if (r === undefined) return undefined;
    const n = this.tables.get(section)!.nums;
    const text = n[r * STRIDE + 2];
    if (text < 0) return this.position(n[r * STRIDE], n[r * STRIDE + 1]);
    return this.position(text + index, text + index + length);
  }

  /** The record answering a path: the field's, or the item's when the field is missing. */
  private record(section: string, y: number, field: string | undefined): number | undefined {
    const t = this.tables.get(section);
    if (!t || y < 0 || y >= t.first.length - 1 || t.first[y] < 0) return undefined;
    const start = t.first[y];
    if (field === undefined) return start;
    let end = start;
    for (let j = y + 1; end === start; j++) if (t.first[j] >= 0) end = t.first[j]; // the sentinel is last
    for (let r = start + 1; r < end; r++) if (t.keys[r] === field) return r;
    return start;
  }

  /** As YamlPositions.position, line offset 0. */
  private position(offset: number, end: number): FilePosition {
    const p = this.lines.linePos(offset);
    const e = this.lines.linePos(end);
    return { line: p.line - 1, column: p.col - 1, endLine: e.line - 1, endColumn: e.col - 1 };
  }
}

/** Appends a record for `node` (whose range answers valueAt); `value` is the path's node, for textAt. */
function push(t: SectionTable, key: string, node: Node, value: Node | undefined): void {
  const r = node.range!;
  let text = -1;
  if (isScalar(value) && value.range && typeof value.value === 'string') {
    const quoted = value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE' ? 1 : value.type === 'PLAIN' ? 0 : -1;
    const srcLen = value.range[1] - value.range[0] - 2 * Math.max(quoted, 0);
    if (quoted >= 0 && srcLen === value.value.length) text = value.range[0] + quoted;
  }
  t.keys.push(key);
  t.nums.push(r[0], r[1], text);
}
