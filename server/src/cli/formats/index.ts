/**
 * The output formats of `factcheck check --format`, by name.
 */
import type { RunReport } from './report';
import { formatJson } from './json';

/** Names accepted by --format. */
export const FORMATS = ['json'] as const;

/** A format name. */
export type FormatName = (typeof FORMATS)[number];

/** What formats may use besides the report. */
export interface FormatContext {
  /** Colour output (stylish only). */
  color: boolean;
  /** The working directory paths are relative to. */
  cwd: string;
}

/** Renders the report in the named format. */
export function formatReport(name: FormatName, report: RunReport, ctx: FormatContext): string {
  void ctx;
  switch (name) {
    case 'json':
      return formatJson(report);
  }
}
