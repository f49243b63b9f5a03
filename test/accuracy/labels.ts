/**
 * Labelled accuracy sets: the labels.json format of ../shared/eval (per draft `expect`
 * entries with their codes and fix texts, `ok`, `unknown` and `clean` entries, each naming
 * a context string `at` and a `token` inside it), read with zod, and the span arithmetic
 * the scorer uses (locate a token, overlap a range, the offset of a position).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { FINDING_CODES } from '../../server/src/cli/config';

const entry = z.strictObject({ at: z.string().min(1), token: z.string().min(1).optional() });
/** A planted mistake: the codes that count as right and, where the remedy is a text, the text (or texts) a fix should write over the token. */
const expectEntry = entry.extend({ codes: z.array(z.enum(FINDING_CODES)).min(1), fix: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional() });

/** Schema of one draft's labels. */
export const draftLabelsSchema = z.strictObject({
  expect: z.array(expectEntry).optional(),
  ok: z.array(entry).optional(),
  clean: z.array(entry).optional(),
  /** Figures the sources do not state for that subject, measure and period: never verified, never an error or warning. */
  unknown: z.array(entry).optional(),
});

/** Schema of labels.json: draft file name → labels. */
export const labelsSchema = z.record(z.string(), draftLabelsSchema);

/** One labelled span: a context string and the token inside it. */
export type Label = z.infer<typeof entry>;
/** A finding that must be reported, with the codes that count as right. */
export type ExpectLabel = z.infer<typeof expectEntry>;
/** The labels of a set. */
export type Labels = z.infer<typeof labelsSchema>;

/** Reads and validates `labels.json` in `setDir`; errors name the file and the bad entry. */
export function readLabels(setDir: string): Labels {
  const file = path.join(setDir, 'labels.json');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`, { cause: e });
  }
  const parsed = labelsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** A token's place in a draft: 0-based line and UTF-16 character range on that line. */
export interface Span {
  line: number;
  start: number;
  end: number;
}

/** An LSP range as the JSON report gives it. */
export interface ReportRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Locates label.token inside the unique occurrence of label.at (throws naming the draft otherwise). */
export function locate(text: string, label: Label, file: string): Span {
  const token = label.token ?? label.at;
  const first = text.indexOf(label.at);
  if (first < 0 || text.indexOf(label.at, first + 1) >= 0) {
    throw new Error(`${file}: label context not found exactly once: ${label.at}`);
  }
  const tokenAt = label.at.indexOf(token);
  if (tokenAt < 0) throw new Error(`${file}: token ${token} not inside ${label.at}`);
  const offset = first + tokenAt;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  return { line, start: character, end: character + token.length };
}

/** Offset in `text` of an LSP position (UTF-16 code units, as JavaScript strings count); -1 past the last line. */
export function offsetOf(text: string, pos: { line: number; character: number }): number {
  let i = 0;
  for (let line = 0; line < pos.line; line++) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return -1;
    i = nl + 1;
  }
  return i + pos.character;
}

/** Characters shared by a report range and a label span (0 when on other lines or absent). */
export function overlap(range: ReportRange | undefined, span: Span): number {
  if (!range || !range.start || !range.end) return 0;
  const { start, end } = range;
  if (start.line > span.line || end.line < span.line) return 0;
  const a = start.line < span.line ? 0 : start.character;
  const b = end.line > span.line ? Infinity : end.character;
  return Math.max(0, Math.min(b, span.end) - Math.max(a, span.start));
}
