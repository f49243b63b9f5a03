// A loaded base's observations share V8 hidden classes. An object made by a spread
// (`{ ...o, published }`) sits outside V8's transition tree (Node 20), so adding a key
// gave each observation a class of its own: ~0.5 KB more per observation, and every
// property read on observations megamorphic (a 100k-observation cold load took 0.4 s
// longer). Checked with V8's own %HaveSameMap, enabled for this test only.
import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { bundledFactsDir, loadFactBase } from '../../server/src/node';

/** V8's %HaveSameMap(a, b): whether two objects have the same hidden class. */
function sameMapTest(): (a: object, b: object) => boolean {
  setFlagsFromString('--allow-natives-syntax');
  try {
    return new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
  } finally {
    setFlagsFromString('--no-allow-natives-syntax');
  }
}

/** Number of distinct hidden classes among `objects`. */
function classes(objects: readonly object[], same: (a: object, b: object) => boolean): number {
  const reps: object[] = [];
  for (const o of objects) if (!reps.some((r) => same(r, o))) reps.push(o);
  return reps.length;
}

describe('hidden classes of a loaded base', () => {
  it('observations with the same keys share one hidden class', () => {
    const same = sameMapTest();
    const { base } = loadFactBase([bundledFactsDir()], new Map(), { cache: false });
    const byKeys = new Map<string, object[]>();
    for (const o of base.observations) {
      const k = Object.keys(o).join();
      byKeys.set(k, [...(byKeys.get(k) ?? []), o]);
    }
    const groups = [...byKeys].filter(([, g]) => g.length >= 5);
    assert.ok(groups.length > 0, 'the bundled base has observations to compare');
    for (const [keys, g] of groups) assert.equal(classes(g, same), 1, `${g.length} observations with keys ${keys}`);
  });

  it('the test tells classes apart', () => {
    const same = sameMapTest();
    assert.equal(classes([{ x: 1 }, { x: 2 }, { x: 1, y: 1 }, { x: 2, y: 2 }], same), 2);
  });
});
