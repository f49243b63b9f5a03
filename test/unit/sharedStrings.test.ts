/**
 * The fact base's passage from the loading worker to the server's main thread
 * (lsp/sharedStrings.ts): what arrives equals what was loaded, and each distinct text
 * crosses once.
 */
import { strict as assert } from 'node:assert';
import { serialize } from 'node:v8';
import { loadFactBase, bundledFactsDir } from '../../server/src/node';
import { unwrapStrings, wrapStrings } from '../../server/src/lsp/sharedStrings';
import { FactBaseStore } from '../../server/src/lsp/factBases';

/** A text equal to `s` but a different string in memory. */
const copy = (s: string): string => s.split('').join('');

describe('strings shared across the worker boundary', function () {
  this.timeout(60000);

  it('a clone of the bundled base and its problems, wrapped then unwrapped, equals the loaded one', () => {
    // Not cached: wrapStrings changes `loaded` in place, and a load that misses the cache
    // writes its entry from the loaded objects in the next turn (the entry would hold them wrapped).
    const loaded = loadFactBase([bundledFactsDir()], new Map(), { cache: false });
    const fresh = loadFactBase([bundledFactsDir()]);
    const back = unwrapStrings(structuredClone(wrapStrings(loaded)));
    assert.deepEqual(back, fresh);
    assert.ok(back.base.origins instanceof Map && back.base.origins.size > 100);
  });

  it('keeps numbers, booleans, undefined, nested arrays, Map keys and shared objects', () => {
    const shared = { name: '怀柔区' };
    const value = { a: [1, 'x', [true, undefined, null, 'y']], m: new Map<unknown, unknown>([['k', 'v'], [2, shared]]), s: shared, t: shared, n: -0.5, u: undefined };
    const back = unwrapStrings(structuredClone(wrapStrings(value)));
    assert.deepEqual(back, { a: [1, 'x', [true, undefined, null, 'y']], m: new Map<unknown, unknown>([['k', 'v'], [2, { name: '怀柔区' }]]), s: { name: '怀柔区' }, t: { name: '怀柔区' }, n: -0.5, u: undefined });
    assert.equal(back.s, back.t, 'a shared object stays shared');
    assert.equal(typeof back.m.keys().next().value, 'string');
  });

  it('each distinct text crosses once', () => {
    const text = '怀柔科学城集中布局了40余个科学设施平台'.repeat(20);
    const many = () => ({ list: Array.from({ length: 1000 }, (_, i) => ({ quote: copy(text), id: `obs-${i}` })) });
    const plain = serialize(many()).length;
    const wrapped = serialize(wrapStrings(many())).length;
    assert.ok(plain > 1000 * text.length * 2, `plain clone ${plain} bytes`);
    assert.ok(wrapped < plain / 20, `wrapped clone ${wrapped} bytes against ${plain}`);
  });

  it('the server loads the bundled base in a worker and gets what an in-process load gives', async () => {
    const dirs = [bundledFactsDir()];
    const store = new FactBaseStore('en', () => undefined);
    await store.preload(dirs);
    const inWorker = store.loaded();
    assert.equal(inWorker.length, 1, 'the worker installed the base');
    const { base, problems } = loadFactBase(dirs);
    assert.deepEqual(inWorker[0].base, base);
    assert.deepEqual(inWorker[0].problems, problems);
  });
});
