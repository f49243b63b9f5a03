/**
 * Checks of fact entries against their sources' text: quotes occur verbatim in the
 * source body, figures inside quotes, role names and titles inside the role's quote,
 * exclusion contexts in the body and their figures inside the context.
 */
import type { Source } from '../types';
import { LineIndex } from '../util';
import { problemAt, type Problem } from './problems';
import type { Entries, Entry } from './validate';

/** Shortens long text for messages. */
export function clip(s: string, max = 30): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** Where the longest beginning of `quote` occurs in `body`, and its length. */
export function longestPrefixMatch(quote: string, body: string): { length: number; at: number } {
  // If a prefix of length k occurs, every shorter prefix does: binary search on k.
  let lo = 0;
  let hi = quote.length;
  let at = 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const i = body.indexOf(quote.slice(0, mid));
    if (i >= 0) {
      lo = mid;
      at = i;
    } else hi = mid - 1;
  }
  return { length: lo, at };
}

/** A plain-language account of where a quote departs from the source text. */
export function quoteMismatch(quote: string, source: Source): string {
  const { length, at } = longestPrefixMatch(quote, source.body);
  const name = source.file.replace(/^.*[\\/]/, '');
  if (length === 0) return `quote does not occur verbatim in source "${source.id}" (${name}): not even its first character "${quote[0]}" occurs there`;
  const line = source.bodyLine + new LineIndex(source.body).positionAt(at).line + 1;
  const got = source.body.slice(at + length, at + length + 6).split(/\r?\n/)[0];
  return (
    `quote does not occur verbatim in source "${source.id}": it matches ${name} line ${line} for ${length} of ${quote.length} characters ` +
    `("${clip(quote.slice(0, length), 20)}"), then the quote has "${clip(quote.slice(length), 8)}" where the source has "${got || '(end of line)'}"`
  );
}

/** A problem when `source` is known and `quote` does not occur in it (`found`: whether it does, when known). */
function checkText(en: Entry<unknown>, source: Source | undefined, quote: string, found?: boolean): Problem | undefined {
  if (!source || (found ?? source.body.includes(quote))) return undefined;
  return problemAt(en.file, en.pos('quote'), quoteMismatch(quote, source));
}

/** Runs the checks of the file header. */
export function checkAgainstSources(e: Entries): Problem[] {
  const out: Problem[] = [];
  e.observations.forEach((o, i) => {
    const { quote, figure } = o.value;
    const p = checkText(o, e.sources.get(o.value.source), quote, e.quoteHits[i].length > 0);
    if (p) out.push(p);
    if (!quote.includes(figure)) {
      out.push(problemAt(o.file, o.pos('figure'), `figure "${figure}" does not occur in the observation's quote "${clip(quote)}"`));
    }
  });
  for (const r of e.roles) {
    const { quote, person, titles } = r.value;
    const p = checkText(r, e.sources.get(r.value.source), quote);
    if (p) out.push(p);
    if (!quote.includes(person)) out.push(problemAt(r.file, r.pos('person'), `person "${person}" does not occur in the role's quote "${clip(quote)}"`));
    titles.forEach((t, i) => {
      if (!quote.includes(t)) out.push(problemAt(r.file, r.pos('titles'), `title "${t}" (item ${i + 1} of titles) does not occur in the role's quote "${clip(quote)}"`));
    });
  }
  for (const x of e.exclusions) {
    const { context, figure } = x.value;
    const source = e.sources.get(x.value.source);
    if (source && !source.body.includes(context)) {
      out.push(problemAt(x.file, x.pos('context'), quoteMismatch(context, source).replace(/^quote/, 'exclusion context')));
    }
    if (!context.includes(figure)) {
      out.push(problemAt(x.file, x.pos('figure'), `figure "${figure}" does not occur in the exclusion's context "${clip(context)}"`));
    }
  }
  return out;
}
