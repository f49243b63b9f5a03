/**
 * Pruning by value with each measure's observation values, sorted (built with the index,
 * FactIndex.values), so the misattribution check skips a measure
 * none of whose observations can agree with a claim's value, without reading them one by
 * one: among fifty districts' copies of a measure, a wrong value agrees with none.
 */
import type { Measure, Quantity } from '../types';
import type { FactIndex, MeasureValues } from '../factIndex';
import { valueInterval } from '../numbers';
import { firstIndex } from '../util';

const NONE: MeasureValues = { sorted: new Float64Array(0), inexact: false, nonFinite: false, figureTolerance: 0, inexactLow: Infinity, inexactHigh: -Infinity };

/**
 * False only when no observation of `m` can agree with `q` as agreement() defines it
 * ('equal'). Agreeing needs one of: |q.value − v| ≤ max(q.precision / 2, figure tolerance)
 * + 1e-9·max(1, |v|), the figure tolerance being at most 2 % of |v| and at most the
 * measure's figureTolerance (f): this bounds |q.value − v| both by
 * (|p| + 0.0201·|q.value| + 1e-9) / 0.9799 and by (|p| + f + 1e-9·(1 + |q.value|)) / (1 − 1e-9)
 * (p = q.precision / 2; the window searched is 10 % wider than the smaller); for a claim that is not exact, an exact observation's value in the claim's
 * interval (valueInterval, as agreement reads it); for an exact claim, the claim's value in
 * the interval of an observation that is not exact (within the hull of those intervals).
 * Ranges (high) agree only within the tolerance.
 */
export function mayAgree(idx: FactIndex, m: Measure, q: Quantity): boolean {
  const { sorted, inexact, nonFinite, figureTolerance, inexactLow, inexactHigh } = idx.values.get(m.id) ?? NONE;
  const p = Math.abs(q.precision / 2);
  const w = 1.1 * Math.min(p + 0.021 * Math.abs(q.value) + 1e-8, p + figureTolerance + 1e-8 * (1 + Math.abs(q.value)));
  if (nonFinite || !Number.isFinite(w) || !Number.isFinite(q.value)) return true;
  let lo = q.value - w;
  let hi = q.value + w;
  if (q.qualifier === 'exact') {
    if (inexact && q.value >= inexactLow && q.value <= inexactHigh) return true;
  } else {
    const [a, b] = valueInterval(q);
    if (Number.isNaN(a) || Number.isNaN(b)) return true;
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  // The first value ≥ lo, then whether it is ≤ hi.
  const at = firstIndex(sorted.length, (i) => sorted[i] < lo);
  return at < sorted.length && sorted[at] <= hi;
}
