/**
 * Hover on a claim (verified or not). The editor already shows the diagnostic's message
 * above a hover, so the hover does not repeat it: it gives the verdict (the finding's
 * label and code), the expected value, the fact as the base records it (for a figure of
 * another subject, that subject's fact and the named subject's own value), the values by
 * period (one row per period and value) and per source its title, publisher, date and
 * the quoted sentence with the figure in bold, linked to the source file at the quote's
 * line. The Markdown is built from escaped text only; the server never asks for
 * trusted rendering.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { CheckedClaim, Citation, ClaimStatus, Finding, Locale } from '../core';
import { codeLabel } from '../shared/findingCodes';
import type { Analysis } from './analysis';
import { effectiveSeverity } from './diagnostics';
import { bookTitle } from './citations';
import { describeFact, ownValue, publisherOf, quoteLine } from './factLookup';
import { escapeMarkdown, link, quoteWithFigure, table } from './markdown';
import { statusLabel, t } from './messages';
import { pathToUri } from './workspace';

const ICON: Record<ClaimStatus, string> = {
  verified: '✓',
  contradicted: '✗',
  outdated: '⚠',
  unverified: '?',
  suppressed: '–',
};

/** The claim under a position (the innermost one when claims nest), with its index. */
export function claimAt(analysis: Analysis, position: Position): { claim: CheckedClaim; index: number } | undefined {
  const offset = analysis.index.offsetAt(position);
  let best: { claim: CheckedClaim; index: number } | undefined;
  analysis.result.claims.forEach((claim, index) => {
    if (claim.start <= offset && offset <= claim.end && (!best || claim.end - claim.start < best.claim.end - best.claim.start)) best = { claim, index };
  });
  return best;
}

/** The hover of a position, or null when no claim is there. */
export function hoverAt(analysis: Analysis, position: Position, locale: Locale): Hover | null {
  const hit = claimAt(analysis, position);
  if (!hit) return null;
  return { contents: { kind: MarkupKind.Markdown, value: renderClaim(analysis, hit.index, locale) }, range: analysis.index.rangeOf(hit.claim.start, hit.claim.end) };
}

/** "Label: value" in the locale's punctuation, the label escaped and the value as given (already Markdown). */
function labelled(locale: Locale, label: string, valueMarkdown: string): string {
  return `${escapeMarkdown(label)}${locale === 'zh' ? '：' : ': '}${valueMarkdown}`;
}

/** The verdict line: the status, and each finding's label with its code. */
function verdictLine(claim: CheckedClaim, findings: Finding[], locale: Locale): string {
  const verdict = findings.length
    ? findings.map((f) => `**${escapeMarkdown(codeLabel(f.code, locale))}** \`${f.code}\``).join(' · ')
    : `**${escapeMarkdown(statusLabel(locale, claim.status))}**`;
  return `${ICON[claim.status]} ${verdict} · ${escapeMarkdown(claim.text)}`;
}

/** The hover Markdown of claim `i` of an analysis. */
export function renderClaim(analysis: Analysis, i: number, locale: Locale): string {
  const claim = analysis.result.claims[i];
  const base = analysis.loaded.base;
  // Findings the settings turn off are not mentioned (their diagnostics are not shown either).
  const findings = analysis.result.findings.filter((f) => f.claim === i && effectiveSeverity(f, analysis.settings.severity));
  const head = [verdictLine(claim, findings, locale)];
  const expected = [...new Set(findings.flatMap((f) => (f.expected ? [f.expected] : [])))];
  for (const e of expected) head.push(labelled(locale, t(locale, 'hover.expected'), `**${escapeMarkdown(e)}**`));
  const fact = claim.factId ? describeFact(base, claim.factId, locale) : undefined;
  if (claim.factId) {
    const parts = fact ?? [claim.reading?.subject, claim.reading?.measure, claim.reading?.period].filter((x): x is string => !!x);
    head.push(labelled(locale, t(locale, 'hover.fact'), `${escapeMarkdown(parts.join(' · '))} \`${claim.factId.replace(/`/g, '')}\``));
  }
  const extraCitations: Citation[] = [];
  if (claim.factId && claim.reading?.subject && findings.some((f) => f.code === 'misattributed')) {
    const own = ownValue(base, claim.factId, claim.reading.subject, analysis.result.asOf, locale);
    if (own) {
      const where = [own.period, own.source ? `${own.source.publisher} ${own.source.published}` : ''].filter(Boolean).join(locale === 'zh' ? '，' : ', ');
      const label = t(locale, 'hover.ownValue', own.subject, own.measure);
      head.push(labelled(locale, label, `**${escapeMarkdown(own.figure)}**${where ? ` ${escapeMarkdown(locale === 'zh' ? `（${where}）` : `(${where})`)}` : ''}`));
      if (own.source) {
        const s = own.source;
        extraCitations.push({ id: s.id, title: s.title, publisher: s.publisher, published: own.obs.published, quote: own.obs.quote, figure: own.obs.figure, file: s.file, line: quoteLine(s, own.obs.quote) });
      }
    }
  }
  const parts = [head.join('  \n')];
  const history = historyRows(analysis, claim);
  if (history.length) {
    parts.push(
      `**${escapeMarkdown(t(locale, 'hover.history'))}**\n\n` +
        table([t(locale, 'hover.period'), t(locale, 'hover.value'), t(locale, 'hover.published'), t(locale, 'hover.source')], history),
    );
  }
  const citations = uniqueCitations([...findings.flatMap((f) => f.citations), ...claim.citations, ...extraCitations]);
  if (citations.length) {
    parts.push(`**${escapeMarkdown(t(locale, 'hover.sources'))}**\n\n` + citations.map((c) => renderCitation(c, locale)).join('\n\n'));
  }
  return parts.join('\n\n---\n\n');
}

/** The values-by-period rows: one per period and value (a source stating a figure twice, or two sources stating it, make one row). */
function historyRows(analysis: Analysis, claim: CheckedClaim): string[][] {
  const rows = new Map<string, { period: string; value: string; published: string; sources: string[] }>();
  for (const h of claim.history ?? []) {
    const key = `${h.period}\u0000${h.value}`;
    const publisher = publisherOf(analysis.loaded.base, h.source);
    const row = rows.get(key);
    if (!row) rows.set(key, { period: h.period, value: h.value, published: h.published, sources: [publisher] });
    else if (!row.sources.includes(publisher)) row.sources.push(publisher);
  }
  return [...rows.values()].map((r) => [r.period, r.value, r.published, r.sources.join('、')]);
}

/** One source: 《title》, publisher, date, the quote with the figure bold, and a link to the quote's line. */
export function renderCitation(c: Citation, locale: Locale): string {
  const lineNo = c.line + 1;
  const open = link(t(locale, 'hover.open', lineNo), `${pathToUri(c.file)}#L${lineNo}`);
  return `**${escapeMarkdown(bookTitle(c.title))}** · ${escapeMarkdown(c.publisher)} · ${escapeMarkdown(c.published)} · ${open}\n\n> ${quoteWithFigure(c.quote, c.figure)}`;
}

function uniqueCitations(cs: Citation[]): Citation[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const key = `${c.id}\u0000${c.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
