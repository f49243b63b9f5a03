/**
 * Zod issues in plain language, placed on the YAML node that caused them: the key for
 * unknown keys, the entry for missing keys, the value for bad values.
 */
import { closest, distance } from 'fastest-levenshtein';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import { problemAt, type Problem } from './problems';
import type { YamlPath, YamlPositions } from './yamlPositions';

/** Singular names of the fact file's sections, for messages. */
const SECTION_NOUN: Record<string, string> = {
  subjects: 'subject',
  measures: 'measure',
  observations: 'observation',
  roles: 'role',
  exclusions: 'exclusion',
};

/** Zod's own default messages start like this; anything else is a message the schema wrote. */
const DEFAULT_MESSAGE = /^(Invalid|Too small|Too big|Unrecognized|Expected)/;

/** Describes a YAML node for "got …" messages. */
function describeNode(node: Node | undefined): string {
  if (!node) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'nothing (an empty value)';
    if (typeof v === 'number') return `the number ${v}`;
    if (typeof v === 'boolean') return `${v}`;
    if (typeof v === 'string') return `the text ${JSON.stringify(shorten(v))}`;
  }
  return 'a value of another kind';
}

function shorten(s: string): string {
  return s.length > 40 ? s.slice(0, 39) + '…' : s;
}

/** Plain names for zod's expected types. */
function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
  };
  return names[expected] ?? expected;
}

/** "observation \"hr.x\"" or "observations[3]" for the entry a path is in; '' at the top level. */
export function entryLabel(path: YamlPath, positions: YamlPositions): string {
  if (path.length < 2 || typeof path[1] !== 'number') return '';
  const section = String(path[0]);
  const noun = SECTION_NOUN[section] ?? section;
  const id = positions.scalarAt([section, path[1], 'id']);
  return typeof id === 'string' && id ? `${noun} "${id}"` : `${noun} #${path[1] + 1} of ${section}`;
}

/** The key a path ends in, as a message phrase. */
function keyName(path: YamlPath): string {
  const last = path[path.length - 1];
  return typeof last === 'number' ? `item #${last + 1} of "${String(path[path.length - 2])}"` : `"${String(last)}"`;
}

function prefix(path: YamlPath, positions: YamlPositions): string {
  const label = entryLabel(path, positions);
  return label ? `${label}: ` : '';
}

interface SchemaDef {
  type?: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
}

/** The definition of a schema with optional/default wrappers removed. */
function unwrap(s: unknown): SchemaDef | undefined {
  let def = (s as { def?: SchemaDef } | undefined)?.def;
  while (def?.innerType) def = (def.innerType as { def?: SchemaDef }).def;
  return def;
}

/** Allowed keys of the mapping at a path, from the schema (for "did you mean"). */
function allowedKeys(schema: z.ZodType, path: YamlPath): string[] {
  let def = unwrap(schema);
  for (const seg of path) {
    if (def?.type === 'object' && typeof seg === 'string') def = unwrap(def.shape?.[seg]);
    else if (def?.type === 'array' && typeof seg === 'number') def = unwrap(def.element);
    else return [];
  }
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Converts the issues of a failed schema parse into problems at their YAML nodes. */
export function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  positions: YamlPositions,
  file: string,
): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const pre = prefix(path, positions);
    const custom = DEFAULT_MESSAGE.test(issue.message) ? undefined : issue.message;
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, path);
      for (const k of issue.keys) {
        const near = allowed.length ? closest(k, allowed) : undefined;
        const hint = near && distance(k, near) <= Math.max(2, Math.floor(near.length / 3)) ? ` (did you mean "${near}"?)` : '';
        const where = path.length === 0 ? 'at the top level of a fact file' : '';
        const list = allowed.length ? `; allowed keys: ${allowed.join(', ')}` : '';
        out.push(problemAt(file, positions.keyAt([...path, k]), `${pre}unknown key "${k}"${where ? ' ' + where : ''}${hint}${list}`));
      }
      continue;
    }
    const located = positions.locate(path);
    if (located.missing) {
      const parentPath = path.slice(0, -1);
      const ppre = prefix(parentPath.length >= 2 ? parentPath : path, positions);
      out.push(problemAt(file, positions.valueAt(parentPath), `${ppre}missing required key ${keyName(path)}`));
      continue;
    }
    const node = located.node;
    const pos = positions.valueAt(path);
    const shown = isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? ` ${JSON.stringify(node.value)}` : '';
    let message: string;
    switch (issue.code) {
      case 'invalid_type':
        message = `${keyName(path)} must be ${typeName(issue.expected)}, not ${describeNode(node)}`;
        break;
      case 'invalid_value':
        message = `${keyName(path)}${shown} is not one of: ${issue.values.map(String).join(', ')}`;
        break;
      case 'invalid_format':
        message = `${keyName(path)} is${shown || ' not valid'}, but ${custom ?? `it must have the form ${issue.format}`}`;
        break;
      case 'too_small':
        message =
          issue.origin === 'string' && Number(issue.minimum) === 1
            ? `${keyName(path)} must not be empty`
            : `${keyName(path)} needs at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'item(s)' : 'character(s)'}`;
        if (custom) message += `: ${custom}`;
        break;
      default:
        message = `${keyName(path)}: ${custom ?? issue.message}`;
    }
    out.push(problemAt(file, pos, pre + message));
  }
  return out;
}
