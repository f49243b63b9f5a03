/**
 * PairCache (core/pairCache.ts): values by two keys, at most `max` of them, the cache
 * emptied when one more would not fit; a value set again for the same keys is one entry.
 */
import { strict as assert } from 'node:assert';
import { PairCache } from '../../server/src/core/util';

describe('PairCache', () => {
  it('keeps values by both keys', () => {
    const c = new PairCache<string, string, number>(10);
    assert.equal(c.set('m1', '2024-01-01', 1), 1);
    c.set('m1', '2025-01-01', 2);
    c.set('m2', '2024-01-01', 3);
    assert.deepEqual([c.get('m1', '2024-01-01'), c.get('m1', '2025-01-01'), c.get('m2', '2024-01-01'), c.get('m2', '2025-01-01')], [1, 2, 3, undefined]);
  });

  it('holds at most max entries: the next one empties it first', () => {
    const c = new PairCache<number, number, number>(3);
    c.set(1, 1, 11);
    c.set(1, 2, 12);
    c.set(1, 2, 12); // the same keys again: still two entries
    c.set(2, 1, 21);
    assert.equal(c.get(1, 1), 11, 'three entries fit');
    c.set(3, 3, 33);
    assert.deepEqual([c.get(1, 1), c.get(1, 2), c.get(2, 1), c.get(3, 3)], [undefined, undefined, undefined, 33]);
  });
});
