/**
 * Checks of observations that are statements (measures of kind rank, first, edition,
 * year): the statement grammar must read the figure where the quote stands in the
 * source, as a statement of the measure's kind, with the observation's value, top-N
 * (high), vagueness (qualifier about) and group; an edition's period is its year.
 */
import type { Observation, Source } from '../types';
import { scanStatements, type StatementMention, normalGroup } from '../statements';
import { problemAt, type Problem } from './problems';
import type { Entries, Entry } from './validate';

/** The statements of each source's body, scanned once (relative years against its publication year). */
export function sourceStatements(sources: Iterable<Source>): Map<string, StatementMention[]> {
  const out = new Map<string, StatementMention[]>();
  for (const s of sources) out.set(s.id, scanStatements(s.body, Number(s.published.slice(0, 4))));
  return out;
}

const KIND_NAME: Record<string, string> = { rank: 'rank', first: 'first', edition: 'edition', year: 'year of an event' };

/** What the grammar reads, for messages. */
function reading(m: StatementMention): string {
  const top = m.high !== undefined ? `top ${m.high}` : m.vague ? 'among the top (vague)' : `${m.value}`;
  return m.groupText ? `${top} within ${m.groupText}` : top;
}

/** The problems of the statement observations (see the file header). */
export function checkStatements(e: Entries, statements: ReadonlyMap<string, StatementMention[]>): Problem[] {
  const out: Problem[] = [];
  e.observations.forEach((o: Entry<Observation>, i) => {
    const measure = e.measureById.get(o.value.measure)?.value;
    const kind = measure?.kind;
    if (kind !== 'rank' && kind !== 'first' && kind !== 'edition' && kind !== 'year') return;
    const list = statements.get(o.value.source) ?? [];
    const { figure, quote, value, high, qualifier, group, period } = o.value;
    const inQuote: number[] = [];
    for (let k = quote.indexOf(figure); k >= 0; k = quote.indexOf(figure, k + 1)) inQuote.push(k);
    const read = e.quoteHits[i].flatMap((q) => inQuote.map((k) => list.find((m) => m.kind === kind && m.start === q + k && m.end === q + k + figure.length)));
    const m = read.find((x) => x !== undefined);
    if (!m) {
      if (e.quoteHits[i].length && inQuote.length) {
        out.push(problemAt(o.file, o.pos('figure'), `the statement grammar reads no ${KIND_NAME[kind]} in figure "${figure}" where the quote stands in the source, so drafts that write it this way will not be matched`, 'warning'));
      }
      return;
    }
    const wantQualifier = m.vague ? 'about' : 'exact';
    if (value !== m.value || (high ?? undefined) !== (m.high ?? undefined) || qualifier !== wantQualifier) {
      const given = `${high !== undefined ? `, high ${high}` : ''}, qualifier ${qualifier}`;
      const want = `value ${m.value}${m.high !== undefined ? `, high ${m.high}` : ''}, qualifier ${wantQualifier}`;
      out.push(problemAt(o.file, o.pos('value'), `value ${value}${given} does not match figure "${figure}", which reads as a ${KIND_NAME[kind]}: ${reading(m)}; write ${want}`));
    }
    if (m.group !== undefined && normalGroup(group) !== m.group) {
      out.push(problemAt(o.file, o.pos(group === undefined ? 'figure' : 'group'), `${KIND_NAME[kind]} "${figure}" is within ${m.groupText}: write group: ${m.groupText}`));
    } else if (m.group === undefined && group !== undefined) {
      out.push(problemAt(o.file, o.pos('group'), `${KIND_NAME[kind]} "${figure}" names no group in the source: remove group`));
    }
    if (kind === 'edition' && m.eventYear !== undefined && period !== String(m.eventYear)) {
      out.push(problemAt(o.file, o.pos('period'), `edition "${figure}" was held in ${m.eventYear} (written before it): its period is '${m.eventYear}'`));
    }
  });
  return out;
}
