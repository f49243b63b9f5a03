/**
 * The bundles the VSIX ships (dist/, `npm run bundle`) start their worker threads from
 * their own folder and need nothing beside them: the server's fact-base loading thread
 * (baseWorker.js), copied alone into an empty folder as in an installed extension (no
 * node_modules, no compiled core), loads a base and posts what an in-process load of
 * tsc's build gives, and keys its load cache entry on the build id compiled into it, the
 * same in every run. The bundled base's snapshot gives a copy installed elsewhere its
 * first load, as parsing would, and only for the files it was made from. The server's entry (dist/server.js) keeps V8's code cache of the
 * server's bundle in the user's cache folder, private, written when the server exits, and
 * V8 accepts it for the next start; none when caching is off. (That the bundled server checks drafts as the CLI does is
 * parity.test.ts's; that the packaged VSIX works in VS Code, the e2e suite's.)
 */
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { bundledFactsDir, loadFactBase } from '../../server/src/node';
import { finishSteps } from '../../server/src/core/util';
import { readParts, type PartsMessage } from '../../server/src/lsp/baseParts';
import { fileUri, LspTestClient, ROOT } from './lspClient';

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

  it('the bundled base\'s snapshot (dist/snapshot) gives an installed copy its first load, moved to where it is installed, and only for the files it was made from', async () => {
    const installed = mkdtempSync(join(tmpdir(), 'factcheck-installed-'));
    try {
      // An installed extension elsewhere: its package.json, the worker's bundle, the snapshot and the bundled base.
      mkdirSync(join(installed, 'dist'));
      copyFileSync(join(DIST, 'baseWorker.js'), join(installed, 'dist', 'baseWorker.js'));
      cpSync(join(DIST, 'snapshot'), join(installed, 'dist', 'snapshot'), { recursive: true });
      copyFileSync(join(DIST, '..', 'package.json'), join(installed, 'package.json'));
      cpSync(bundledFactsDir(), join(installed, 'facts'), { recursive: true });
      const facts = join(installed, 'facts');
      const load = async (name: string): Promise<{ got: unknown; fromSnapshot: boolean }> => {
        const marks = join(installed, `${name}.marks`);
        const env = { ...process.env, FACTCHECK_CACHE_DIR: join(installed, `${name}-cache`), FACTCHECK_STARTUP_LOG: marks };
        const message = await firstMessage<PartsMessage>(join(installed, 'dist', 'baseWorker.js'), { dirs: [facts] }, env);
        return { got: finishSteps(readParts(message)), fromSnapshot: existsSync(marks) && readFileSync(marks, 'utf8').includes('fact base read from the packaged snapshot') };
      };
      const fresh = () => {
        const r = loadFactBase([facts], new Map(), { cache: false });
        return { base: r.base, problems: r.problems };
      };
      const first = await load('first');
      assert.ok(first.fromSnapshot, 'the first load of the installed copy reads the snapshot');
      assert.deepStrictEqual(first.got, fresh(), 'the same load as parsing the installed files, its paths those of the installed copy');
      const file = join(facts, readdirSync(facts).find((f) => f.endsWith('.yaml') && f !== 'units.yaml')!);
      appendFileSync(file, '\n# edited after packaging\n');
      const edited = await load('edited');
      assert.equal(edited.fromSnapshot, false, 'a changed file: the snapshot is not used');
      assert.deepStrictEqual(edited.got, fresh());
    } finally {
      rmSync(installed, { recursive: true, force: true });
    }
  });

  it('dist/server.js keeps V8\'s code cache in the user\'s cache folder: private, written at exit, accepted by V8; none when caching is off', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'factcheck-code-cache-'));
    try {
      /** Starts the bundled server, checks a draft, stops it; the folder's code cache files with their modification times. */
      const run = async (env: NodeJS.ProcessEnv): Promise<Map<string, number>> => {
        const { client } = await LspTestClient.start({ server: join(DIST, 'server.js'), env: { ...process.env, ...env } });
        const uri = fileUri(join(cache, 'draft.md'));
        await client.open(uri, 'markdown', '2024年，怀柔区地区生产总值增长9.9%。\n');
        await client.diagnostics(uri);
        assert.equal(await client.stop(), 0);
        const code = join(cache, 'code', process.versions.v8);
        return new Map(existsSync(code) ? readdirSync(code).map((f) => [f, statSync(join(code, f)).mtimeMs] as const) : []);
      };
      assert.deepEqual([...(await run({ FACTCHECK_CACHE_DIR: cache, FACTCHECK_CACHE: '0' })).keys()], [], 'caching off: no code cache');
      const first = await run({ FACTCHECK_CACHE_DIR: cache });
      assert.ok([...first.keys()].some((f) => f.endsWith('.BLOB')), `a code cache after the first start: ${[...first.keys()].join(', ')}`);
      for (const d of [cache, join(cache, 'code'), join(cache, 'code', process.versions.v8)]) assert.equal(statSync(d).mode & 0o077, 0, `${d} is private`);
      // What the next start hands V8 for the server's bundle (v8-compile-cache's BLOB and its MAP
      // of file → [hash, start, end]): V8 accepts it for this code.
      const code = join(cache, 'code', process.versions.v8);
      const name = readdirSync(code).find((f) => f.endsWith('.MAP'))!;
      const map = JSON.parse(readFileSync(join(code, name), 'utf8')) as Record<string, [string, number, number]>;
      const main = join(DIST, 'serverMain.js');
      assert.ok(map[main], `the cache holds the server's bundle: ${Object.keys(map).join(', ')}`);
      const blob = readFileSync(join(code, name.replace(/MAP$/, 'BLOB'))).subarray(map[main][1], map[main][2]);
      const script = new Script(Module.wrap(readFileSync(main, 'utf8')), { filename: main, cachedData: blob });
      assert.equal(script.cachedDataRejected, false, 'V8 accepts the cached code');
      await run({ FACTCHECK_CACHE_DIR: cache }); // a start with the cache runs as one without
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
