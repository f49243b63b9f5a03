/**
 * Positions of YAML nodes by path (['observations', 3, 'value']), so problems found in
 * the parsed data can point at the key or value in the file that caused them.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type ParsedNode } from 'yaml';
import type { FilePosition } from './problems';

/** A path into a YAML document: mapping keys and sequence indices. */
export type YamlPath = readonly (string | number)[];

/** What a path leads to in a document. */
export interface Located {
  /** The value node, when the path exists and has a value. */
  node?: Node;
  /** The key node of the last mapping step, when the last step is a mapping key that exists. */
  key?: Node;
  /** The deepest node that exists along the path (the document root at worst). */
  nearest?: Node;
  /** True when the path does not exist in the document. */
  missing: boolean;
  /** Number of path segments that exist. */
  depth: number;
}

/** Offsets ↔ positions of the nodes of one parsed YAML document. */
export class YamlPositions {
  constructor(
    private readonly doc: Document.Parsed<ParsedNode> | undefined,
    private readonly lines: LineCounter,
    /** Lines before the YAML text in its file (front matter starts after `---`). */
    private readonly lineOffset = 0,
  ) {}

  /** The position of an offset of the YAML text. */
  position(offset: number, end?: number): FilePosition {
    const p = this.lines.linePos(offset);
    const pos: FilePosition = { line: p.line - 1 + this.lineOffset, column: p.col - 1 };
    if (end !== undefined) {
      const e = this.lines.linePos(end);
      pos.endLine = e.line - 1 + this.lineOffset;
      pos.endColumn = e.col - 1;
    }
    return pos;
  }

  /** Follows a path as far as it exists. */
  locate(path: YamlPath): Located {
    let cur: unknown = this.doc?.contents ?? undefined;
    let nearest = cur as Node | undefined;
    let key: Node | undefined;
    for (let i = 0; i < path.length; i++) {
      if (isAlias(cur) && this.doc) cur = cur.resolve(this.doc);
      const seg = path[i];
      key = undefined;
      if (isMap(cur)) {
        const pair = cur.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
        if (!pair) return { nearest, missing: true, depth: i };
        key = isScalar(pair.key) ? pair.key : undefined;
        cur = pair.value ?? undefined;
      } else if (isSeq(cur) && typeof seg === 'number' && seg < cur.items.length) {
        cur = cur.items[seg];
      } else {
        return { nearest, missing: true, depth: i };
      }
      if (cur === undefined || cur === null) return { key, nearest: key ?? nearest, missing: false, depth: i + 1 };
      nearest = cur as Node;
    }
    return { node: cur as Node, key, nearest, missing: false, depth: path.length };
  }

  /** Position of the value at a path; of its key when the value is empty; of the nearest existing ancestor when missing. */
  valueAt(path: YamlPath): FilePosition {
    const l = this.locate(path);
    return this.nodePosition(l.node ?? l.key ?? l.nearest);
  }

  /** Position of the key of a path's last step (falls back like valueAt). */
  keyAt(path: YamlPath): FilePosition {
    const l = this.locate(path);
    return this.nodePosition(l.key ?? l.node ?? l.nearest);
  }

  /** The text of a scalar at a path, if it is one. */
  scalarAt(path: YamlPath): unknown {
    const node = this.locate(path).node;
    return isScalar(node) ? node.value : undefined;
  }

  /** The node at a path, if it exists. */
  nodeAt(path: YamlPath): Node | undefined {
    return this.locate(path).node;
  }

  /** Start (and end) of a node; the file start when there is none. */
  nodePosition(node: Node | undefined): FilePosition {
    const r = node?.range;
    if (!r) return { line: this.lineOffset, column: 0 };
    return this.position(r[0], r[1]);
  }

  /**
   * Position of `needle` inside the scalar at `path` when the scalar is written on one
   * line exactly as its value (plain or simply quoted), else the scalar's start.
   */
  textAt(path: YamlPath, index: number, length: number): FilePosition {
    const node = this.locate(path).node;
    if (!isScalar(node) || !node.range || typeof node.value !== 'string') return this.valueAt(path);
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : node.type === 'PLAIN' ? 0 : -1;
    const srcLen = node.range[1] - node.range[0] - 2 * Math.max(quoted, 0);
    if (quoted < 0 || srcLen !== node.value.length) return this.valueAt(path);
    const start = node.range[0] + quoted + index;
    return this.position(start, start + length);
  }
}
