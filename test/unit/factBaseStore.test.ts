/**
 * The server's fact-base store (lsp/factBases.ts) reloading a base in a worker thread:
 * the base in use stays until its successor is installed, the successor is what an
 * in-process load gives, a broken save keeps the last good base, and of overlapping
 * reloads only the latest is installed.
 */
import * as assert from 'node:assert/strict';
import { loadFactBase } from '../../server/src/node';
import { FactBaseStore, type LoadedBase } from '../../server/src/lsp/factBases';
import { BUNDLED, cleanupCopies, copyBase, editValue, firstObservation } from './factbaseSupport';

/** A store over a copy of the bundled base, with the base loaded, and every install it reports. */
async function storeOverCopy(): Promise<{ dir: string; store: FactBaseStore; installs: LoadedBase[] }> {
  const dir = copyBase(BUNDLED);
  const installs: LoadedBase[] = [];
  const store = new FactBaseStore('en', (b) => installs.push(b));
  await store.preload([dir]);
  assert.equal(installs.length, 1, 'the first load is installed');
  return { dir, store, installs };
}

/** Renames the base's first measure (the first of the first file that has any; a valid edit); returns the new name. */
function renameFirstMeasure(dir: string, name: string): string {
  const { base } = loadFactBase([dir], new Map(), { cache: false });
  editValue(base.origins.get(base.measures[0].id)!.file, ['measures', 0, 'name'], JSON.stringify(name));
  return name;
}

describe('fact-base store: reloads in a worker thread', function () {
  this.timeout(60000);
  after(cleanupCopies);

  it('keeps the base in use until the reloaded one is installed, which equals an in-process load', async () => {
    const { dir, store, installs } = await storeOverCopy();
    const before = store.get([dir]);
    const name = renameFirstMeasure(dir, '改过名的指标');
    const pending = store.reload(`${dir}/any.yaml`);
    assert.equal(store.get([dir]), before, 'the old base answers while the reload runs');
    const [after] = await pending;
    assert.equal(store.get([dir]), after);
    assert.ok(after.generation > before.generation);
    assert.equal(after.base.measures[0].name, name);
    const fresh = loadFactBase([dir], new Map(), { cache: false });
    assert.deepEqual(after.base, fresh.base);
    assert.deepEqual(after.problems, fresh.problems);
    assert.equal(installs.length, 2);
  });

  it('reloads only the bases holding the file, and keeps the last good base after a broken save', async () => {
    const { dir, store, installs } = await storeOverCopy();
    assert.deepEqual(await store.reload('/elsewhere/facts.yaml'), []);
    const good = store.get([dir]);
    const site = firstObservation(loadFactBase([dir], new Map(), { cache: false }));
    editValue(site.file, ['observations', site.index, 'value'], '123456');
    const [kept] = await store.reload(site.file);
    assert.equal(kept.base, good.base, 'the last good base stays in use');
    assert.equal(kept.state.ok, false);
    assert.ok(kept.problems.some((p) => p.severity === 'error' && p.file === site.file));
    assert.equal(installs.length, 2, 'the failed reload is reported');
  });

  it('installs only the latest of overlapping reloads', async () => {
    const { dir, store, installs } = await storeOverCopy();
    renameFirstMeasure(dir, '第一次改名');
    const first = store.reload();
    const name = renameFirstMeasure(dir, '第二次改名');
    const second = store.reload();
    const [[a], [b]] = await Promise.all([first, second]);
    assert.equal(installs.length, 2, 'one install for the two reloads');
    assert.equal(store.get([dir]), b);
    assert.equal(store.get([dir]).base.measures[0].name, name);
    assert.ok(a.generation <= b.generation);
  });
});
