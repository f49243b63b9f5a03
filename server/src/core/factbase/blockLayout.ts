/**
 * A line scan of a fact file written in the plain block layout every fact file uses —
 * top-level `section:` keys, each followed by `- key: value` items whose fields are one
 * line each (plain, single-line quoted or one-line flow-list values), blank lines and
 * comments anywhere — giving where each item and field value starts and ends, as the
 * `yaml` package places them. Anything else (multi-line or block values, empty fields,
 * nested mappings, flow mappings, odd keys or indentation) makes the scan give up, and
 * the file is parsed with `yaml` instead. It does not resolve values: js-yaml does.
 */

/** One item of a section: its range and, per field, key and value range. */
export interface ItemLayout {
  /** Offset of the item's first key. */
  start: number;
  /** Offset after the line break ending its last field (the text's end without one). */
  end: number;
  /** Field names, in the order written. */
  keys: string[];
  /** Per field: value start, value end, style (0 plain, 1 quoted, -1 flow list). */
  nums: number[];
}

/** The scan of one file: sections in order, and the offset each line starts at. */
export interface BlockLayout {
  /** Items of each section whose value is a block list; [] for `section: []`; no entry for an empty value. */
  sections: Map<string, ItemLayout[]>;
  /** Every top-level key, empty sections included. */
  rootKeys: string[];
  /** Offset of each line's start (as yaml's LineCounter gives them). */
  lineStarts: number[];
}

const SPACE = 32;
const HASH = 35;
/** A key as written: a plain identifier-like word. */
const KEY = /[A-Za-z][A-Za-z0-9_]*/y;
/** Keys another YAML library might read as null or a boolean instead of a string. */
const SPECIAL_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
/** Characters a plain value may not start with (indicators), checked on its first character. */
const NOT_PLAIN_START = new Set([...',[]{}#&*!|>\'"%@`']);
/** Escapes of double-quoted text that every YAML library reads alike (JSON's). */
const SAFE_ESCAPES = new Set([...'"\\/bfnrtu']);

/** Scans `text`; undefined when it is not in the plain block layout. */
export function scanBlockLayout(text: string): BlockLayout | undefined {
  const sections = new Map<string, ItemLayout[]>();
  const lineStarts = [0];
  const names = new Map<string, string>();
  const intern = (s: string): string => names.get(s) ?? (names.set(s, s), s);
  let items: ItemLayout[] | undefined; // the open section's items (undefined: none open, or not a block list)
  let flowEmpty = false; // the open section is `[]`: no items may follow
  const flowLists = new Set<string>(); // sections written `section: []`
  let dash = -1; // indentation of the open section's dashes
  let item: ItemLayout | undefined;
  for (let s = 0; s <= text.length; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    const next = e < text.length ? e + 1 : e;
    if (e < text.length) lineStarts.push(next);
    let f = s;
    while (f < e && text.charCodeAt(f) === SPACE) f++;
    if (f === e || text.charCodeAt(f) === HASH) {
      // blank or comment line
    } else if (f === s && text.charCodeAt(f) !== 45 /* - */) {
      // a section key
      const k = readKey(text, f, e);
      if (k === undefined || sections.has(k.key)) return undefined;
      const v = skipSpaces(text, k.after, e);
      item = undefined;
      dash = -1;
      flowEmpty = false;
      if (v === e || text.charCodeAt(v) === HASH) {
        items = [];
        sections.set(k.key, items);
      } else if (text.startsWith('[]', v) && restIsComment(text, v + 2, e)) {
        items = undefined;
        flowEmpty = true;
        flowLists.add(k.key);
        sections.set(k.key, []);
      } else return undefined;
    } else if (items && !flowEmpty && text.charCodeAt(f) === 45 && text.charCodeAt(f + 1) === SPACE) {
      // an item's first line: `- key: value`
      const indent = f - s;
      if (dash < 0) dash = indent;
      else if (indent !== dash) return undefined;
      item = { start: f + 2, end: next, keys: [], nums: [] };
      items.push(item);
      if (!readField(text, f + 2, e, item, intern)) return undefined;
    } else if (item && f - s === dash + 2) {
      if (!readField(text, f, e, item, intern)) return undefined;
      item.end = next;
    } else return undefined;
    if (e === text.length) break;
    s = next;
  }
  // Sections whose key had no value and no items are empty scalars: no table.
  const rootKeys = [...sections.keys()];
  for (const [k, v] of sections) if (!v.length && !flowLists.has(k)) sections.delete(k);
  return { sections, rootKeys, lineStarts };
}

/**
 * Scans a flat mapping — `key: value` lines at the left margin, with blank lines and
 * comments anywhere (a source file's front matter) — as one item whose fields are its
 * keys; undefined when the text is not one (or repeats a key, which yaml reports).
 */
export function scanFlatMapping(text: string): { item: ItemLayout; lineStarts: number[] } | undefined {
  const item: ItemLayout = { start: 0, end: text.length, keys: [], nums: [] };
  const lineStarts = [0];
  for (let s = 0; s <= text.length; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    const next = e < text.length ? e + 1 : e;
    if (e < text.length) lineStarts.push(next);
    const f = skipSpaces(text, s, e);
    if (f !== e && text.charCodeAt(f) !== HASH && (f !== s || !readField(text, s, e, item, (k) => k))) return undefined;
    if (e === text.length) break;
    s = next;
  }
  return new Set(item.keys).size === item.keys.length ? { item, lineStarts } : undefined;
}

/** The key at `k` followed by `:` (and a space or the line's end), or undefined. */
function readKey(text: string, k: number, e: number): { key: string; after: number } | undefined {
  KEY.lastIndex = k;
  const m = KEY.exec(text);
  if (!m) return undefined;
  const c = m.index + m[0].length;
  if (c >= e || text.charCodeAt(c) !== 58 /* : */) return undefined;
  if (c + 1 < e && text.charCodeAt(c + 1) !== SPACE) return undefined;
  if (SPECIAL_KEYS.has(m[0])) return undefined;
  return { key: m[0], after: c + 1 };
}

function skipSpaces(text: string, i: number, e: number): number {
  while (i < e && text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** True when only spaces, or spaces then a comment, follow `i` on the line. */
function restIsComment(text: string, i: number, e: number): boolean {
  const j = skipSpaces(text, i, e);
  return j === e || (text.charCodeAt(j) === HASH && j > i);
}

/** Reads `key: value` at `k` into `item`; false when the line is not one. */
function readField(text: string, k: number, e: number, item: ItemLayout, intern: (s: string) => string): boolean {
  const key = readKey(text, k, e);
  if (key === undefined) return false;
  const v = skipSpaces(text, key.after, e);
  if (v === e || v === key.after) return false; // empty value (or no space after the colon)
  const c = text[v];
  let end: number;
  let style: number;
  if (c === '"' || c === "'") {
    end = quotedEnd(text, v, e);
    style = 1;
  } else if (c === '[') {
    end = flowListEnd(text, v, e);
    style = -1;
  } else {
    end = plainEnd(text, v, e);
    style = 0;
  }
  if (end < 0 || (style !== 0 && !restIsComment(text, end, e))) return false;
  item.keys.push(intern(key.key));
  item.nums.push(v, end, style);
  return true;
}

/** End (after the closing quote) of a one-line quoted value at `v`, or -1. */
function quotedEnd(text: string, v: number, e: number): number {
  const q = text[v];
  for (let j = v + 1; j < e; j++) {
    const c = text[j];
    if (q === '"' && c === '\\') {
      if (!SAFE_ESCAPES.has(text[j + 1])) return -1;
      j++;
    } else if (c === q) {
      if (q === "'" && text[j + 1] === "'") j++;
      else return j + 1;
    }
  }
  return -1;
}

/** End (trailing spaces and comment left out) of a one-line plain value at `v`, or -1. */
function plainEnd(text: string, v: number, e: number): number {
  const c = text[v];
  if (NOT_PLAIN_START.has(c)) return -1;
  if ((c === '-' || c === '?' || c === ':') && (v + 1 === e || text.charCodeAt(v + 1) === SPACE)) return -1;
  let end = e;
  for (let j = v + 1; j < e; j++) {
    const x = text.charCodeAt(j);
    if (x === HASH && text.charCodeAt(j - 1) === SPACE) {
      end = j; // a comment
      break;
    }
    if (x === 58 /* : */ && (j + 1 === e || text.charCodeAt(j + 1) === SPACE)) return -1; // `a: b` is a mapping
  }
  while (end > v && text.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

/** End (after `]`) of a one-line flow list of quoted or plain words at `v`, or -1. */
function flowListEnd(text: string, v: number, e: number): number {
  let j = skipSpaces(text, v + 1, e);
  if (text[j] === ']') return j + 1;
  for (;;) {
    const c = text[j];
    if (c === '"' || c === "'") {
      j = quotedEnd(text, j, e);
      if (j < 0) return -1;
    } else {
      const start = j;
      while (j < e && !',[]{}:#\'"'.includes(text[j])) j++;
      let end = j;
      while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
      if (end === start || NOT_PLAIN_START.has(text[start]) || ((text[start] === '-' || text[start] === '?') && text.charCodeAt(start + 1) === SPACE)) return -1;
    }
    j = skipSpaces(text, j, e);
    if (text[j] === ']') return j + 1;
    if (text[j] !== ',') return -1;
    j = skipSpaces(text, j + 1, e);
    if (j === e || text[j] === ']') return -1; // a trailing comma, or a list over lines
  }
}
