/**
 * A fix is a promise: for every finding that offers one — on every project fixture draft,
 * the shared dev drafts and phenomena (when the clone has ../shared), and generated
 * drafts — applying it and checking again leaves that claim no longer contradicted
 * (verified where it writes a source's figure), and every other claim of the draft as it
 * was. The generated part (fixRoundTrip.generated.test.ts) varies figures, scales, units,
 * qualifiers and numerals with fast-check.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundledFactsDir, loadFactBase } from '../../server/src/node';
import type { FactBase } from '../../server/src/core';
import { roundTrip } from './fixRoundTrip';

const ROOT = join(__dirname, '../../..');

/** The drafts of a folder (.md, .txt), if it exists. */
function draftsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /\.(md|txt)$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}

describe('quick fixes: the round trip on real drafts', function () {
  this.timeout(120_000);
  let bundled: FactBase;
  let fixture: FactBase;
  let demo: FactBase;
  before(() => {
    bundled = loadFactBase([bundledFactsDir()]).base;
    fixture = loadFactBase([join(ROOT, 'test/fixtures/factbase')]).base;
    demo = loadFactBase([join(ROOT, 'test/protocol/fixtures/workspace/facts')]).base;
  });

  /** Every fix of every draft: the claim it fixes comes back right, the rest unchanged; returns how many fixes were applied. */
  function assertRoundTrips(files: string[], base: () => FactBase): number {
    let applied = 0;
    const failures: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const r = roundTrip(text, base());
      applied += r.applied;
      failures.push(...r.failures.map((f) => `${relative(ROOT, file)}: ${f}`));
    }
    assert.deepEqual(failures, []);
    return applied;
  }

  const sets: [string, string, () => FactBase, number][] = [
    // [name, folder, fact base, fewest fixes expected]
    ['the project fixture drafts', join(ROOT, 'test/fixtures/drafts'), () => bundled, 43],
    ['the CLI fixture drafts', join(ROOT, 'test/cli/fixtures/drafts'), () => fixture, 3],
    ['the editor test drafts', join(ROOT, 'test/e2e/workspace/drafts'), () => bundled, 1],
    ['the Neovim test draft', join(ROOT, 'test/nvim'), () => bundled, 1],
    ['the protocol test drafts', join(ROOT, 'test/protocol/fixtures/workspace/drafts'), () => demo, 1],
    ['the shared dev drafts', join(ROOT, '../shared/eval/dev'), () => bundled, 11],
    ['the shared phenomena', join(ROOT, '../shared/eval/phenomena'), () => bundled, 0],
  ];
  for (const [name, dir, base, fewest] of sets) {
    it(`${name}: every fix verifies its claim and leaves the rest of the draft as it was`, function () {
      const files = draftsIn(dir);
      if (!files.length && dir.includes('shared')) this.skip();
      const applied = assertRoundTrips(files, base);
      assert.ok(applied >= fewest, `${applied} fixes applied, expected at least ${fewest}`);
      console.log(`      ${applied} fixes applied over ${files.length} drafts`);
    });
  }
});
