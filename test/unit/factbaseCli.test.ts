/**
 * `factcheck facts check` as a process: output format (1-based positions, paths relative
 * to the working directory), coverage lines, exit status 0 without errors and 2 with.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { BUNDLED, FIXTURE, ROOT, cleanupCopies, copyBase, editValue, lineOf } from './factbaseSupport';

/** Runs the CLI from the package root. */
function factcheck(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'factcheck.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('factbase: factcheck facts check', function () {
  this.timeout(60_000);
  after(cleanupCopies);

  it('exits 0 on a valid base and prints its coverage', () => {
    const r = factcheck('facts', 'check', '--facts', FIXTURE);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^coverage fx-2024-08 \(test\/fixtures\/factbase\/sources\/fx-2024-08\.md\): (\d+)\/\1 statements \(100\.0%\): 9 figures, 1 rank$/m);
    assert.match(r.stdout, /^coverage overall: (\d+)\/\1 statements \(100\.0%\) in 1 source\(s\): 9 figures, 1 rank; among them 1 range$/m);
    assert.match(r.stdout, /^0 error\(s\), 0 warning\(s\); 3 subjects, 8 measures, 8 observations, 1 roles, 2 exclusions, 1 sources$/m);
    assert.doesNotMatch(r.stdout, /^inventory/m, 'the inventory only with --verbose');
  });

  it('--verbose prints the inventory: every statement at its place, its kind and what covers it', () => {
    const r = factcheck('facts', 'check', '--facts', FIXTURE, '--verbose');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^inventory fx-2024-08 \(test\/fixtures\/factbase\/sources\/fx-2024-08\.md\): 10 statements$/m);
    assert.match(r.stdout, /^ {2}test\/fixtures\/factbase\/sources\/fx-2024-08\.md:9:\d+: figure 37个 → observation fx\.facilities\.2024$/m);
    assert.match(r.stdout, /^ {2}test\/fixtures\/factbase\/sources\/fx-2024-08\.md:11:13: rank 前列 → observation fx\.eco-rank\.2024$/m);
    assert.match(r.stdout, /^ {2}test\/fixtures\/factbase\/sources\/fx-2024-08\.md:12:\d+: figure 1-3年 \(range\) → excluded: duration of a programme, not a measured quantity$/m);
  });

  it('exits 2 and prints file:line:column: error: message for a broken base', () => {
    const copy = copyBase(FIXTURE);
    const file = join(copy, 'huairou.yaml');
    const line = editValue(file, ['observations', 0, 'value'], '38');
    const r = factcheck('facts', 'check', '--facts', copy);
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.ok(r.stdout.includes(`${relative(ROOT, file)}:${line + 1}:12: error: value 38 does not match figure "37个"`), r.stdout);
    assert.match(r.stdout, /^1 error\(s\)/m);
  });

  it('prints the first definition of a duplicate id as a note', () => {
    const copy = copyBase(FIXTURE);
    const r = factcheck('facts', 'check', '--facts', FIXTURE, '--facts', copy);
    assert.equal(r.status, 2);
    const note = `${relative(ROOT, join(FIXTURE, 'huairou.yaml'))}:${lineOf(join(FIXTURE, 'huairou.yaml'), ['measures', 0]) + 1}:5: note: "fx.facilities" first defined here`;
    assert.ok(r.stdout.includes(note), r.stdout);
  });

  it('exits 2 on a bad option', () => {
    const r = factcheck('facts', 'check', '--fatcs', FIXTURE);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /factcheck: .*--fatcs/);
  });

  it('the bundled fact base validates (the default folder)', () => {
    const r = factcheck('facts', 'check');
    assert.equal(r.status, 0, r.stdout.split('\n').filter((l) => / error: /.test(l)).slice(0, 30).join('\n'));
    assert.ok(r.stdout.includes(`coverage overall: `));
    assert.ok(BUNDLED.endsWith('facts'));
  });
});
