/**
 * Fixes of change figures written with their direction (年均下降9.9%, 增长6.9%): the
 * engine compares signed values (a decline is negative), and the fix writes the size of
 * the change in the draft's style after the change word, swapping the word when the
 * source states the other direction (增长9.9% → 下降9.9%). Applying the fix and checking
 * again verifies the claim.
 */
import type { CheckedClaim, Finding, Locale, Quantity } from '../types';
import type { FactIndex, IndexedObservation } from '../factIndex';
import type { QuantityVerdict } from './verdict';
import { citeObservation, expectedLike } from './findings';
import { message } from './messages';

/** The absolute value of a figure (offsets and style unchanged). */
function magnitude(q: Quantity): Quantity {
  return q.value < 0 ? { ...q, value: -q.value } : q;
}

/**
 * The claim and finding of a judged change figure, with the expected text and fix
 * rewritten as described in the file header; other claims are returned as they are.
 */
export function directedFinding(
  made: { claim: CheckedClaim; finding?: Finding },
  idx: FactIndex,
  text: string,
  q: Quantity,
  v: QuantityVerdict,
  locale: Locale,
): { claim: CheckedClaim; finding?: Finding } {
  const f = made.finding;
  // The figure the fix writes: a misattributed figure's own subject's, else the expected one.
  const io = f?.code === 'misattributed' ? v.own : v.expected;
  if (!f || !io || f.code === 'plan-as-done' || (!q.direction && io.value >= 0)) return made;
  // A growth the source gives as a range in words (两位数增长): 年均增长8% → 年均两位数增长.
  if (/位数/.test(io.obs.figure)) {
    const d0 = q.direction;
    if (!d0 || d0.before < 0 || Math.sign(io.value) !== d0.sign || f.code !== 'wrong-value') return made;
    const at = q.start - d0.before;
    const written = io.obs.figure + d0.word;
    return { ...made, finding: { ...f, start: at, expected: written, fix: { start: at, end: q.end, newText: written } } };
  }
  const d = q.direction;
  if (!d) return { ...made, finding: { ...f, expected: undefined, fix: undefined } }; // 9.9% where the source says 下降9.9%: no sign to write
  const size: IndexedObservation = io.value < 0 ? { ...io, value: -io.value, obs: { ...io.obs, value: -io.obs.value } } : io;
  const written: string | undefined = expectedLike(idx, magnitude(q), size);
  if (written === undefined) return { ...made, finding: { ...f, expected: undefined, fix: undefined } };
  const sameWay = io.value === 0 || Math.sign(io.value) === d.sign;
  const wordStart = d.before < 0 ? -1 : q.start - d.before;
  if (!sameWay && wordStart < 0) return { ...made, finding: { ...f, expected: undefined, fix: undefined } }; // the word belongs to an earlier figure
  const wordEnd = wordStart + d.word.length;
  const expected = sameWay ? written : d.opposite + text.slice(wordEnd, q.start) + written;
  const fix = sameWay ? { start: q.start, end: q.end, newText: written } : { start: wordStart, end: q.end, newText: expected };
  let msg = f.expected ? f.message.split(f.expected).join(expected) : f.message;
  if (!sameWay && f.code === 'wrong-value') {
    const src = citeObservation(idx, io);
    msg = message('wrong-value', locale, { measure: v.measure?.name, claimed: text.slice(wordStart, q.end), expected, publisher: src.publisher, published: src.published });
  }
  // When the word is swapped, the finding covers it too: writing `expected` over the finding is the fix.
  const start = sameWay ? f.start : wordStart;
  return { ...made, finding: { ...f, start, message: msg, expected, fix: fix.newText === text.slice(fix.start, fix.end) ? undefined : fix } };
}
