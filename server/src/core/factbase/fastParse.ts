/**
 * The fast parse of a fact file: js-yaml (much faster than `yaml`) reads the
 * values, with the scalar rules of `yaml`'s YAML 1.2 core schema, and a line scan
 * (blockLayout.ts) places entries and fields as `yaml` does. Taken only when nothing
 * could make the two differ — no anchors, aliases, tags, merge keys, directives, tabs or
 * unusual characters, the plain block layout, no error of any kind — and the scan agrees
 * with the values read; otherwise undefined, and the file goes the `yaml` way (which
 * gives the problems, at their positions). FACTCHECK_FAST_YAML=0 turns it off.
 */
import { FAILSAFE_SCHEMA, Type, load } from 'js-yaml';
import { LineCounter } from 'yaml';
import { EntryPositions } from './entryPositions';
import { YamlPositions } from './yamlPositions';
import { scanBlockLayout, scanFlatMapping, type BlockLayout } from './blockLayout';
import type { FilePosition } from './problems';

const intOf = (radix: number, skip: number) => (s: string) => parseInt(s.substring(skip), radix);
const nan = (s: string): number => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity);
/**
 * `yaml`'s core schema scalars, per tag in its order, each resolved as it resolves them;
 * with the characters a plain scalar of that tag can start with (a quick refusal, as
 * js-yaml asks every type about every plain scalar).
 */
const CORE_SCALARS: [string, string, [RegExp, (s: string) => unknown][]][] = [
  ['null', '~nN', [[/^(?:~|[Nn]ull|NULL)?$/, () => null]]],
  ['bool', 'tTfF', [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']]],
  ['int', '0123456789+-', [[/^0o[0-7]+$/, intOf(8, 2)], [/^[-+]?[0-9]+$/, intOf(10, 0)], [/^0x[0-9a-fA-F]+$/, intOf(16, 2)]]],
  ['float', '0123456789+-.', [[/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, nan], [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, parseFloat], [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, parseFloat]]],
];

/** One js-yaml type per tag (js-yaml keeps one type per tag), trying that tag's rules in order. */
function coreType(tag: string, starts: string, rules: [RegExp, (s: string) => unknown][]): Type {
  const first = new Set([...starts]);
  const rule = (s: string) => (s === '' || first.has(s[0]) ? rules.find(([test]) => test.test(s)) : undefined);
  return new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (s) => rule(s) !== undefined, construct: (s) => rule(s)![1](s) });
}

/** js-yaml schema giving plain scalars the values `yaml`'s core schema gives (no timestamps, no merge keys). */
const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: CORE_SCALARS.map(([tag, starts, rules]) => coreType(tag, starts, rules)) });

/** Text the fast parse leaves to `yaml`: anchors, aliases, tags, merge keys, directives, tabs, CR, control and odd line-break characters. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSAFE = /[&*!\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|<<|^(?:---|\.\.\.|%)/m;

/** A fact file read the fast way: its value and its entry positions. */
export interface FastFactFile {
  value: Record<string, unknown>;
  positions: EntryPositions;
}

/** The value and positions of a fact file, or undefined when it must be parsed with `yaml` (see the header). */
export function fastFactFile(text: string): FastFactFile | undefined {
  if (process.env.FACTCHECK_FAST_YAML === '0' || UNSAFE.test(text)) return undefined;
  const layout = scanBlockLayout(text);
  if (!layout || !layout.sections.size) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined; // the yaml way reports it
  }
  if (!isRecord(value)) return undefined;
  const positions = tablesOf(layout, value);
  return positions && { value, positions };
}

/** A flat mapping read the fast way: its value, and where a key's value is written (as yaml places it). */
export interface FastMapping {
  value: Record<string, unknown>;
  at(key: string): FilePosition | undefined;
}

/**
 * The value of a flat mapping of `key: value` lines (a source's front matter, after
 * `lineOffset` lines of its file) and its positions, read as fastFactFile reads a fact
 * file; undefined when it must be parsed with `yaml` (anything else, or no key at all).
 */
export function fastFlatMapping(text: string, lineOffset = 0): FastMapping | undefined {
  if (process.env.FACTCHECK_FAST_YAML === '0' || UNSAFE.test(text)) return undefined;
  const layout = scanFlatMapping(text);
  if (!layout || !layout.item.keys.length) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined; // the yaml way reports it
  }
  const { keys, nums } = layout.item;
  if (!isRecord(value) || Object.keys(value).length !== keys.length || !keys.every((k) => Object.hasOwn(value, k))) return undefined;
  for (const k of keys) value[k] = own(value[k]);
  const lines = new LineCounter();
  lines.lineStarts = layout.lineStarts;
  const positions = new YamlPositions(undefined, lines, lineOffset);
  return {
    value,
    at: (key) => {
      const j = keys.indexOf(key);
      return j < 0 ? undefined : positions.position(nums[3 * j], nums[3 * j + 1]);
    },
  };
}

/**
 * A value with strings of its own: js-yaml's strings are slices of the whole file, which
 * keep the file's text alive and made matching against a large base markedly slower.
 */
function own(v: unknown): unknown {
  if (typeof v === 'string') return v.length < 13 ? v : (' ' + v).slice(1); // V8 slices strings of 13 characters or more
  return Array.isArray(v) ? v.map(own) : v;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
}

/** Entry positions from the scan, or undefined when the scan and the values disagree on any key or item. */
function tablesOf(layout: BlockLayout, value: Record<string, unknown>): EntryPositions | undefined {
  if (Object.keys(value).length !== layout.rootKeys.length) return undefined;
  for (const k of layout.rootKeys) if (!Object.hasOwn(value, k)) return undefined;
  const tables = new Map<string, { first: number[]; keys: string[]; nums: number[] }>();
  for (const k of layout.rootKeys) {
    const items = layout.sections.get(k);
    const list = value[k];
    if (!items) {
      if (list !== null) return undefined;
      continue;
    }
    if (!Array.isArray(list) || list.length !== items.length) return undefined;
    const t = { first: [] as number[], keys: [] as string[], nums: [] as number[] };
    for (let y = 0; y < items.length; y++) {
      const it = items[y];
      const obj = list[y] as unknown;
      if (!isRecord(obj) || Object.keys(obj).length !== it.keys.length) return undefined;
      t.first.push(t.keys.length);
      t.keys.push('');
      t.nums.push(it.start, it.end, -1);
      for (let j = 0; j < it.keys.length; j++) {
        const key = it.keys[j];
        if (!Object.hasOwn(obj, key)) return undefined;
        const v = own(obj[key]);
        obj[key] = v;
        const [start, end, style] = [it.nums[3 * j], it.nums[3 * j + 1], it.nums[3 * j + 2]];
        const text = style >= 0 && typeof v === 'string' && end - start - 2 * style === v.length ? start + style : -1;
        t.keys.push(key);
        t.nums.push(start, end, text);
      }
    }
    t.first.push(t.keys.length);
    tables.set(k, t);
  }
  return EntryPositions.fromData({ tables, lineStarts: layout.lineStarts });
}
