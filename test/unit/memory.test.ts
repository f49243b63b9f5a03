// The server's memory reclaimer: after a fact base is installed it runs full collections
// at idle moments only (activity postpones them), twice per install and never otherwise;
// and the collection it finds really frees unreachable memory.
import { strict as assert } from 'node:assert';
import { COLLECTIONS, fullCollection, MemoryReclaimer } from '../../server/src/lsp/memory';

const tick = (ms = 15): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A reclaimer on a clock the test moves, with real (short) timers. */
function setup(): { r: MemoryReclaimer; runs: () => number; advance: (ms: number) => void } {
  let clock = 0;
  let runs = 0;
  const r = new MemoryReclaimer(5, () => runs++, () => clock);
  return { r, runs: () => runs, advance: (ms) => (clock += ms) };
}

describe('memory reclaimer', () => {
  it('collects nothing when no base was installed', async () => {
    const { r, runs, advance } = setup();
    r.touch();
    advance(1000);
    await tick(30);
    assert.equal(runs(), 0);
  });

  it('waits while the server is busy, then collects at idle moments, COLLECTIONS times per install', async () => {
    const { r, runs, advance } = setup();
    r.installed();
    for (let i = 0; i < 5; i++) {
      await tick(); // timers fire, but the clock says the server was just active
      assert.equal(runs(), 0, 'no collection while busy');
      r.touch();
    }
    advance(5);
    await tick();
    assert.equal(runs(), 1, 'the first collection at the first idle moment');
    r.touch(); // a request after the first pause: the second waits for its own quiet moment
    await tick();
    assert.equal(runs(), 1);
    for (let i = 1; i < COLLECTIONS; i++) {
      advance(5);
      await tick();
    }
    assert.equal(runs(), COLLECTIONS);
    r.touch();
    advance(1000);
    await tick(30);
    assert.equal(runs(), COLLECTIONS, 'nothing more until the next install');
    r.installed();
    advance(5);
    await tick();
    assert.equal(runs(), COLLECTIONS + 1, 'a reload collects again');
  });

  it('finds a collection that frees unreachable memory', () => {
    const gc = fullCollection();
    assert.ok(gc, 'a collection function');
    gc();
    const before = process.memoryUsage().heapUsed;
    let garbage: { i: number; s: string }[] | undefined = Array.from({ length: 400_000 }, (_, i) => ({ i, s: `entry ${i}` }));
    const grown = process.memoryUsage().heapUsed;
    assert.ok(grown - before > 20 * 2 ** 20, `allocated ${((grown - before) / 2 ** 20).toFixed(1)} MB`);
    assert.equal(garbage.length, 400_000);
    garbage = undefined; // eslint-disable-line no-useless-assignment -- the reference goes, so gc() can free the array
    gc();
    const after = process.memoryUsage().heapUsed;
    assert.ok(grown - after > 20 * 2 ** 20, `freed ${((grown - after) / 2 ** 20).toFixed(1)} MB`);
  });
});
