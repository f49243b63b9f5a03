/**
 * The bundles the VSIX ships (dist/, `npm run bundle`) start their worker threads from
 * their own folder and need nothing beside them: the server's fact-base loading thread
 * (baseWorker.js), copied alone into an empty folder as in an installed extension (no
 * node_modules, no compiled core), loads a base and posts what an in-process load of
 * tsc's build gives, and keys its load cache entry on the build id compiled into it, the
 * same in every run. (That the bundled server checks drafts as the CLI does is
 * parity.test.ts's; that the packaged VSIX works in VS Code, the e2e suite's.)
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { bundledFactsDir, loadFactBase } from '../../server/src/node';
import { finishSteps } from '../../server/src/core/util';
import { readParts, type PartsMessage } from '../../server/src/lsp/baseParts';
import { ROOT } from './lspClient';

const DIST = join(ROOT, 'dist');

/** Runs a worker script to its first message, then ends it. */
function firstMessage<T>(script: string, workerData: unknown, env: NodeJS.ProcessEnv): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(script, { workerData, env });
    worker.once('message', (m: T) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${script} exited with code ${code} before posting`)));
  });
}

describe('protocol: the bundles and their worker threads', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    assert.ok(existsSync(join(DIST, 'baseWorker.js')), `${DIST} has no bundles: run \`npm run bundle\``);
    dir = mkdtempSync(join(tmpdir(), 'factcheck-bundle-'));
    mkdirSync(join(dir, 'dist'));
    copyFileSync(join(DIST, 'baseWorker.js'), join(dir, 'dist', 'baseWorker.js'));
    // What an installed extension has beside its bundles: its package.json and the bundled units table.
    copyFileSync(join(DIST, '..', 'package.json'), join(dir, 'package.json'));
    mkdirSync(join(dir, 'facts'));
    copyFileSync(join(DIST, '..', 'facts', 'units.yaml'), join(dir, 'facts', 'units.yaml'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('baseWorker.js, alone in a folder, loads a base in a worker thread as tsc\'s build loads it, and caches it under one key', async () => {
    const cache = join(dir, 'cache');
    const env = { ...process.env, FACTCHECK_CACHE_DIR: cache };
    const expected = loadFactBase([bundledFactsDir()], new Map(), { cache: false });
    const entries = () => (existsSync(cache) ? readdirSync(cache).filter((n) => n.startsWith('base-')) : []);
    for (const run of ['cold', 'warm']) {
      const message = await firstMessage<PartsMessage>(join(dir, 'dist', 'baseWorker.js'), { dirs: [bundledFactsDir()] }, env);
      assert.deepStrictEqual(finishSteps(readParts(message)), { base: expected.base, problems: expected.problems }, `${run} load`);
      for (let i = 0; i < 100 && entries().length === 0; i++) await new Promise((r) => setTimeout(r, 50)); // written after the post
      assert.equal(entries().length, 1, `${run}: one cache entry, under the bundle's build id`);
    }
  });
});
