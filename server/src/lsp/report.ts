/**
 * factcheck/report: one document's check as Markdown — summary counts, the findings
 * (line, severity, code, message) and every claim with its verdict. All draft and
 * fact-base text is escaped.
 */
import type { Locale } from '../core/types';
import type { Analysis } from './analysis';
import { effectiveSeverity } from './diagnostics';
import { escapeMarkdown, table } from './markdown';
import { statusLabel, t, type MessageId } from './messages';
import { countClaims } from './status';

/** Renders the report of an analysis. `name` is the document's name as shown in the title. */
export function renderReport(analysis: Analysis, name: string, locale: Locale): string {
  const r = analysis.result;
  const c = countClaims(analysis.uri, r);
  const suppressed = r.claims.filter((x) => x.status === 'suppressed').length;
  const parts = [
    `# ${escapeMarkdown(t(locale, 'report.title', name))}`,
    escapeMarkdown(t(locale, 'report.asOf', r.asOf)),
    escapeMarkdown(t(locale, 'report.summary', r.claims.length, c.verified, c.wrong, c.outdated, c.unverified, suppressed)),
    `## ${escapeMarkdown(t(locale, 'report.findings'))}`,
  ];
  const rows = r.findings.flatMap((f) => {
    const sev = effectiveSeverity(f, analysis.settings.severity);
    if (!sev) return [];
    const line = String(analysis.index.positionAt(f.start).line + 1);
    const source = f.citations[0] ? `${f.citations[0].title}（${f.citations[0].published}）` : '';
    return [[line, t(locale, `severity.${sev}` as MessageId), f.code, f.message, source]];
  });
  parts.push(rows.length ? table([t(locale, 'report.line'), t(locale, 'report.severity'), t(locale, 'report.code'), t(locale, 'report.message'), t(locale, 'hover.source')], rows) : escapeMarkdown(t(locale, 'report.none')));
  if (r.claims.length) {
    parts.push(`## ${escapeMarkdown(t(locale, 'report.claims'))}`);
    parts.push(
      table(
        [t(locale, 'report.line'), t(locale, 'hover.claim'), t(locale, 'report.status'), t(locale, 'hover.fact')],
        r.claims.map((x) => [String(analysis.index.positionAt(x.start).line + 1), x.text, statusLabel(locale, x.status), x.factId ?? '']),
      ),
    );
  }
  return parts.join('\n\n') + '\n';
}
