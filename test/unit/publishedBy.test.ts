/**
 * publishedBy (a measure's observations known at a date, by binary search when the list
 * is in code-unit order) against the plain filter, on indexes of random lists (sorted by
 * the index as a stable sort by localeCompare of the dates would): well-formed dates, and
 * strings whose locale order is not their code-unit order.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { indexOf, publishedBy, type FactIndex, type IndexedObservation } from '../../server/src/core/factIndex';
import type { FactBase, Measure, Observation } from '../../server/src/core';

const date = fc.tuple(fc.integer({ min: 2015, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const odd = fc.constantFrom('2024-1-5', '2024-01-05x', 'a', 'B', 'b', '', '２０２４-01-01', '2024_01_01', '2024-01-05 ');

/** A base with one measure whose observations have the given publication dates, indexed. */
function indexWith(published: string[]): { idx: FactIndex; list: IndexedObservation[]; observations: Observation[] } {
  const measure = { id: 'm', subject: 's', name: 'm', terms: ['m'], unit: '个', kind: 'stock' } as unknown as Measure;
  const observations = published.map((p, i) => ({ id: `o${i}`, measure: 'm', value: i, figure: `${i}个`, period: '2024', source: 'x', quote: `${i}个`, qualifier: 'exact', published: p }) as Observation);
  const base = { subjects: [], measures: [measure], observations, roles: [], sources: [], exclusions: [], origins: new Map(), dirs: [] } as unknown as FactBase;
  const idx = indexOf(base);
  return { idx, list: idx.observations.get('m') ?? [], observations };
}

describe('publishedBy', () => {
  it('equals the plain filter for well-formed and odd dates', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(date, date, odd), { maxLength: 30 }), fc.oneof(date, odd), (published, asOf) => {
        const { idx, list, observations } = indexWith(published);
        // The index's order: a stable sort by localeCompare of the dates.
        assert.deepEqual(list.map((io) => io.obs), [...observations].sort((a, b) => a.published.localeCompare(b.published)));
        assert.deepEqual(publishedBy(idx, 'm', asOf), list.filter((io) => io.obs.published <= asOf));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives an empty list for a measure without observations', () => {
    assert.deepEqual(publishedBy(indexWith([]).idx, 'other', '2025-01-01'), []);
  });
});
