/**
 * Every statement of a text that is not a quantity: ranks, firsts, editions and years of
 * events (see their grammars), in order. Used on sources (coverage: each must be an
 * observation or an exclusion) and on drafts (each is checked against the measures of
 * its kind). Statements inside names (“北京城市更新最佳实践”, 《…》) are left out.
 */
import { normalizeWidth, nameSpans } from '../numbers';
import { TextMemo } from '../util';
import { findRanks } from './ranks';
import { findEditions, findFirsts } from './firsts';
import { findEventYears } from './eventYears';
import { insideSpans, movedMention, type StatementMention } from './mention';

/** The statements of `text`; relative years (年底, 今年) resolve against `year` when given. */
export function scanStatements(text: string, year?: number): StatementMention[] {
  try {
    const s = normalizeWidth(String(text));
    const found = [...findRanks(s), ...findFirsts(s), ...findEditions(s), ...findEventYears(s, year)];
    if (!found.length) return [];
    const names = nameSpans(s);
    const all = found
      .filter((m) => !insideSpans(names, m.start, m.end))
      .map((m) => ({ ...m, text: text.slice(m.start, m.end) }));
    return all.sort((a, b) => a.start - b.start || a.end - b.end);
  } catch {
    return [];
  }
}

/** Statements of lines already scanned, by line text, one memo per year (a draft checked again is mostly lines seen before). */
const lineMemos = new Map<number, TextMemo<StatementMention[]>>();

function lineMemo(year: number): TextMemo<StatementMention[]> {
  let memo = lineMemos.get(year);
  if (!memo) {
    if (lineMemos.size >= 8) lineMemos.clear();
    lineMemos.set(year, (memo = new TextMemo(50_000, (line) => scanStatements(line, year))));
  }
  return memo;
}

/**
 * scanStatements line by line over [from, to) (`from` a line start; `to` a line end or the
 * text's end), each line's statements remembered by its text: the grammars never look
 * past a line break, so the result is scanStatements' (from `from` on), and an edited
 * draft is scanned again only where it changed.
 */
export function scanStatementsByLine(text: string, year: number, from = 0, to = text.length): StatementMention[] {
  const out: StatementMention[] = [];
  const memo = lineMemo(year);
  for (let start = from; start < to; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      for (const m of memo.get(text.slice(start, end))) out.push(movedMention(m, start));
    }
    start = end + 1;
  }
  return out;
}

/** True for measure kinds whose observations are statements read by these grammars. */
export function isStatementMeasure(kind: string): kind is 'rank' | 'first' | 'edition' | 'year' {
  return kind === 'rank' || kind === 'first' || kind === 'edition' || kind === 'year';
}
