/**
 * The "insert a citation" edit. Markdown: a footnote reference `[^fcN]` right after the
 * claim and a definition `[^fcN]: 来源：《title》，<publisher>，<published>。` at the end of
 * the file (N one more than the highest fc label in use). Other languages: the same
 * source note in parentheses right after the claim.
 */
import type { TextEdit } from 'vscode-languageserver';
import type { CheckedClaim, Citation } from '../core';
import type { Analysis } from './analysis';
import { CITATION_FOOTNOTE_LINE } from '../core';

/** A title in 《》, as Chinese writing cites a document, unless it already is. */
export function bookTitle(title: string): string {
  return /^《.*》$/.test(title) ? title : `《${title}》`;
}

/** The source note of a citation: 来源：《title》，publisher，published. */
export function sourceNote(cite: Citation): string {
  return `来源：${bookTitle(cite.title)}，${cite.publisher}，${cite.published}`;
}

/** The next unused footnote label (fc1, fc2, …). */
export function nextFootnoteLabel(text: string): string {
  let max = 0;
  for (const m of text.matchAll(/\[\^fc(\d+)\]/g)) max = Math.max(max, Number(m[1]));
  return `fc${max + 1}`;
}

/** The edits that cite `cite` for `claim`. */
export function citationEdits(analysis: Analysis, claim: CheckedClaim, cite: Citation): TextEdit[] {
  const at = analysis.index.positionAt(claim.end);
  if (analysis.languageId !== 'markdown') return [{ range: { start: at, end: at }, newText: `（${sourceNote(cite)}）` }];
  const text = analysis.text;
  const label = nextFootnoteLabel(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n|\r/);
  let lastLine = lines.length - 1;
  while (lastLine > 0 && lines[lastLine].trim() === '') lastLine--;
  let prefix = '';
  if (text.length && !/[\r\n]$/.test(text)) prefix += eol;
  if (text.trim().length && !CITATION_FOOTNOTE_LINE.test(lines[lastLine]) && !/(\r?\n|\r)[ \t]*(\r?\n|\r)[ \t]*$/.test(text)) prefix += eol;
  const end = analysis.index.positionAt(text.length);
  return [
    { range: { start: at, end: at }, newText: `[^${label}]` },
    { range: { start: end, end }, newText: `${prefix}[^${label}]: ${sourceNote(cite)}。${eol}` },
  ];
}
