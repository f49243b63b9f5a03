/**
 * What one checking thread does, in the main thread or a worker: load the fact base
 * once (problems of error severity become a UsageError naming file:line:column) and
 * run the engine on a draft's text.
 */
import { checkText } from '../core';
import { loadFactBase } from '../node';
import type { Problem, CheckOptions, CheckResult, FactBase } from '../core';
import { UsageError } from './errors';

/** A fact-base problem as one line: file:line:column: severity: message (1-based). */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line + 1}:${p.column + 1}: ${p.severity}: ${p.message}`;
}

/** A loaded fact base and its warnings (already formatted). */
export interface LoadedBase {
  base: FactBase;
  warnings: string[];
}

/** Loads the fact base from `dirs`; throws UsageError listing every error when it is invalid. */
export function loadBase(dirs: string[]): LoadedBase {
  const { base, problems } = loadFactBase(dirs);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const shown = errors.slice(0, 50).map(formatProblem);
    const more = errors.length > shown.length ? [`… and ${errors.length - shown.length} more`] : [];
    throw new UsageError(`the fact base is invalid (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${[...shown, ...more].join('\n')}`);
  }
  return { base, warnings: problems.filter((p) => p.severity !== 'error').map(formatProblem) };
}

/** Checks one draft's text. */
export function checkOne(text: string, base: FactBase, options: CheckOptions): CheckResult {
  return checkText(text, base, options);
}
