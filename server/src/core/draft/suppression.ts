/**
 * Claims the writer chose not to check: a line holding only
 *   <!-- factcheck-disable-next-line -->   (Markdown)   or
 *   # factcheck-disable-next-line          (plain text)
 * suppresses the claims on the line below it, and an allowlist entry (text + the
 * trimmed content of the claim's line) suppresses matching claims anywhere. Suppressed
 * claims get status 'suppressed' and lose their findings, as do the figures of the
 * citation footnotes the server writes (`[^fc1]: 来源：…`). Pure: no LSP, no I/O.
 */
import { z } from 'zod';
import { LineIndex } from '../util';
import type { CheckResult } from '../types';

/** The comment texts that disable checking of the next line (both are honoured in every language). */
export const DISABLE_NEXT_LINE_MARKDOWN = '<!-- factcheck-disable-next-line -->';
export const DISABLE_NEXT_LINE_PLAIN = '# factcheck-disable-next-line';

/** The footnote definitions the citation action writes; their figures (dates, titles) are not claims. */
export const CITATION_FOOTNOTE_LINE = /^\s*\[\^fc\d+\]:/;

/** A Markdown footnote reference ([^fc1]); a number inside it is a label, not a claim. */
const FOOTNOTE_REF = /\[\^[^\]\s]+\]/g;

const DISABLE_LINE = /^\s*(?:<!--\s*factcheck-disable-next-line\s*-->|#\s*factcheck-disable-next-line)\s*$/;

/** One accepted claim of the allowlist. */
export interface AllowEntry {
  /** The claim's text as written. */
  text: string;
  /** The trimmed content of the line holding it. */
  line: string;
}

/** The content of a 0-based line, without its line break. */
export function lineText(text: string, index: LineIndex, line: number): string {
  const start = index.offsetAt({ line, character: 0 });
  const end = line + 1 < index.lineCount ? index.offsetAt({ line: line + 1, character: 0 }) : text.length;
  return text.slice(start, end).replace(/\r?\n$|\r$/, '');
}

/** 0-based lines whose claims are disabled: below a disable comment, or citation footnote definitions. */
export function disabledLines(text: string, index: LineIndex = new LineIndex(text)): Set<number> {
  const out = new Set<number>();
  // (Most drafts have neither a disable comment nor a citation footnote: no line to read.)
  if (!text.includes('factcheck-disable-next-line') && !text.includes('[^fc')) return out;
  for (let line = 0; line < index.lineCount; line++) {
    const content = lineText(text, index, line);
    if (DISABLE_LINE.test(content) && line + 1 < index.lineCount) out.add(line + 1);
    if (CITATION_FOOTNOTE_LINE.test(content)) out.add(line);
  }
  return out;
}

/** The result with suppressed claims marked and their findings dropped. */
export function applySuppressions(text: string, result: CheckResult, allow: readonly AllowEntry[], index: LineIndex = new LineIndex(text)): CheckResult {
  const disabled = disabledLines(text, index);
  const allowed = new Set(allow.map((a) => `${a.text}\u0000${a.line}`));
  const suppressed = new Set<number>();
  const refs = text.includes('[^') ? [...text.matchAll(FOOTNOTE_REF)].map((m) => [m.index, m.index + m[0].length] as const) : [];
  // (Nothing disabled, referenced or allowed: every claim and finding stands.)
  if (!disabled.size && !refs.length && !allowed.size) return { ...result, claims: result.claims.slice(), findings: result.findings.slice() };
  const claims = result.claims.map((c, i) => {
    const line = index.positionAt(c.start).line;
    const hit = disabled.has(line) || refs.some(([a, b]) => c.start >= a && c.end <= b) || (allowed.size > 0 && allowed.has(`${c.text}\u0000${lineText(text, index, line).trim()}`));
    if (!hit) return c;
    suppressed.add(i);
    return { ...c, status: 'suppressed' as const };
  });
  const findings = result.findings.filter((f) => !suppressed.has(f.claim) && !disabled.has(index.positionAt(f.start).line));
  return { ...result, claims, findings };
}

/** File name of a workspace's allowlist. */
export const ALLOW_FILE_NAME = '.factcheck-allow.json';

/** The allowlist file `.factcheck-allow.json`: { "claims": [{ "text": …, "line": … }] }. */
const allowFileSchema = z.object({
  claims: z.array(z.object({ text: z.string(), line: z.string() })),
});

/** Parses an allowlist file's text; throws an error naming the file and the problem. */
export function parseAllowFile(text: string, file: string): AllowEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: invalid JSON (${(e as Error).message})`, { cause: e });
  }
  const r = allowFileSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}; expected { "claims": [{ "text": "…", "line": "…" }] }`);
  }
  return r.data.claims;
}
