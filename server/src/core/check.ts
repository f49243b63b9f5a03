/**
 * The core's entry point: a draft's text and a fact base in, claims and findings out.
 * The CLI and the language server both call checkText, so they never disagree.
 */
import type { CheckOptions, CheckResult, FactBase } from './types';

/** Checks one draft. Pure: no I/O; `options.asOf` defaults to the draft's front matter date, else today. */
export function checkText(text: string, base: FactBase, options: CheckOptions = {}): CheckResult {
  void text; void base; void options;
  throw new Error('checkText: the engine is being written');
}
