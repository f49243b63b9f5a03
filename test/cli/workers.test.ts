/**
 * The worker pool in process: workers alone give the same results as the main thread,
 * in input order; workers plus the main thread too; a worker that cannot load the fact
 * base fails the run with a UsageError (exit 2), not a crash.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../server/src/cli/errors';
import { CHARS_PER_EXTRA_THREAD, checkDrafts, defaultJobs, isFailure, type DraftInput } from '../../server/src/cli/workerPool';
import { loadBase } from '../../server/src/cli/workerTask';
import { AS_OF, FACTS, FIXTURES, cleanupScratch, scratchDir } from './support';

describe('cli: worker pool', function () {
  this.timeout(120_000);
  after(cleanupScratch);
  const options = { asOf: AS_OF, locale: 'zh' as const, reportUnverified: true };
  const names = fs.readdirSync(path.join(FIXTURES, 'drafts')).sort();
  const drafts: DraftInput[] = Array.from({ length: 9 }, (_, i) => {
    const name = names[i % names.length];
    return { path: `${i}-${name}`, text: fs.readFileSync(path.join(FIXTURES, 'drafts', name), 'utf8') + `\n第${i}稿。\n` };
  });

  it('gives the same results in workers as in the main thread, in input order', async () => {
    const { base } = loadBase([FACTS]);
    const inline = await checkDrafts(drafts, base, options, { jobs: 1, factDirs: [FACTS] });
    const workers = await checkDrafts(drafts, base, options, { jobs: 2, factDirs: [FACTS], mainThreadChecks: false });
    const shared = await checkDrafts(drafts, base, options, { jobs: 2, factDirs: [FACTS] });
    assert.equal(inline.length, drafts.length);
    assert.ok(inline.some((r) => !isFailure(r) && r.findings.length > 0));
    assert.deepEqual(workers, inline);
    assert.deepEqual(shared, inline);
  });

  it('reports a draft the engine throws on and checks the others, in the main thread and in workers', async () => {
    const { base } = loadBase([FACTS]);
    // Not a string: the engine throws on it, as it would on a bug.
    const withBad: DraftInput[] = [...drafts.slice(0, 4), { path: 'bad.md', text: 42 as unknown as string }, ...drafts.slice(4)];
    const expected = await checkDrafts(drafts, base, options, { jobs: 1, factDirs: [FACTS] });
    for (const pool of [{ jobs: 1 }, { jobs: 2, mainThreadChecks: false }, { jobs: 2 }]) {
      const got = await checkDrafts(withBad, base, options, { ...pool, factDirs: [FACTS] });
      assert.equal(got.length, withBad.length);
      const bad = got[4];
      assert.ok(isFailure(bad), `draft 4 failed (${JSON.stringify(pool)})`);
      assert.match(bad.failure, /TypeError: text\.replace is not a function\n\s+at /, 'the error with its stack');
      assert.deepEqual([...got.slice(0, 4), ...got.slice(5)], expected, `the other drafts are checked (${JSON.stringify(pool)})`);
    }
  });

  it('adds threads by default only for runs long enough to pay for them', () => {
    assert.equal(defaultJobs(1600, 2_000_000, 8), 1, 'a 2 MB run stays in the main thread');
    assert.equal(defaultJobs(5000, 50_000_000, 2), 1, 'two cores: one thread, whatever the size');
    assert.equal(defaultJobs(1, 50_000_000, 8), 1, 'one draft is checked by one thread');
    assert.equal(defaultJobs(3, 50_000_000, 8), 3, 'never more threads than drafts');
    assert.equal(defaultJobs(500, 5 * CHARS_PER_EXTRA_THREAD, 4), 4, 'capped by the cores');
    assert.equal(defaultJobs(500, 3 * CHARS_PER_EXTRA_THREAD, 8), 4);
    assert.equal(defaultJobs(500, 3 * CHARS_PER_EXTRA_THREAD - 1, 8), 3);
  });

  it('reports progress for every draft', async () => {
    const { base } = loadBase([FACTS]);
    const seen: number[] = [];
    await checkDrafts(drafts, base, options, { jobs: 2, factDirs: [FACTS], mainThreadChecks: false, onProgress: (done) => seen.push(done) });
    assert.deepEqual(seen, drafts.map((_, i) => i + 1));
  });

  it('fails with a UsageError when a worker cannot load the fact base', async () => {
    const { base } = loadBase([FACTS]);
    const broken = path.join(scratchDir(), 'facts');
    fs.cpSync(FACTS, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'huairou.yaml'), 'measures: [\n');
    await assert.rejects(checkDrafts(drafts, base, options, { jobs: 2, factDirs: [broken], mainThreadChecks: false }), (e) => e instanceof UsageError && /huairou\.yaml:\d+:\d+: error/.test(e.message));
  });
});
