/**
 * Go to definition. In a fact file: from an id (an observation's `source:`, `measure:`,
 * `organisation:`, `partOf:`, `conflictsWith` items…) to where it is defined — a source
 * id leads to the source file. In a draft: from a claim to the quote of its first source.
 */
import type { Location, Position } from 'vscode-languageserver';
import type { Origin } from '../core';
import { LineIndex } from '../core';
import type { Analysis } from './analysis';
import { claimAt } from './hover';
import { pathToUri } from './workspace';

const ID_CHAR = /[a-z0-9._-]/;

/** The id-like word at a position of a text, if any. */
export function idAt(text: string, position: Position): string | undefined {
  const index = new LineIndex(text);
  const offset = index.offsetAt(position);
  let start = offset;
  let end = offset;
  while (start > 0 && ID_CHAR.test(text[start - 1])) start--;
  while (end < text.length && ID_CHAR.test(text[end])) end++;
  const word = text.slice(start, end);
  return /^[a-z0-9][a-z0-9._-]*$/.test(word) ? word.replace(/\.+$/, '') : undefined;
}

/** The location of an id's definition in a fact base's origins. */
export function definitionOfId(text: string, position: Position, origins: ReadonlyMap<string, Origin>): Location | null {
  const id = idAt(text, position);
  const origin = id ? origins.get(id) : undefined;
  if (!origin) return null;
  const at = { line: origin.line, character: origin.column };
  return { uri: pathToUri(origin.file), range: { start: at, end: at } };
}

/** The location of the quote of a draft claim's first source. */
export function definitionOfClaim(analysis: Analysis, position: Position): Location | null {
  const hit = claimAt(analysis, position);
  const cite = hit && (hit.claim.citations[0] ?? analysis.result.findings.find((f) => f.claim === hit.index)?.citations[0]);
  if (!cite) return null;
  const at = { line: cite.line, character: 0 };
  return { uri: pathToUri(cite.file), range: { start: at, end: at } };
}
