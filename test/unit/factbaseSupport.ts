/**
 * Helpers of the fact-base tests: copies of a fact base in temporary folders, and
 * targeted edits of one YAML value that report the line they touched.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import { type Problem, type ValidationResult } from '../../server/src/core';
import { packageRoot } from '../../server/src/node';
import type { Observation } from '../../server/src/core';

/** The package root and its two fact bases used by the tests. */
export const ROOT = packageRoot(__dirname);
export const BUNDLED = join(ROOT, 'facts');
export const FIXTURE = join(ROOT, 'test', 'fixtures', 'factbase');

const made: string[] = [];

/** Copies a fact-base folder into a new temporary folder (removed by cleanupCopies). */
export function copyBase(src: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'factbase-'));
  cpSync(src, dir, { recursive: true });
  made.push(dir);
  return dir;
}

/** Removes every temporary copy made so far. */
export function cleanupCopies(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Where an observation is defined: its file and its index in that file's observations list. */
export interface ObservationSite {
  id: string;
  file: string;
  index: number;
}

/** The first observation of a loaded base (in load order) that passes `accept`, located in its file. */
export function firstObservation(result: ValidationResult, accept: (o: Observation) => boolean = () => true): ObservationSite {
  const obs = result.base.observations.find(accept);
  if (!obs) throw new Error('the fact base has no observations to break');
  const file = result.base.origins.get(obs.id)!.file;
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const list = doc.get('observations', true);
  if (!isSeq(list)) throw new Error(`${file}: no observations list`);
  const index = list.items.findIndex((item) => isMap(item) && item.get('id') === obs.id);
  return { id: obs.id, file, index };
}

/**
 * Replaces the YAML value at `path` in `file` by `replacement` (YAML text); returns the
 * 0-based line of the value, the line a problem about it must name.
 */
export function editValue(file: string, path: (string | number)[], replacement: string): number {
  const text = readFileSync(file, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const node = doc.getIn(path, true) as Node | undefined;
  if (!node?.range) throw new Error(`${file}: nothing at ${path.join('.')}`);
  const [start, end] = node.range;
  const keepNewline = text.slice(start, end).endsWith('\n') ? '\n' : '';
  writeFileSync(file, text.slice(0, start) + replacement + keepNewline + text.slice(end));
  return lines.linePos(start).line - 1;
}

/** The value at a path of a YAML file. */
export function valueAt(file: string, path: (string | number)[]): unknown {
  return parseDocument(readFileSync(file, 'utf8')).getIn(path);
}

/** The 0-based line of the entry at a path (its first key). */
export function lineOf(file: string, path: (string | number)[]): number {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines });
  const node = doc.getIn(path, true) as Node;
  return lines.linePos(node.range![0]).line - 1;
}

/** Problems of `after` that `before` did not have (same file, line and message). */
export function newProblems(before: readonly Problem[], after: readonly Problem[]): Problem[] {
  const key = (p: Problem): string => `${p.file}\u0000${p.line}\u0000${p.message}`;
  const seen = new Set(before.map(key));
  return after.filter((p) => !seen.has(key(p)));
}

/** A readable list of problems for assertion messages. */
export function show(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.file}:${p.line + 1}:${p.column + 1}: ${p.severity}: ${p.message}`).join('\n') || '(none)';
}
