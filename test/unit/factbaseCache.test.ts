/**
 * The persistent cache of validated fact bases: a warm load gives exactly what a load
 * without the cache gives; an edited file, a damaged or foreign entry, or a cache folder
 * that cannot be written never gives a wrong result; FACTCHECK_CACHE turns it off.
 */
import * as assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir, cacheWritesSettled, loadFactBase } from '../../server/src/node';
import { BUNDLED, cleanupCopies, copyBase, firstObservation, editValue } from './factbaseSupport';

describe('factbase: load cache', () => {
  const saved = { dir: process.env.FACTCHECK_CACHE_DIR, on: process.env.FACTCHECK_CACHE };
  let cache: string;
  const entries = (): string[] => readdirSync(cache).filter((n) => n.startsWith('base-'));

  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), 'factcheck-cache-'));
    process.env.FACTCHECK_CACHE_DIR = cache;
    delete process.env.FACTCHECK_CACHE;
  });
  afterEach(async () => {
    await cacheWritesSettled(); // a load's entry may still be on its way
    rmSync(cache, { recursive: true, force: true });
    for (const [k, v] of [['FACTCHECK_CACHE_DIR', saved.dir], ['FACTCHECK_CACHE', saved.on]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  after(cleanupCopies);

  it('gives on a warm load exactly what an uncached load gives', async () => {
    const dir = copyBase(BUNDLED);
    const fresh = loadFactBase([dir], new Map(), { cache: false });
    assert.equal(entries().length, 0);
    const cold = loadFactBase([dir]);
    await cacheWritesSettled(); // written in the background
    assert.equal(entries().length, 1);
    const warm = loadFactBase([dir]);
    assert.deepStrictEqual(cold, fresh);
    assert.deepStrictEqual(warm, fresh);
  });

  it('loads an edited file afresh', async () => {
    const dir = copyBase(BUNDLED);
    const before = loadFactBase([dir]);
    await cacheWritesSettled();
    const site = firstObservation(before);
    editValue(site.file, ['observations', site.index, 'value'], '123456');
    const after = loadFactBase([dir]);
    await cacheWritesSettled();
    assert.deepStrictEqual(after, loadFactBase([dir], new Map(), { cache: false }));
    assert.notDeepStrictEqual(after.problems, before.problems);
    assert.equal(entries().length, 2);
  });

  it('ignores damaged, truncated and foreign entries', async () => {
    const dir = copyBase(BUNDLED);
    const fresh = loadFactBase([dir], new Map(), { cache: false });
    loadFactBase([dir]);
    await cacheWritesSettled();
    const [name] = entries();
    const path = join(cache, name);
    const good = readFileSync(path);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] ^= 0xff;
    for (const bad of [flipped, good.subarray(0, good.length >> 1), Buffer.alloc(0), Buffer.from('not a cache entry')]) {
      writeFileSync(path, bad);
      assert.deepStrictEqual(loadFactBase([dir]), fresh);
      await cacheWritesSettled(); // the load rewrote the entry: damage it again
    }
    // An entry stored under another key (a copied file) is not taken for this one.
    const other = copyBase(BUNDLED);
    appendFileSync(join(other, 'sources', readdirSync(join(other, 'sources'))[0]), '\n');
    loadFactBase([other]);
    await cacheWritesSettled();
    for (const n of entries()) if (n !== name) writeFileSync(path, readFileSync(join(cache, n)));
    assert.deepStrictEqual(loadFactBase([dir]), fresh);
  });

  it('is skipped with unsaved texts, turned off by FACTCHECK_CACHE=0, and harmless when unwritable', async () => {
    const dir = copyBase(BUNDLED);
    const file = join(dir, readdirSync(dir).find((n) => n.endsWith('.yaml'))!);
    loadFactBase([dir], new Map([[file, readFileSync(file, 'utf8')]]));
    await cacheWritesSettled();
    assert.equal(entries().length, 0);
    process.env.FACTCHECK_CACHE = '0';
    assert.equal(cacheDir(), undefined);
    loadFactBase([dir]);
    await cacheWritesSettled();
    assert.equal(entries().length, 0);
    delete process.env.FACTCHECK_CACHE;
    process.env.FACTCHECK_CACHE_DIR = join(file, 'below-a-file');
    assert.deepStrictEqual(loadFactBase([dir]), loadFactBase([dir], new Map(), { cache: false }));
    await cacheWritesSettled();
  });

  it('lives in the user cache folder by default', () => {
    assert.equal(cacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux'), join('/x/cache', 'factcheck-zh', 'factbase'));
    assert.equal(cacheDir({ LOCALAPPDATA: 'C:\\L' }, 'win32'), join('C:\\L', 'factcheck-zh', 'factbase'));
    assert.equal(cacheDir({ FACTCHECK_CACHE_DIR: '' }, 'linux'), undefined);
  });
});
