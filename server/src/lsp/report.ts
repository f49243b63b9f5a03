/**
 * factcheck/report: one draft's check as the reviewers' HTML page (report/html.ts, the
 * CLI's `--format html`), built from the same analysis the diagnostics and hovers show,
 * with the editor's severity settings applied. The client shows it in a webview.
 */
import type { Locale } from '../core';
import { formatHtml } from '../report/html';
import { buildFileReport, summarize } from '../report/model';
import type { ReportResult } from '../protocol';
import type { Analysis } from './analysis';

/** Renders the report of an analysis; `name` is the draft's name as the page shows it (its path in the workspace). */
export function renderReport(analysis: Analysis, name: string, locale: Locale): ReportResult {
  const { file } = buildFileReport(name, analysis.text, analysis.result, { severity: analysis.settings.severity }, analysis.index);
  const files = [file];
  return { title: name, html: formatHtml({ asOf: file.asOf, files, summary: summarize(files), warningsFound: 0 }, { locale }) };
}
