/**
 * Accuracy of the checker on labelled drafts: the project's own set in
 * test/fixtures/drafts (and the shared dev set at ../shared/eval/dev when the clone has
 * it) must reach precision, recall and verified ≥ 0.95 with no non-claim flagged. The
 * checker runs through the CLI, as the shared scorer runs it; build first (`npx tsc -b`).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FINDING_CODES } from '../../server/src/cli/config';
import { readFrontMatter } from '../../server/src/core/draft';
import { locate, readLabels } from './labels';
import { DEFAULT_CMD, scoreSet, shortfalls, summaryText, verboseText, type Thresholds } from './score';

/** The repository root (tests run from out/test/accuracy). */
const ROOT = path.resolve(__dirname, '../../..');
const PROJECT_SET = path.join(ROOT, 'test/fixtures/drafts');
const DEV_SET = path.resolve(ROOT, '../shared/eval/dev');
const MINS: Required<Thresholds> = { precision: 0.95, recall: 0.95, verified: 0.95 };

/** Scores a set and fails with the verbose listing when a threshold or a non-claim fails. */
function assertAccurate(setDir: string): void {
  const r = scoreSet({ setDir, cmd: DEFAULT_CMD, cwd: ROOT });
  const short = shortfalls(r, MINS);
  if (r.totals.cleanHit > 0) short.push(`${r.totals.cleanHit} non-claim(s) flagged`);
  if (short.length) {
    assert.fail(`accuracy on ${path.relative(ROOT, setDir) || setDir} below target (${short.join(', ')}):\n${verboseText(r)}\n${summaryText(r, MINS)}`);
  }
  console.log(`      ${summaryText(r, MINS).split('\n').join('\n      ')}`);
}

describe('accuracy: labelled drafts', function () {
  this.timeout(300_000);

  describe('the project set is well formed', () => {
    const labels = readLabels(PROJECT_SET);
    const drafts = Object.keys(labels);

    it('every label context occurs once in its draft and holds its token', () => {
      for (const [draft, lab] of Object.entries(labels)) {
        const text = fs.readFileSync(path.join(PROJECT_SET, draft), 'utf8');
        for (const l of [...(lab.expect ?? []), ...(lab.ok ?? []), ...(lab.clean ?? [])]) locate(text, l, draft);
      }
    });

    it('every draft in the folder is labelled, and there are Markdown and plain-text drafts, dated and undated', () => {
      const files = fs.readdirSync(PROJECT_SET).filter((f) => /\.(md|txt)$/.test(f));
      assert.deepEqual([...files].sort(), [...drafts].sort());
      const txt = drafts.filter((d) => d.endsWith('.txt'));
      assert.ok(txt.length >= 2, 'at least two plain-text drafts');
      const dates = drafts.map((d) => readFrontMatter(fs.readFileSync(path.join(PROJECT_SET, d), 'utf8')).date);
      assert.ok(dates.some((d) => d === undefined), 'at least one draft without a date');
      for (const d of drafts.filter((x) => x.endsWith('.md'))) {
        const fm = readFrontMatter(fs.readFileSync(path.join(PROJECT_SET, d), 'utf8'));
        assert.ok(fm.title && fm.date, `${d}: front matter needs title and date`);
      }
    });

    it('plants every finding code but unverified, and labels correct claims and non-claims', () => {
      const planted = new Set(Object.values(labels).flatMap((l) => (l.expect ?? []).flatMap((e) => e.codes)));
      for (const code of FINDING_CODES.filter((c) => c !== 'unverified')) assert.ok(planted.has(code), `no planted ${code}`);
      const count = (k: 'expect' | 'ok' | 'clean') => Object.values(labels).reduce((n, l) => n + (l[k]?.length ?? 0), 0);
      assert.ok(count('expect') >= 35, `expect entries: ${count('expect')}`);
      assert.ok(count('ok') >= 100, `ok entries: ${count('ok')}`);
      assert.ok(count('clean') >= 20, `clean entries: ${count('clean')}`);
    });
  });

  it('the project set (test/fixtures/drafts) reaches precision, recall and verified ≥ 0.95', () => {
    assertAccurate(PROJECT_SET);
  });

  it('the shared dev set (../shared/eval/dev) reaches precision, recall and verified ≥ 0.95', function () {
    if (!fs.existsSync(path.join(DEV_SET, 'labels.json'))) {
      console.log(`      skipped: no dev set at ${DEV_SET}`);
      this.skip();
    }
    assertAccurate(DEV_SET);
  });
});
