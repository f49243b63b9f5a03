/**
 * Pruning by value with each measure's observation values, sorted (built with the index,
 * FactIndex.values), so the misattribution check skips a measure
 * none of whose observations can agree with a claim's value, without reading them one by
 * one: among fifty districts' copies of a measure, a wrong value agrees with none.
 */
import type { Measure, Quantity } from './types';
import type { FactIndex, MeasureValues } from './factIndex';

const NONE: MeasureValues = { sorted: new Float64Array(0), loose: false };

/**
 * False only when no observation of `m` can agree with `q` as agreement() defines it
 * ('equal'). For an exact claim and a measure whose observations are all exact, agreeing
 * needs |q.value − v| ≤ max(q.precision / 2, figure tolerance ≤ 2 % of |v|) + 1e-9·max(1, |v|),
 * which bounds |q.value − v| by (|p| + 0.0201·|q.value| + 1e-9) / 0.9799 (p = q.precision / 2);
 * the window searched is wider still. Other claims (approximate, ranges) are not pruned.
 */
export function mayAgree(idx: FactIndex, m: Measure, q: Quantity): boolean {
  if (q.qualifier !== 'exact') return true;
  const { sorted, loose } = idx.values.get(m.id) ?? NONE;
  if (loose) return true;
  const w = 1.1 * (Math.abs(q.precision / 2) + 0.021 * Math.abs(q.value) + 1e-8);
  if (!Number.isFinite(w) || !Number.isFinite(q.value)) return true;
  const lo = q.value - w;
  // The first value ≥ lo, then whether it is ≤ q.value + w.
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid] < lo) a = mid + 1;
    else b = mid;
  }
  return a < sorted.length && sorted[a] <= q.value + w;
}
