/**
 * The direction of a change figure: 下降9.9%, 减少了3个百分点 and 降幅为9.9% state declines,
 * 增长6.9% and 提高了6.5个百分点 rises. The scanner gives a decline's percentage or points
 * a negative value, so a growth rate is signed as statistics sign it and 年均增长9.9%
 * never agrees with 年均下降9.9%. A level (下降到5%, 降至3%) is not a change: the verb
 * must stand right before the figure (or before 了, 年均, 同比, 分别, 均, 为, 达 …).
 */
import type { Quantity } from '../types';

/** Verbs and nouns of a change, each with its direction and the word of the other direction. */
const CHANGE_WORDS: readonly (readonly [string, 1 | -1, string])[] = [
  ['下降', -1, '增长'], ['减少', -1, '增加'], ['降低', -1, '提高'], ['回落', -1, '回升'], ['下滑', -1, '增长'], ['缩减', -1, '增加'],
  ['降幅', -1, '增幅'], ['减幅', -1, '增幅'], ['负增长', -1, '增长'],
  ['增长', 1, '下降'], ['增加', 1, '减少'], ['提高', 1, '降低'], ['提升', 1, '下降'], ['上升', 1, '下降'], ['回升', 1, '回落'],
  ['增幅', 1, '降幅'], ['涨幅', 1, '降幅'],
];

/** Words that may stand between the change word and the figure. */
const BETWEEN = /(?:了|为|达到|达|年均|同比|环比|分别|均|平均|幅度)$/;

/** The direction a figure is stated with, when a change word stands right before it. */
export interface Direction {
  sign: 1 | -1;
  /** The change word as written (下降), how far before the figure it starts (−1: it is an earlier figure's), and the word of the other direction (增长). */
  word: string;
  before: number;
  opposite: string;
}

/** The change word right before `at` in `s` (allowing the words of BETWEEN in between), if any. */
export function directionBefore(s: string, at: number): Direction | undefined {
  let end = at;
  for (let k = 0; k < 4; k++) {
    const m = BETWEEN.exec(s.slice(Math.max(0, end - 2), end));
    if (!m) break;
    end -= m[0].length;
  }
  for (const [word, sign, opposite] of CHANGE_WORDS) {
    if (end >= word.length && s.startsWith(word, end - word.length)) return { sign, word, before: at - (end - word.length), opposite };
  }
  return undefined;
}

/** True for figures that can state a change: percentages and percentage points. */
export function isChangeFigure(q: Quantity): boolean {
  return q.dimension === 'percent' || q.dimension === 'points';
}

/** `q` with a decline's value negative (and its range), when `d` says it is a decline; `q` itself otherwise. */
export function signed(q: Quantity, d: Direction | undefined): Quantity {
  if (!d) return q;
  const out: Quantity = { ...q, direction: d };
  if (d.sign < 0 && q.value > 0) {
    out.value = -q.value;
    if (q.high !== undefined) {
      out.value = -q.high;
      out.high = -q.value;
    }
  }
  return out;
}
