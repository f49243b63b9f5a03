/**
 * The structure of a draft: front matter (title, date), headings, paragraphs, sentences
 * and clauses. Everything keeps offsets into the original text
 * so findings map back to the file exactly as it is on disk.
 */
import { parse as parseYaml } from 'yaml';
import { codeUnitSet } from '../numbers';
import { TextMemo } from '../util';

/** A heading line (Markdown `#`, or a numbered line such as 一、 / （二） on its own). */
export interface Heading {
  start: number;
  end: number;
  level: number;
  text: string;
}

/** A sentence: text between 。！？ or line ends. */
export interface Sentence {
  start: number;
  end: number;
  /** Index of the paragraph (block of non-blank lines) it belongs to. */
  paragraph: number;
  /** Index into headings of the nearest heading above, or -1. */
  heading: number;
}

/** The parsed outline of a draft. */
export interface DraftOutline {
  /** Offset where the body starts (after front matter). */
  bodyStart: number;
  /** Date from front matter `date:` or `asOf:`, YYYY-MM-DD. */
  date?: string;
  /** Title from front matter or the first level-1 heading. */
  title?: string;
  headings: Heading[];
  sentences: Sentence[];
}

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const SENTENCE_END = /[。！？!?；;]/;
/**
 * Longest sentence, in UTF-16 units. Real drafts' sentences stay under about 200; a line
 * of thousands of figures without a full stop would make matching (which compares a
 * claim with the other figures of its sentence) quadratic, so longer runs are cut.
 */
export const MAX_SENTENCE = 500;
/** Per UTF-16 code: 1 for SENTENCE_END's characters, 2 for the commas a long run is cut at (，、). */
const CHAR_KIND = new Uint8Array(0x10000);
for (const c of '。！？!?；;') CHAR_KIND[c.charCodeAt(0)] = 1;
CHAR_KIND[0xff0c] = CHAR_KIND[0x3001] = 2;

function toDate(v: unknown): string | undefined {
  if (v instanceof Date && !isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string') {
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(v.trim());
    if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  }
  return undefined;
}

/** Front matters read lately, by their text (a YAML parse costs as much as checking a paragraph; drafts repeat theirs). */
const frontMatters = new TextMemo(64, (block) => parseFrontMatter(FRONT_MATTER.exec(block)!));

/** A draft's front matter as read: its end offset, date and title, and why its YAML could not be read. */
export interface FrontMatter {
  end: number;
  date?: string;
  title?: string;
  /** The front matter is not valid YAML: the line of the text (0-based) and the parser's message. Its `date:` line is still read. */
  problem?: { line: number; message: string };
}

/** Reads the front matter: its end offset, date and title (see FrontMatter). */
export function readFrontMatter(text: string): FrontMatter {
  const m = FRONT_MATTER.exec(text);
  if (!m) return { end: 0 };
  return { ...frontMatters.get(m[0]) };
}

/** A top-level `key: value` line of a front matter YAML could not read (the value unquoted). */
function lineValue(yaml: string, key: string): string | undefined {
  const m = new RegExp(`^${key}[ \t]*:[ \t]*['"]?([^'"#\r\n]*)`, 'm').exec(yaml);
  return m?.[1].trim() || undefined;
}

function parseFrontMatter(m: RegExpExecArray): FrontMatter {
  let data: Record<string, unknown> = {};
  let problem: FrontMatter['problem'];
  try {
    const parsed = parseYaml(m[1], { maxAliasCount: 10 });
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch (e) {
    // Not YAML (an unquoted colon in a title, say): the body is still checked, and the date a writer put on
    // its own line still dates the draft; a figure must not be judged as of today because a title had a colon.
    const pos = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    problem = { line: pos !== undefined ? pos : 1, message: ((e as Error).message ?? String(e)).split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') };
    data = { asOf: lineValue(m[1], 'asOf'), date: lineValue(m[1], 'date'), title: lineValue(m[1], 'title') };
  }
  return {
    end: m[0].length,
    date: toDate(data.asOf) ?? toDate(data.date),
    title: typeof data.title === 'string' ? data.title : undefined,
    ...(problem ? { problem } : {}),
  };
}

const NUMBERED_HEADING = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[，,、])/;

/** Splits a draft into headings, sentences and paragraphs. */
export function outline(text: string): DraftOutline {
  const fm = readFrontMatter(text);
  const headings: Heading[] = [];
  const sentences: Sentence[] = [];
  let title = fm.title;
  let paragraph = 0;
  let inParagraph = false;
  let sawText = false;
  let pos = fm.end;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const lineEnd = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    const line = text.slice(pos, lineEnd);
    if (line.trim() === '') {
      if (inParagraph) paragraph++;
      inParagraph = false;
    } else {
      // A line that ends a sentence ends its paragraph too (sources keep one paragraph a line).
      const endsSentence = /[。！？!?]\s*$/.test(line);
      inParagraph = true;
      const md = /^(#{1,6})\s+(.*)$/.exec(line);
      const short = line.trim().length <= 30 && !SENTENCE_END.test(line.trim().slice(0, -1));
      if (md || (NUMBERED_HEADING.test(line) && short && !/\d/.test(line))) {
        const level = md ? md[1].length : 3;
        headings.push({ start: pos, end: lineEnd, level, text: md ? md[2].trim() : line.trim() });
        if (md && level === 1 && !title) title = md[2].trim();
      }
      // A plain-text draft's first line, when short and not a sentence, is its title.
      // (Punctuation inside brackets does not make it a sentence: 怀柔区重点指标速查表（内部参考，供核对用）.)
      if (!title && !sawText && !md && short && !/[。！？!?，,；;]/.test(line.replace(/[（(][^）)]*[）)]/g, ''))) title = line.trim();
      sawText = true;
      // Sentences within the line; a run longer than MAX_SENTENCE is cut at its last comma (or hard).
      let s = pos;
      let comma = -1;
      for (let i = pos; i < lineEnd; i++) {
        const kind = CHAR_KIND[text.charCodeAt(i)];
        if (kind === 1) {
          sentences.push({ start: s, end: i + 1, paragraph, heading: headings.length - 1 });
          s = i + 1;
        } else if (kind === 2) comma = i;
        if (i + 1 - s >= MAX_SENTENCE && i + 1 < lineEnd) {
          const cut = comma >= s ? comma + 1 : i + 1;
          sentences.push({ start: s, end: cut, paragraph, heading: headings.length - 1 });
          s = cut;
        }
      }
      if (s < lineEnd && text.slice(s, lineEnd).trim() !== '') {
        sentences.push({ start: s, end: lineEnd, paragraph, heading: headings.length - 1 });
      }
      if (endsSentence || headings.length && headings[headings.length - 1].start === pos) {
        paragraph++;
        inParagraph = false;
      }
    }
    if (eol >= text.length) break;
    pos = eol + 1;
  }
  return { bodyStart: fm.end, date: fm.date, title, headings, sentences };
}

/** What ends a clause, by UTF-16 code unit (a table: this runs for every claim, and a CJK character read as text[i] is a new string). */
const CLAUSE_END = codeUnitSet([...'，,；;。！？!?：:\n']);

/** The clause around [from, to): bounded by ，；。：and line ends, within [lo, hi). */
export function clauseAround(text: string, from: number, to: number, lo: number, hi: number): { start: number; end: number } {
  let start = from;
  while (start > lo && CLAUSE_END[text.charCodeAt(start - 1)] === 0) start--;
  let end = to;
  while (end < hi && CLAUSE_END[text.charCodeAt(end)] === 0) end++;
  return { start, end };
}
