/**
 * Each measure's observation values, sorted, so the misattribution check skips a measure
 * none of whose observations can agree with a claim's value, without reading them one by
 * one: among fifty districts' copies of a measure, a wrong value agrees with none.
 */
import type { Measure, Quantity } from './types';
import type { FactIndex } from './factIndex';

/** A measure's observation values (canonical unit), sorted, and whether any observation is not exact. */
interface Values {
  sorted: Float64Array;
  /** Some observation has a qualifier other than 'exact' (its interval may hold any claim), or a value that is not finite. */
  loose: boolean;
}

const memo = new WeakMap<FactIndex, Map<string, Values>>();

/** Every measure's values, built in one pass over the index's observations on first use. */
function valuesOf(idx: FactIndex, measureId: string): Values {
  let byMeasure = memo.get(idx);
  if (!byMeasure) {
    byMeasure = new Map();
    for (const [id, list] of idx.observations) {
      // An infinite or missing value makes agreement's tolerance infinite or NaN: not pruned either.
      byMeasure.set(id, { sorted: Float64Array.from(list, (io) => io.value).sort(), loose: list.some((io) => io.obs.qualifier !== 'exact' || !Number.isFinite(io.value)) });
    }
    memo.set(idx, byMeasure);
  }
  return byMeasure.get(measureId) ?? NONE;
}

const NONE: Values = { sorted: new Float64Array(0), loose: false };

/**
 * False only when no observation of `m` can agree with `q` as agreement() defines it
 * ('equal'). For an exact claim and a measure whose observations are all exact, agreeing
 * needs |q.value − v| ≤ max(q.precision / 2, figure tolerance ≤ 2 % of |v|) + 1e-9·max(1, |v|),
 * which bounds |q.value − v| by (|p| + 0.0201·|q.value| + 1e-9) / 0.9799 (p = q.precision / 2);
 * the window searched is wider still. Other claims (approximate, ranges) are not pruned.
 */
export function mayAgree(idx: FactIndex, m: Measure, q: Quantity): boolean {
  if (q.qualifier !== 'exact') return true;
  const { sorted, loose } = valuesOf(idx, m.id);
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
