/**
 * Statements that are not quantities but are checked like them: ranks (全市第1, 首位,
 * 前两名, 规模全市最大, 之首), firsts (全市首家, 第一个, 率先), editions (第四届…论坛)
 * and years of events (成立于2014年, 年底交付使用). This module holds what their grammars
 * share: the mention they produce, the groups a rank or first is within (全市, 中心城区,
 * 城六区, 全国, 全球) and the reading of a small ordinal number.
 */
import { isDigit, readArabic, readChinese } from '../numbers';

/** Kinds of statement, each checked against the measures of the same kind. */
export type StatementKind = 'rank' | 'first' | 'edition' | 'year';

/** How the number of a statement is written: 第1, 第一, or a word (首位, 最大, 首家, 率先, 年底). */
export type StatementForm = 'arabic' | 'chinese' | 'word';

/** A statement found in text. Offsets are UTF-16 offsets into the text scanned. */
export interface StatementMention {
  kind: StatementKind;
  /** The figure: 第1, 首位, 前两名, 最大, 之首, 首家, 第一个, 率先, 第十六届, 2014年, 年底. */
  start: number;
  end: number;
  text: string;
  /** Rank, position, edition number or year. */
  value: number;
  /** A top-N rank (前两名): value 1, high N. */
  high?: number;
  /** A rank that names no position (前列, 之一, 领先): among the top. */
  vague?: boolean;
  /** The group a rank or first is within, as written (全市, 中心城区; for 之首 the list's name), and its normal form. */
  groupText?: string;
  group?: string;
  /** For firsts and editions: the counter (个, 家, 批, 届, 次); for years: the event verb (成立, 交付使用). */
  word?: string;
  /** Where the thing it is about is named: a first's category, an edition's event, a rank's or year's clause before it. */
  about: { start: number; end: number };
  /** How its number is written, to write a fix in the same way. */
  form: StatementForm;
  /** A year written relative to the text's date (年底, 年内, 今年): value is resolved against `year` given to the scanner. */
  relative?: boolean;
  /** For a year at the end of a year (年底): the deadline is that year's last day. */
  yearEnd?: boolean;
  /** The suffix after a rank's number as written (名, 位), kept by fixes. */
  suffix?: string;
  /** For an edition: the year written right before it (2024年第四届…). */
  eventYear?: number;
}

/** Group words, longest first, with their normal form. */
const GROUPS: readonly (readonly [string, string])[] = [
  ['生态涵养区', 'eco'], ['中心城区', 'central'], ['城六区', 'six'], ['十六区', 'city'], ['全北京', 'city'], ['北京市', 'city'],
  ['各区县', 'city'], ['全市', 'city'], ['本市', 'city'], ['各区', 'city'], ['16区', 'city'],
  ['全国', 'nation'], ['国内', 'nation'], ['我国', 'nation'], ['中国', 'nation'], ['全球', 'world'], ['世界', 'world'], ['亚洲', 'asia'],
  ['全区', 'district'],
];

/** The normal form of each group word (the first, should a word come twice). */
const GROUP_FORMS = new Map<string, string>();
for (const [w, form] of GROUPS) if (!GROUP_FORMS.has(w)) GROUP_FORMS.set(w, form);

/** The normal form of a group as written (全市 → city); a list's name stays as it is. */
export function normalGroup(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const bare = text.replace(/^在/, '');
  return GROUP_FORMS.get(bare) ?? `list:${bare.replace(/[“”"《》]/g, '')}`;
}

/** The group word ending at `end` of `s`, if any. */
export function groupEndingAt(s: string, end: number): { text: string; start: number } | undefined {
  for (const [w] of GROUPS) if (end >= w.length && s.startsWith(w, end - w.length)) return { text: w, start: end - w.length };
  return undefined;
}

/** The group word starting at `i` of `s`, if any. */
export function groupAt(s: string, i: number): string | undefined {
  for (const [w] of GROUPS) if (s.startsWith(w, i)) return w;
  return undefined;
}

/** A small whole number at `i` (1 to 999, Arabic or Chinese: 3, 三, 十六, 两): its value, end and form. */
export function smallOrdinal(s: string, i: number): { value: number; end: number; form: 'arabic' | 'chinese' } | undefined {
  if (isDigit(s[i])) {
    const t = readArabic(s, i);
    if (!t || t.decimals !== 0 || t.grouped || t.digits.length > 3) return undefined;
    const v = Number(t.digits);
    return v >= 1 ? { value: v, end: t.end, form: 'arabic' } : undefined;
  }
  const t = readChinese(s, i);
  if (!t || (t.shape !== 'int' && t.shape !== 'bare') || !(t.value >= 1 && t.value < 1000)) return undefined;
  return { value: t.value, end: t.end, form: 'chinese' };
}

/** Characters that end a clause. */
export const CLAUSE_PUNCT = '，,；;。！？!?\n：:';

/** The start of the clause holding `at` (after the last clause punctuation before it, not before `lo`). */
export function clauseStart(s: string, at: number, lo = 0): number {
  let i = at;
  while (i > lo && !CLAUSE_PUNCT.includes(s[i - 1])) i--;
  return i;
}

/** The end of the clause holding `at`. */
export function clauseEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && !CLAUSE_PUNCT.includes(s[i])) i++;
  return i;
}

/** A statement moved by `by`, with what it is about; a new object. */
export function movedMention(m: StatementMention, by: number): StatementMention {
  return { ...m, start: m.start + by, end: m.end + by, about: { start: m.about.start + by, end: m.about.end + by } };
}

/** True when [start, end) lies inside one of the sorted spans. */
export function insideSpans(spans: readonly [number, number][], start: number, end: number): boolean {
  return spans.some(([a, b]) => a <= start && end <= b);
}
