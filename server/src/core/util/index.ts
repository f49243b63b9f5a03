/**
 * Helpers every stage uses: stepped work (a generator that pauses), binary search over
 * lists sorted by offset, a bounded cache by two keys, and line/column positions.
 */
export { PairCache } from './pairCache';
export { TextMemo, detached } from './textMemo';
export { LineIndex, type Range } from './positions';
export { firstIndex, firstStartingAt, within, lastWithin, firstWithin } from './sorted';
export { finishSteps } from './steps';
export { groupBy } from './groupBy';
