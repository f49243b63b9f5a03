/**
 * The output formats of `factcheck check --format`, by name.
 */
import type { RunReport } from '../../report/model';
import type { Locale } from '../../core';
import { formatJson } from './json';
import { formatStylish } from './stylish';
import { formatSarif } from './sarif';
import { formatGithub } from './github';
import { formatHtml } from '../../report/html';

/** Names accepted by --format. */
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'html'] as const;

/** A format name. */
export type FormatName = (typeof FORMATS)[number];

/** What formats may use besides the report. */
export interface FormatContext {
  /** Colour output (stylish only). */
  color: boolean;
  /** The working directory paths are relative to. */
  cwd: string;
  /** Language of the labels (messages come from the engine in this language). */
  locale: Locale;
}

/** Renders the report in the named format. */
export function formatReport(name: FormatName, report: RunReport, ctx: FormatContext): string {
  switch (name) {
    case 'json':
      return formatJson(report);
    case 'stylish':
      return formatStylish(report, ctx);
    case 'sarif':
      return formatSarif(report, ctx);
    case 'github':
      return formatGithub(report);
    case 'html':
      return formatHtml(report, ctx);
  }
}
