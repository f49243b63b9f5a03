/**
 * The JSON report (version 1) fixed by the evaluation contract: the run's as-of date,
 * per file its claims and diagnostics with LSP ranges (and, where a quick fix exists, the
 * edit it makes: `fix: {range, newText}`), and a summary. Fields appear in
 * the contract's order; absent optional fields are omitted. The document is one line, as
 * ESLint's and Stylelint's JSON formatters write theirs: programs read it (`jq .` indents
 * it for people), and indenting made a large run's report much bigger for nobody.
 */
import type { RunReport } from '../../report/model';

/** The JSON document of a run, on one line ending in a newline. */
export function formatJson(report: RunReport): string {
  const doc = {
    version: 1,
    asOf: report.asOf,
    files: report.files.map((f) => ({
      path: f.path,
      asOf: f.asOf,
      claims: f.claims.map((c) => ({
        range: c.range,
        text: c.text,
        kind: c.kind,
        status: c.status,
        factId: c.factId,
        value: c.value,
        unit: c.unit,
      })),
      diagnostics: f.diagnostics.map((d) => ({
        range: d.range,
        severity: d.severity,
        code: d.code,
        message: d.message,
        factId: d.factId,
        expected: d.expected,
        fix: d.fix,
        sources: d.citations.map((s) => ({ id: s.id, title: s.title, published: s.published, quote: s.quote })),
      })),
    })),
    summary: report.summary,
  };
  return JSON.stringify(doc) + '\n';
}
