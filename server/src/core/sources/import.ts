/**
 * Turns a raw article into a normalized source file: HTML to text, normalization,
 * site furniture removed as the per-source metadata says, front matter written.
 * Pure: raw text and metadata in, file text out; the CLI does the reading and writing.
 */
import type * as HtmlToText from 'html-to-text';
import { stringify } from 'yaml';
import { normalizeText } from './normalize';
import type { ImportMeta } from '../factbase';
import { unrecordedLeftovers, type Leftover } from './leftovers';

/** Strips a leading YAML front matter block (--- … ---) if present. */
export function stripFrontMatter(text: string): string {
  const m = /^\s*---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/** HTML body to plain text, one paragraph a line, links without their addresses, no scripts or styles. */
export function htmlToText(html: string): string {
  // Loaded when a page is first converted (with its HTML parser): a check never converts one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  const { convert } = require('html-to-text') as typeof HtmlToText;
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'p', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    ],
  });
}

function matchesLine(line: string, pattern: string): boolean {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) {
    return new RegExp(pattern.slice(1, -1)).test(line);
  }
  return line === pattern;
}

/** The normalized body: trimmed lines, no blank lines, furniture dropped, cut to [bodyStart, bodyEnd]. */
export function normalizeBody(raw: string, meta: ImportMeta): string {
  const text = meta.format === 'html' ? htmlToText(stripFrontMatter(raw)) : raw;
  let lines = normalizeText(text)
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ''))
    .filter((l) => l.length > 0);
  if (meta.bodyStart) {
    const i = lines.findIndex((l) => l.startsWith(meta.bodyStart!));
    if (i < 0) throw new Error(`bodyStart not found: ${meta.bodyStart}`);
    lines = lines.slice(i);
  }
  if (meta.bodyEnd) {
    let j = -1;
    lines.forEach((l, k) => { if (l.startsWith(meta.bodyEnd!)) j = k; });
    if (j < 0) throw new Error(`bodyEnd not found: ${meta.bodyEnd}`);
    lines = lines.slice(0, j + 1);
  }
  const unused = meta.dropLines.filter((p) => !lines.some((l) => matchesLine(l, p)));
  if (unused.length) throw new Error(`dropLines match no line: ${unused.join(' | ')}`);
  return lines.filter((l) => !meta.dropLines.some((p) => matchesLine(l, p))).join('\n') + '\n';
}

/** The complete normalized source file: front matter from the metadata, then the body. */
export function importSource(raw: string, meta: ImportMeta): string {
  const front: Record<string, unknown> = {
    id: meta.id,
    title: meta.title,
    publisher: meta.publisher,
    published: meta.published,
  };
  if (meta.eventDate) front.eventDate = meta.eventDate;
  front.original = meta.original;
  if (meta.url) front.url = meta.url;
  const body = normalizeBody(raw, meta);
  if (meta.damage?.length) {
    const missing = meta.damage.filter((d) => !body.includes(d.text));
    if (missing.length) throw new Error(`damage not found in the text: ${missing.map((d) => d.text).join(' | ')}`);
    front.damage = meta.damage;
  }
  return `---\n${stringify(front)}---\n${body}`;
}

/** The leftovers of a damaged original in the imported text that its metadata does not record as damage. */
export function importLeftovers(raw: string, meta: ImportMeta): Leftover[] {
  return unrecordedLeftovers(normalizeBody(raw, meta), meta.damage);
}
