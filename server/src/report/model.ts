/**
 * The report model, shared by every output format of the CLI and by the language
 * server's report view: per file the claims and diagnostics with LSP ranges over the
 * file's text, plus what the richer formats need (the text, full citations, quick
 * fixes). Severity overrides (the configuration's, or the editor's settings) and --quiet
 * are applied here, so every format shows the same findings.
 */
import { LineIndex, type Range } from '../core';
import type { CheckResult, Citation, ClaimStatus, FindingCode, Severity } from '../core';
import { effectiveSeverity, type SeverityOverrides } from '../shared/findingCodes';

export type { SeverityOverrides };

/** A claim of a checked file. */
export interface ReportClaim {
  range: Range;
  /** UTF-16 offsets into the file's text. */
  start: number;
  end: number;
  text: string;
  kind: 'quantity' | 'role';
  status: ClaimStatus;
  factId?: string;
  value?: number;
  unit?: string;
  citations: Citation[];
}

/** A finding of a checked file, after severity overrides. */
export interface ReportDiagnostic {
  range: Range;
  start: number;
  end: number;
  severity: Severity;
  code: FindingCode;
  message: string;
  factId?: string;
  expected?: string;
  citations: Citation[];
  /** The quick fix: replace `range` with `newText`. */
  fix?: { range: Range; newText: string };
  /** The text the fix replaces, when that is not the diagnostic's own text (a title before a name). */
  replaces?: string;
  /** Index of the claim it is about, in FileReport.claims (when the engine links one). */
  claim?: number;
}

/** One checked file. */
export interface FileReport {
  /** Forward-slash path relative to the working directory (or the --stdin-filename). */
  path: string;
  /** The text as read (ranges refer to it). */
  text: string;
  asOf: string;
  claims: ReportClaim[];
  diagnostics: ReportDiagnostic[];
}

/** Counts over the whole run. */
export interface Summary {
  files: number;
  claims: number;
  verified: number;
  error: number;
  warning: number;
  information: number;
  hint: number;
}

/** The whole run. */
export interface RunReport {
  asOf: string;
  files: FileReport[];
  summary: Summary;
  /** Warnings found, before --quiet dropped them (for --max-warnings). */
  warningsFound: number;
}

/** How findings are filtered. */
export interface ReportOptions {
  severity?: SeverityOverrides;
  quiet?: boolean;
}

/** Builds one file's report from the engine's result over `text`, and counts its warnings before --quiet. */
export function buildFileReport(filePath: string, text: string, result: CheckResult, opts: ReportOptions = {}, index = new LineIndex(text)): { file: FileReport; warningsFound: number } {
  const claims: ReportClaim[] = result.claims.map((c) => ({
    range: index.rangeOf(c.start, c.end),
    start: c.start,
    end: c.end,
    text: c.text,
    kind: c.kind,
    status: c.status,
    factId: c.factId,
    value: c.value,
    unit: c.unit,
    citations: c.citations,
  }));
  const all: ReportDiagnostic[] = [];
  for (const f of result.findings) {
    const severity = effectiveSeverity(f.code, opts.severity, f.severity);
    if (!severity) continue;
    all.push({
      range: index.rangeOf(f.start, f.end),
      start: f.start,
      end: f.end,
      severity,
      code: f.code,
      message: f.message,
      factId: f.factId,
      expected: f.expected,
      citations: f.citations,
      fix: f.fix ? { range: index.rangeOf(f.fix.start, f.fix.end), newText: f.fix.newText } : undefined,
      replaces: f.fix && (f.fix.start !== f.start || f.fix.end !== f.end) ? text.slice(f.fix.start, f.fix.end) : undefined,
      claim: f.claim >= 0 && f.claim < claims.length ? f.claim : undefined,
    });
  }
  all.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  const warningsFound = all.filter((d) => d.severity === 'warning').length;
  const diagnostics = opts.quiet ? all.filter((d) => d.severity === 'error') : all;
  return { file: { path: filePath, text, asOf: result.asOf, claims, diagnostics }, warningsFound };
}

/** Totals of a list of file reports. */
export function summarize(files: FileReport[]): Summary {
  const s: Summary = { files: files.length, claims: 0, verified: 0, error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of files) {
    s.claims += f.claims.length;
    s.verified += f.claims.filter((c) => c.status === 'verified').length;
    for (const d of f.diagnostics) s[d.severity]++;
  }
  return s;
}

/** The exit status: 1 with an error, or with more warnings than maxWarnings; else 0. */
export function exitStatus(report: RunReport, maxWarnings?: number): 0 | 1 {
  if (report.summary.error > 0) return 1;
  if (maxWarnings !== undefined && report.warningsFound > maxWarnings) return 1;
  return 0;
}
