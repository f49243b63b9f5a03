/**
 * Checks of the kind of statement an observation records: an observation whose file
 * states no kind is an actual, so when its source says 将, 预计, 有望, 力争 or 计划 before
 * the figure in the figure's clause, the curator is asked to say which kind it is
 * (`kind: forecast`, `target`, `commitment`, or `kind: actual` to confirm an actual).
 */
import type { Observation } from '../types';
import { problemAt, type Problem } from './problems';
import type { Entries, Entry } from './validate';

/** Words that make what follows a forecast, target or commitment (将近 is a qualifier, 将军 a noun). */
const PLAN_WORD = /将(?![近军来])|预计|有望|力争|计划/g;

/** Characters that end a clause. */
const CLAUSE_END = /[，,；;。！？!?\n]/;

/** The plan word standing before `at` in its clause of `text`, if any (the last one). */
export function planWordBefore(text: string, at: number): string | undefined {
  let start = at;
  while (start > 0 && !CLAUSE_END.test(text[start - 1])) start--;
  let found: string | undefined;
  for (const m of text.slice(start, at).matchAll(PLAN_WORD)) found = m[0];
  return found;
}

/** One warning per observation without a stated kind whose source says a plan word of its figure. */
export function checkKinds(e: Entries): Problem[] {
  const out: Problem[] = [];
  e.observations.forEach((o: Entry<Observation>, i) => {
    if (!e.kindUnstated.has(o) || o.value.kind !== 'actual') return;
    const body = e.sources.get(o.value.source)?.body;
    const hits = e.quoteHits[i];
    const inQuote = o.value.quote.indexOf(o.value.figure);
    if (!body || !hits?.length || inQuote < 0) return;
    const word = planWordBefore(body, hits[0] + inQuote);
    if (!word) return;
    out.push(
      problemAt(
        o.file,
        o.pos(),
        `the source says "${word}" before figure "${o.value.figure}" in its clause, and the observation is an actual: ` +
          'write kind: forecast, target or commitment for what the source expects or plans, or kind: actual to confirm an actual',
        'warning',
      ),
    );
  });
  return out;
}
