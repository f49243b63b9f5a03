/**
 * Safe Markdown building for hovers and reports. Every piece of fact-base or draft text
 * is escaped so that no link, image, autolink, HTML, emphasis, code or table cell break
 * can come from it: the ASCII characters that start inline markup are backslash-escaped
 * (CommonMark allows that for any ASCII punctuation), and so are `:` before `//` and
 * `@` against GFM autolinks; `www.` is broken up with a zero-width space, and line breaks are flattened (so no block markup can start). Characters
 * that only matter at the start of a line (- + . = digits) are left alone, because an
 * escaped piece never starts a line: numbers and dates stay readable ("5.7%", "2025-12-01")
 * in clients that show hover Markdown as text.
 */

const INLINE_MARKUP = /[\\`*_{}[\]()<>|~!#&@$]|:(?=\/\/)/g;

/** Escapes text for Markdown (inline): no markup survives. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(INLINE_MARKUP, '\\$&')
    .replace(/(w)(ww\.)/gi, '$1\u200b$2');
}

/** Escaped text that may start a line (after "> "): leading blanks dropped, a leading list, heading or rule marker escaped. */
export function escapeLineStart(text: string): string {
  return escapeMarkdown(text.trimStart()).replace(/^([-+=])/, '\\$1').replace(/^(\d+)\./, '$1\\.');
}

/** A quote with the figure marked bold (first occurrence), to start a line; everything escaped. */
export function quoteWithFigure(quote: string, figure: string | undefined): string {
  const q = quote.trimStart();
  const at = figure ? q.indexOf(figure) : -1;
  if (!figure || at < 0) return escapeLineStart(q);
  const before = at > 0 ? escapeLineStart(q.slice(0, at)) : '';
  return `${before}**${escapeMarkdown(figure)}**${escapeMarkdown(q.slice(at + figure.length))}`;
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
