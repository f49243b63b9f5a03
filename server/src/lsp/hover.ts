/**
 * Hover on a claim (verified or not): the verdict, the findings, the fact's values by
 * period, and per source its title, publisher, date and the quoted sentence with the
 * figure in bold, linked to the source file at the quote's line. The Markdown is built
 * from escaped text only; the server never asks for trusted rendering.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { CheckedClaim, Citation, ClaimStatus, Locale } from '../core/types';
import type { Analysis } from './analysis';
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

/** The hover Markdown of claim `i` of an analysis. */
export function renderClaim(analysis: Analysis, i: number, locale: Locale): string {
  const claim = analysis.result.claims[i];
  const findings = analysis.result.findings.filter((f) => f.claim === i);
  const parts: string[] = [];
  parts.push(`**${ICON[claim.status]} ${escapeMarkdown(statusLabel(locale, claim.status))}** · ${escapeMarkdown(claim.text)}`);
  for (const f of findings) {
    let line = `\`${f.code}\` ${escapeMarkdown(f.message)}`;
    if (f.expected) line += `  \n${escapeMarkdown(t(locale, 'hover.expected'))}：**${escapeMarkdown(f.expected)}**`;
    parts.push(line);
  }
  const r = claim.reading;
  const fact = [r?.subject, r?.measure, r?.period].filter((x): x is string => !!x).join(' · ');
  if (fact || claim.factId) {
    parts.push(`${escapeMarkdown(t(locale, 'hover.fact'))}：${escapeMarkdown(fact)}${claim.factId ? ` \`${claim.factId.replace(/`/g, '')}\`` : ''}`);
  }
  if (claim.history?.length) {
    parts.push(
      `**${escapeMarkdown(t(locale, 'hover.history'))}**\n\n` +
        table(
          [t(locale, 'hover.period'), t(locale, 'hover.value'), t(locale, 'hover.published'), t(locale, 'hover.source')],
          claim.history.map((h) => [h.period, h.value, h.published, h.source]),
        ),
    );
  }
  const citations = uniqueCitations([...findings.flatMap((f) => f.citations), ...claim.citations]);
  if (citations.length) {
    parts.push(`**${escapeMarkdown(t(locale, 'hover.sources'))}**\n\n` + citations.map((c) => renderCitation(c, locale)).join('\n\n'));
  }
  return parts.join('\n\n---\n\n');
}

/** One source: title, publisher, date, the quote with the figure bold, and a link to the quote's line. */
export function renderCitation(c: Citation, locale: Locale): string {
  const lineNo = c.line + 1;
  const open = link(t(locale, 'hover.open', lineNo), `${pathToUri(c.file)}#L${lineNo}`);
  return `**${escapeMarkdown(c.title)}** · ${escapeMarkdown(c.publisher)} · ${escapeMarkdown(c.published)} · ${open}\n\n> ${quoteWithFigure(c.quote, c.figure)}`;
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
