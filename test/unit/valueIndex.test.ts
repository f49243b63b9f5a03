/**
 * mayAgree (misattribution's pruning by sorted observation values) never prunes a measure
 * with an observation agreement() finds equal to the claim: random observations (exact or
 * not, ranges, tiny, huge, negative, infinite values, figure precisions) and claims (exact
 * or not) at and around their values, within and just past the tolerance, and at the
 * ends of approximate figures' intervals; and it does prune far values.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { mayAgree } from '../../server/src/core/match';
import { valueInterval } from '../../server/src/core/numbers';
import { agreement } from '../../server/src/core/judge';
import { indexOf, measureValues, type FactIndex, type IndexedObservation } from '../../server/src/core/factIndex';
import type { FactBase, Measure, Observation, Quantity, Qualifier } from '../../server/src/core';

const qualifier = fc.constantFrom<Qualifier>('exact', 'exact', 'exact', 'about', 'over', 'under');
const magnitude = fc.oneof(
  { arbitrary: fc.double({ min: -1e13, max: 1e13, noNaN: true }), weight: 2 },
  { arbitrary: fc.constantFrom(0, 1e-12, -3, 0.5, 17, 100, 3.14e5, 12155.2e8), weight: 2 },
  { arbitrary: fc.constantFrom(Infinity, -Infinity), weight: 1 },
);
const precision = fc.constantFrom(0, 1e-3, 0.01, 0.1, 1, 10, 1e4, 1e8);

/** Mostly exact observations without a range (the ones mayAgree prunes). */
const mostlyExact = fc.oneof({ arbitrary: fc.constant<Qualifier>('exact'), weight: 8 }, { arbitrary: qualifier, weight: 2 });
/** A figure's precision: absolute, or relative to its value (coarse figures get the 2 % tolerance). */
const figurePrecision = fc.oneof(precision.map((p) => () => p), fc.constantFrom(0.001, 0.04, 0.1, 1).map((f) => (v: number) => f * Math.abs(v)));
const observation = fc
  .record({ value: magnitude, qualifier: mostlyExact, precision: figurePrecision, high: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined, freq: 5 }) })
  .map((o) => ({ ...o, precision: o.precision(o.value) }));

/** A base with one measure and the given observations, indexed; each figure's precision set as given (and the value table made again). */
function indexWith(list: { value: number; qualifier: Qualifier; precision: number; high?: number }[]): { idx: FactIndex; m: Measure; ios: IndexedObservation[] } {
  const m = { id: 'm', subject: 's', name: 'm', terms: ['m'], unit: '', kind: 'stock' } as unknown as Measure;
  const observations = list.map(
    (o, i) =>
      ({
        id: `o${i}`,
        measure: 'm',
        value: o.value,
        high: o.high === undefined ? undefined : o.value + o.high * Math.abs(o.value),
        qualifier: o.qualifier,
        figure: '1',
        period: '2024',
        source: 'x',
        quote: '1',
        published: '2024-01-01',
      }) as Observation,
  );
  const idx = indexOf({ subjects: [], measures: [m], observations, roles: [], sources: [], exclusions: [], origins: new Map(), dirs: [] } as unknown as FactBase);
  const ios = idx.observations.get('m') ?? [];
  ios.forEach((io, i) => (io.figure = { value: list[i].value, precision: list[i].precision, qualifier: list[i].qualifier, dimension: 'count' } as unknown as Quantity));
  idx.values.set('m', measureValues(ios));
  return { idx, m, ios };
}

function claim(value: number, p: number, q: Qualifier, high?: number): Quantity {
  return { value, precision: p, qualifier: q, dimension: 'count', high } as unknown as Quantity;
}

describe('value index (mayAgree)', () => {
  it('never prunes a measure with an agreeing observation', () => {
    fc.assert(
      fc.property(
        fc.array(observation, { minLength: 1, maxLength: 4 }),
        fc.nat({ max: 5 }),
        fc.oneof(fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.constantFrom(0, 0.005, 0.0101, 0.015, 0.0199, 0.02, 0.0201, 0.021, 0.03, 0.04, -0.015, -0.0199, -0.0201, -0.03, -0.04)),
        fc.integer({ min: -3, max: 3 }),
        precision,
        qualifier,
        fc.boolean(),
        fc.constantFrom(0, 0, 1, 2),
        fc.constantFrom(-1, -1, 0, 1),
        (obs, k, rel, steps, p, cq, range, digits, end) => {
          const { idx, m, ios } = indexWith(obs);
          const v = obs[k % obs.length].value;
          // Round claims too (约1.8亿: an approximate claim's interval is wide when it has few digits).
          const near = Number.isFinite(v) ? v * (1 + rel) + (steps * p) / 2 : v;
          let value = digits && Number.isFinite(near) && near !== 0 ? Number(near.toPrecision(digits)) : near;
          // Or an end of an approximate figure's interval (where an exact claim still agrees).
          const f = ios[k % ios.length].figure;
          if (end >= 0 && f) value = end === 0 ? valueInterval(f)[0] : valueInterval(f)[1];
          const q = claim(value, p, cq, range ? value * 1.01 : undefined);
          if (!mayAgree(idx, m, q)) for (const io of ios) assert.notEqual(agreement(q, io), 'equal', `${io.value} for ${q.value}±${p}`);
        },
      ),
      { numRuns: 10000 },
    );
  });

  it('prunes a claim far from every exact observation', () => {
    const { idx, m } = indexWith([{ value: 100, qualifier: 'exact', precision: 1 }, { value: 250, qualifier: 'exact', precision: 1 }]);
    assert.equal(mayAgree(idx, m, claim(180, 1, 'exact')), false);
    assert.equal(mayAgree(idx, m, claim(101, 1, 'exact')), true);
    // An approximate claim: its interval (约180: 175–185, 约200: 150–250) or the tolerance (约100.9 is within that of 100).
    assert.equal(mayAgree(idx, m, claim(180, 1, 'about')), false);
    assert.equal(mayAgree(idx, m, claim(200, 1, 'about')), true);
    assert.equal(mayAgree(idx, m, claim(100.9, 1, 'about')), true);
  });
});
