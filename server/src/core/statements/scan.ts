/**
 * Every statement of a text that is not a quantity: ranks, firsts, editions and years of
 * events (see their grammars), in order. Used on sources (coverage: each must be an
 * observation or an exclusion) and on drafts (each is checked against the measures of
 * its kind). Statements inside names (“北京城市更新最佳实践”, 《…》) are left out.
 */
import { normalizeWidth } from '../numbers/chars';
import { nameSpans } from '../numbers/context';
import { findRanks } from './ranks';
import { findEditions, findFirsts } from './firsts';
import { findEventYears } from './eventYears';
import { insideSpans, type StatementKind, type StatementMention } from './mention';

export type { StatementKind, StatementMention };

/** The statements of `text`; relative years (年底, 今年) resolve against `year` when given. */
export function scanStatements(text: string, year?: number): StatementMention[] {
  try {
    const s = normalizeWidth(String(text));
    const names = nameSpans(s);
    const all = [...findRanks(s), ...findFirsts(s), ...findEditions(s), ...findEventYears(s, year)]
      .filter((m) => !insideSpans(names, m.start, m.end))
      .map((m) => ({ ...m, text: text.slice(m.start, m.end) }));
    return all.sort((a, b) => a.start - b.start || a.end - b.end);
  } catch {
    return [];
  }
}

/** The measure kind statements of a kind are observations of. */
export const MEASURE_KIND: Record<StatementKind, 'rank' | 'first' | 'edition' | 'year'> = { rank: 'rank', first: 'first', edition: 'edition', year: 'year' };

/** True for measure kinds whose observations are statements read by these grammars. */
export function isStatementMeasure(kind: string): kind is 'rank' | 'first' | 'edition' | 'year' {
  return kind === 'rank' || kind === 'first' || kind === 'edition' || kind === 'year';
}
