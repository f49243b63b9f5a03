/**
 * Safe Markdown building for hovers and reports: every piece of fact-base or draft text
 * is escaped (each ASCII punctuation character backslash-escaped, as CommonMark allows,
 * so no link, image, HTML or emphasis can come from a quote), and line breaks inside a
 * piece are flattened.
 */

const PUNCT = /[!-/:-@[-`{-~]/g;

/** Escapes text for Markdown (inline): no markup survives. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(PUNCT, '\\$&');
}

/** A quote with the figure marked bold (first occurrence); everything escaped. */
export function quoteWithFigure(quote: string, figure: string | undefined): string {
  const at = figure ? quote.indexOf(figure) : -1;
  if (!figure || at < 0) return escapeMarkdown(quote);
  return `${escapeMarkdown(quote.slice(0, at))}**${escapeMarkdown(figure)}**${escapeMarkdown(quote.slice(at + figure.length))}`;
}

/** A link whose label is escaped and whose target is percent-encoded where Markdown would end it. */
export function link(label: string, href: string): string {
  return `[${escapeMarkdown(label)}](${href.replace(/[()<>\s\\]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))})`;
}

/** A Markdown table; cells are escaped. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}
