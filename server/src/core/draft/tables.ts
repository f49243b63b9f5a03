/**
 * Tables in drafts: Markdown pipe tables and tab-separated tables in plain text. A cell's
 * figure is a claim whose measure is its row's label, whose unit may be in the label
 * (地区生产总值（亿元）) or a unit column, and whose period may be its column's header
 * (2023年, 2025年上半年). Each table is read as sentences made of those parts
 * (2023年，地区生产总值12155.2亿元。), checked by the engine under the draft's front matter
 * and the headings above the table, and the results are mapped back to the cells: the
 * claim's range is the cell's figure, and a fix writes the figure without the unit the
 * sentence borrowed.
 */
import type { CheckedClaim, CheckOptions, CheckResult, FactBase, Finding, TextEdit } from '../types';
import type { DraftOutline } from './outline';
import { scanPeriods } from '../numbers';
import { DerivedValue, indexOf, type FactIndex } from '../factIndex';
import { detached } from '../util';

/** Tables' checks by their sentences, context and options, per fact index (kept by the index; emptied past 256). */
const TABLE_CHECKS = new DerivedValue(() => new Map<string, CheckResult>());
import { findSubjects, isOutsidePlace } from './claimContext';

/** A cell: its text (trimmed) and where that text is in the draft. */
interface Cell {
  text: string;
  start: number;
  end: number;
}

/** A table: its header cells and data rows, and the span of its lines. */
export interface Table {
  start: number;
  end: number;
  header: Cell[];
  rows: Cell[][];
}

/** Columns whose cells are remarks, sources or units, never figures to check. */
const NOTE_HEADER = /^(备注|说明|注|来源|数据来源|口径|单位|计量单位|序号|编号|类别|分类|领域)$/;
const UNIT_HEADER = /^(单位|计量单位)$/;
/** A header that dates its column's figures without being a period (现有数量, 截至目前). */
const STOCK_HEADER = /^(现有|目前|截至目前|累计|当前)/;
/** A cell that says nothing (—, -, /, 无). */
const EMPTY = /^[\s—–\-－/／…]*$|^无$/;
const SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** The cells of a pipe-table line, with offsets (a leading and a trailing pipe are optional). */
function pipeCells(text: string, lineStart: number, lineEnd: number): Cell[] {
  const cells: Cell[] = [];
  let a = lineStart;
  while (a < lineEnd && /\s/.test(text[a])) a++;
  if (text[a] === '|') a++;
  let i = a;
  for (; i <= lineEnd; i++) {
    if (i === lineEnd || (text[i] === '|' && text[i - 1] !== '\\')) {
      const raw = text.slice(a, i);
      const lead = raw.length - raw.trimStart().length;
      const t = raw.trim();
      if (i < lineEnd || t) cells.push({ text: t, start: a + lead, end: a + lead + t.length });
      a = i + 1;
    }
  }
  return cells;
}

/** The cells of a tab-separated line. */
function tabCells(text: string, lineStart: number, lineEnd: number): Cell[] {
  const cells: Cell[] = [];
  let a = lineStart;
  for (let i = lineStart; i <= lineEnd; i++) {
    if (i === lineEnd || text[i] === '\t') {
      const raw = text.slice(a, i);
      const lead = raw.length - raw.trimStart().length;
      const t = raw.trim();
      cells.push({ text: t, start: a + lead, end: a + lead + t.length });
      a = i + 1;
    }
  }
  return cells;
}

/** The lines of the draft's body, with offsets (line end excludes \r). */
function linesOf(text: string, from: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let pos = from;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    out.push({ start: pos, end: eol > pos && text[eol - 1] === '\r' ? eol - 1 : eol });
    if (eol >= text.length) break;
    pos = eol + 1;
  }
  return out;
}

/**
 * Whether a line holds `ch`, asked of lines in order from `from`: the next `ch` at or after
 * the line asked is kept (-1: none left), so each search moves forward and a draft is read once.
 */
function holdsChar(text: string, from: number, ch: string): (l: { start: number; end: number }) => boolean {
  let next = text.indexOf(ch, from);
  return (l) => {
    if (next >= 0 && next < l.start) next = text.indexOf(ch, l.start);
    return next >= 0 && next < l.end;
  };
}

/** The Markdown pipe tables and tab-separated tables of a draft's body. */
export function findTables(text: string, from: number): Table[] {
  const lines = linesOf(text, from);
  const tables: Table[] = [];
  const holdsPipe = holdsChar(text, from, '|');
  const holdsTab = holdsChar(text, from, '\t');
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i];
    if (holdsPipe(l) && SEPARATOR.test(text.slice(lines[i + 1].start, lines[i + 1].end))) {
      const header = pipeCells(text, l.start, l.end);
      const rows: Cell[][] = [];
      let j = i + 2;
      for (; j < lines.length && text.slice(lines[j].start, lines[j].end).includes('|'); j++) rows.push(pipeCells(text, lines[j].start, lines[j].end));
      if (header.length >= 2 && rows.length) tables.push({ start: l.start, end: lines[j - 1].end, header, rows });
      i = j - 1;
      continue;
    }
    // Tab tables: two or more consecutive lines with the same number (≥ 2) of tab-separated cells.
    if (holdsTab(l)) {
      const header = tabCells(text, l.start, l.end);
      const rows: Cell[][] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const cells = tabCells(text, lines[j].start, lines[j].end);
        if (cells.length !== header.length) break;
        rows.push(cells);
      }
      if (header.length >= 2 && rows.length) {
        tables.push({ start: l.start, end: lines[j - 1].end, header, rows });
        i = j - 1;
      }
    }
  }
  return tables;
}

/** A unit written in brackets at the end of a row label (地区生产总值（亿元）), and the label without it. */
function labelUnit(label: string): { label: string; unit: string } {
  const m = /[（(]([^（）()]{1,8})[）)]\s*$/.exec(label);
  if (m && !/[\d一二三四五六七八九十]/.test(m[1]) && m[1].length <= 6) return { label: label.slice(0, m.index), unit: m[1] === '%' || m[1] === '％' ? '%' : m[1] };
  return { label, unit: '' };
}

/**
 * A cell that holds a figure (digits, or Chinese numerals alone or with a counter: 四分之一强,
 * 两成, 三家). A label that merely starts with a numeral (二级医院, 三甲医院, 十大工程) or
 * names a period (2025年前三季度…) is not one.
 */
function holdsFigure(cell: string): boolean {
  // Digits of a period (2025年前三季度…的贡献, 2021—2023年…降幅) make a label, not a figure.
  let bare = cell;
  for (const p of scanPeriods(cell).reverse()) bare = bare.slice(0, p.start) + bare.slice(p.end);
  if (/\d/.test(bare)) return true;
  const m = /^(?:约|近|超过|超|逾|不到|不足|将近|接近)?[零〇一二两三四五六七八九十百千万亿点分之成强弱余多]+/.exec(cell);
  if (!m) return false;
  const rest = cell.slice(m[0].length);
  return rest.length <= 2 && !/^[级甲等类型期批号届大]/.test(rest);
}

/** A row label that says only an aspect of the object of the rows above it (占全市比重, 同比增长, 增速). */
const ASPECT_ONLY = /^(占全[市区国]比重|占全[市区国]|占比|比重|同比增长|同比增速|同比|比上年增长|比上年|增速|增幅|增长率?)$/;
/** Aspect words a label above may end with, after its object (地区生产总值增速). */
const ASPECT_TAIL = /(同比增长|同比增速|增速|增幅|增长率?|占全[市区国]比重|占比|比重)$/;

/**
 * The object of the nearest row above (in the same column) whose label names one: an
 * aspect-only row (占全市比重 under 地区生产总值增速) speaks of it, as an elliptic
 * clause in running text speaks of the clause before it. Empty when there is none.
 */
function objectAbove(t: Table, row: Cell[], k: number): string {
  for (let r = t.rows.indexOf(row) - 1; r >= 0; r--) {
    const cell = t.rows[r][k];
    if (!cell) return '';
    const { label } = labelUnit(cell.text);
    if (ASPECT_ONLY.test(label)) continue;
    return label.replace(ASPECT_TAIL, '');
  }
  return '';
}

/** One cell read as a sentence: where its figure stands in the sentence and in the draft, and the unit the sentence adds. */
interface Placed {
  /** Offset of the cell's text in the sentences' text. */
  at: number;
  cell: Cell;
  unit: string;
}

/** The sentences a table is read as, and where each cell's figure stands in them. */
function tableSentences(t: Table, isPlace: (header: string) => boolean): { text: string; placed: Placed[] } {
  const headers = t.header.map((h) => h.text);
  const unitCol = headers.findIndex((h) => UNIT_HEADER.test(h));
  let out = '';
  const placed: Placed[] = [];
  for (const row of t.rows) {
    if (!row.length) continue;
    let line = '';
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const head = headers[c] ?? '';
      if (!cell.text || NOTE_HEADER.test(head) || !holdsFigure(cell.text)) continue;
      // The row's label: the nearest cell to the left that is not a figure nor a note.
      let k = c - 1;
      while (k >= 0 && (holdsFigure(row[k].text) || NOTE_HEADER.test(headers[k] ?? '') || EMPTY.test(row[k].text))) k--;
      if (k < 0) continue;
      const { label: own, unit: inLabel } = labelUnit(row[k].text);
      const label = ASPECT_ONLY.test(own) ? objectAbove(t, row, k) + own : own;
      const unit = inLabel || (unitCol >= 0 && row[unitCol] ? row[unitCol].text : '');
      // The column's header dates the figure (2023年, 2025年上半年, 现有).
      const stock = STOCK_HEADER.exec(head);
      // A column headed by a place (海淀区 | 怀柔区) gives its cells their subject.
      const lead = scanPeriods(head).length > 0 ? `${head}，${label}` : stock ? `${stock[0]}${label}` : isPlace(head) ? `${head.trim()}${label}` : label;
      const withUnit = /[^\d.]$/.test(cell.text) && !/[余多]$/.test(cell.text) ? '' : unit;
      line += lead;
      placed.push({ at: out.length + line.length, cell, unit: withUnit });
      line += cell.text + withUnit + '。';
    }
    if (line) out += line + '\n\n';
  }
  return { text: out, placed };
}

/** Tables' sentences by the table's text, per fact index (which names are places), with the table's start then (emptied past 256). */
const TABLE_SENTENCES = new DerivedValue(() => new Map<string, { start: number; text: string; placed: Placed[] }>());

/** tableSentences of table `t` of `text`, read once per table text (an edit elsewhere leaves a table's sentences as they were). */
function tableSentencesOf(idx: FactIndex, text: string, t: Table, isPlace: (header: string) => boolean): { text: string; placed: Placed[] } {
  const memo = TABLE_SENTENCES.of(idx);
  const key = text.slice(t.start, t.end);
  let r = memo.get(key);
  if (!r) {
    if (memo.size >= 256) memo.clear();
    memo.set(detached(key), (r = { start: t.start, ...tableSentences(t, isPlace) }));
  }
  const by = t.start - r.start;
  return by === 0 ? r : { text: r.text, placed: r.placed.map((p) => ({ ...p, cell: { text: p.cell.text, start: p.cell.start + by, end: p.cell.end + by } })) };
}

/** What the table cells contribute to a check: their claims and findings (claim numbers local), and the spans of the tables. */
export interface TableResult {
  spans: { start: number; end: number }[];
  claims: CheckedClaim[];
  findings: Finding[];
}

/**
 * Checks the tables of a draft: each table's sentences are checked under the draft's front
 * matter and the headings above the table, and each claim on a cell's figure comes back
 * on that cell. `check` is the engine's own entry (checkText), passed in to keep this
 * module out of the check's import cycle.
 */
export function checkTables(
  text: string,
  ol: DraftOutline,
  base: FactBase,
  options: CheckOptions,
  check: (text: string, base: FactBase, options: CheckOptions) => CheckResult,
): TableResult {
  // (Most drafts have no table: no pipe and no tab, nothing to read.)
  if (!/[|\t]/.test(text)) return { spans: [], claims: [], findings: [] };
  const tables = findTables(text, ol.bodyStart);
  const out: TableResult = { spans: tables.map((t) => ({ start: t.start, end: t.end })), claims: [], findings: [] };
  const idx = indexOf(base);
  const isPlace = (h: string): boolean => {
    const name = h.trim();
    if (!name) return false;
    if (isOutsidePlace(name)) return true;
    return findSubjects(idx, name).some((m) => m.start === 0 && m.end === name.length);
  };
  for (const t of tables) {
    const { text: sentences, placed } = tableSentencesOf(idx, text, t, isPlace);
    if (!placed.length) continue;
    // The headings above the table, nearest of each level, so the sentences have the draft's subject.
    const above: string[] = [];
    let level = 7;
    for (let h = ol.headings.length - 1; h >= 0; h--) {
      const hd = ol.headings[h];
      if (hd.start >= t.start || hd.level >= level) continue;
      level = hd.level;
      above.unshift(`${'#'.repeat(hd.level)} ${hd.text}`);
    }
    // (The title too: a plain-text draft's first line.)
    if (ol.title && !above.some((h) => h.startsWith('# '))) above.unshift(`# ${ol.title}`);
    const prefix = text.slice(0, ol.bodyStart) + (above.length ? above.join('\n\n') + '\n\n' : '');
    // (A table checked again with the same text, context and options, on the same base, gives the same result: an edit
    // elsewhere in the draft does not check its tables again.)
    const tableOptions = { ...options, allow: [] };
    const key = JSON.stringify(tableOptions) + '\u0000' + prefix + sentences;
    const memo = TABLE_CHECKS.of(idx);
    let r = memo.get(key);
    if (!r) {
      if (memo.size >= 256) memo.clear();
      memo.set(detached(key), (r = check(prefix + sentences, base, tableOptions)));
    }
    const mapped = new Map<number, number>();
    r.claims.forEach((c, i) => {
      const p = placed.find((x) => c.start >= prefix.length + x.at && c.end <= prefix.length + x.at + x.cell.text.length + x.unit.length);
      if (!p || c.kind !== 'quantity') return;
      mapped.set(i, out.claims.length);
      out.claims.push({ ...c, start: p.cell.start, end: p.cell.end, text: p.cell.text });
    });
    for (const f of r.findings) {
      const k = mapped.get(f.claim);
      if (k === undefined) continue;
      const claim = out.claims[k];
      const p = placed.find((x) => x.cell.start === claim.start)!;
      out.findings.push({ ...f, start: claim.start, end: claim.end, claim: k, fix: cellFix(f.fix, p, prefix.length) });
    }
  }
  return out;
}

/** A fix of a whole cell figure, without the unit its sentence borrowed; none when the fix changes the unit or reaches outside the figure. */
function cellFix(fix: TextEdit | undefined, p: Placed, offset: number): TextEdit | undefined {
  if (!fix) return undefined;
  const from = offset + p.at;
  if (fix.start !== from || fix.end !== from + p.cell.text.length + p.unit.length) return undefined;
  if (p.unit && !fix.newText.endsWith(p.unit)) return undefined;
  return { start: p.cell.start, end: p.cell.end, newText: p.unit ? fix.newText.slice(0, fix.newText.length - p.unit.length) : fix.newText };
}
