/**
 * The interval of values a figure plausibly denotes, from its precision and qualifier.
 *
 * Let v be the value, p the precision (step of the last written digit) and s the step of
 * the last non-zero digit (350 → 10, 2000 → 1000, 1.29万亿 → 1e10; for fractions s = p =
 * 100/(d(d+1)), the distance from n/d to its nearest simpler neighbour: 1/4 → 5).
 *   exact  [v − p/2, v + p/2]        2.6万 → [25500, 26500]; 37 → [36.5, 37.5]; 七成 → [65, 75]
 *   about  [v − s/2, v + s/2]        约1.29万亿 → [1.285e12, 1.295e12]; 约500 → [450, 550]
 *   over   (v, v + w)                w = s, or 5s when the significant digits end in 5 and
 *                                    are two or more (350余 → (350, 400); 40余 → (40, 50);
 *                                    1800余 → (1800, 1900); 四分之一强 → (25, 30))
 *   under  [v − min(s, v/10), v)     近2000 → [1800, 2000); 近七成 → [63, 70); 近千 → [900, 1000)
 * A range (1至2所) spans from the low end of its first value to the high end of its second.
 * The bounds are returned as a closed pair [lo, hi]; open ends are not marked.
 */
import type { Qualifier, Quantity } from '../types';

/** Removes float noise (0.1 + 0.2 → 0.3) from a computed bound. */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/** Step of the last non-zero digit of v written with precision p. */
function significantStep(v: number, p: number): { step: number; digits: number } {
  if (!(p > 0) || !Number.isFinite(v)) return { step: p, digits: 0 };
  let m = Math.round(Math.abs(v) / p);
  if (m === 0) return { step: p, digits: 0 };
  let step = p;
  while (m % 10 === 0 && m > 0) {
    m /= 10;
    step *= 10;
  }
  return { step: clean(step), digits: m };
}

function around(v: number, p: number, s: number, sig: number, qualifier: Qualifier, fraction: boolean): [number, number] {
  switch (qualifier) {
    case 'about':
      return [clean(v - s / 2), clean(v + s / 2)];
    case 'over': {
      const w = !fraction && sig >= 10 && sig % 10 === 5 ? 5 * s : s;
      return [v, clean(v + w)];
    }
    case 'under':
      return [clean(v - Math.min(s, Math.abs(v) / 10)), v];
    default:
      return [clean(v - p / 2), clean(v + p / 2)];
  }
}

/** The interval [lo, hi] a figure plausibly denotes; see the rule above. */
export function valueInterval(q: Pick<Quantity, 'value' | 'precision' | 'qualifier' | 'dimension'> & { high?: number }): [number, number] {
  const fraction = q.dimension === 'fraction';
  const p = q.precision > 0 ? q.precision : 1;
  const lowSig = fraction ? { step: p, digits: 1 } : significantStep(q.value, p);
  const [lo, hi0] = around(q.value, p, lowSig.step, lowSig.digits, q.qualifier, fraction);
  if (q.high === undefined) return [lo, hi0];
  const highSig = fraction ? { step: p, digits: 1 } : significantStep(q.high, p);
  const [, hi] = around(q.high, p, highSig.step, highSig.digits, q.qualifier, fraction);
  return [lo, hi];
}
