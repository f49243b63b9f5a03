/**
 * publishedBy (a measure's observations known at a date, by binary search when the list
 * is in code-unit order) against the plain filter, for random lists sorted as the index
 * sorts them (localeCompare of the publication dates): well-formed dates, and strings
 * whose locale order is not their code-unit order.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { publishedBy, type FactIndex, type IndexedObservation } from '../../server/src/core/factIndex';

const date = fc.tuple(fc.integer({ min: 2015, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const odd = fc.constantFrom('2024-1-5', '2024-01-05x', 'a', 'B', 'b', '', '２０２４-01-01', '2024_01_01', '2024-01-05 ');

function indexWith(published: string[]): { idx: FactIndex; list: IndexedObservation[] } {
  const list = published.map((p, i) => ({ obs: { id: `o${i}`, published: p }, measure: {}, value: i }) as unknown as IndexedObservation);
  list.sort((a, b) => a.obs.published.localeCompare(b.obs.published));
  return { idx: { observations: new Map([['m', list]]) } as unknown as FactIndex, list };
}

describe('publishedBy', () => {
  it('equals the plain filter for well-formed and odd dates', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(date, date, odd), { maxLength: 30 }), fc.oneof(date, odd), (published, asOf) => {
        const { idx, list } = indexWith(published);
        assert.deepEqual(publishedBy(idx, 'm', asOf), list.filter((io) => io.obs.published <= asOf));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives an empty list for a measure without observations', () => {
    assert.deepEqual(publishedBy(indexWith([]).idx, 'other', '2025-01-01'), []);
  });
});
