/**
 * validateFactBase through loadFactBase: the fixture base validates with full coverage;
 * each check fails on a copy of a base (the fixture and the bundled one) with one thing
 * broken, and the problem names the file and line of the broken entry.
 */
import * as assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Problem } from '../../server/src/core';
import { loadFactBase } from '../../server/src/node';
import { parseQuantity } from '../../server/src/core/numbers';
import {
  BUNDLED, FIXTURE, cleanupCopies, copyBase, editValue, firstObservation, lineOf, newProblems, show, valueAt,
} from './factbaseSupport';

describe('factbase: the fixture base', () => {
  const result = loadFactBase([FIXTURE]);

  it('loads without problems and covers every figure of its source', () => {
    assert.equal(show(result.problems), '(none)');
    assert.equal(result.coverage.length, 1);
    const c = result.coverage[0];
    assert.ok(c.total >= 9, `only ${c.total} quantities scanned`);
    assert.equal(c.covered, c.total);
  });

  it('fills origins for every id and defaults published to the source date', () => {
    const { base } = result;
    const ids = [...base.subjects, ...base.measures, ...base.observations, ...base.roles, ...base.sources].map((x) => x.id);
    assert.deepEqual(ids.filter((id) => !base.origins.has(id)), []);
    const o = base.origins.get('fx.researchers.2024')!;
    assert.equal(o.file, join(FIXTURE, 'huairou.yaml'));
    assert.equal(o.line, lineOf(o.file, ['observations', 1]));
    assert.equal(base.origins.get('fx-2024-08')!.line, 1);
    assert.ok(base.observations.every((x) => x.published === '2024-08-26'));
    assert.equal(base.sources[0].bodyLine, 7);
  });
});

for (const [name, dir] of [['fixture', FIXTURE], ['bundled', BUNDLED]] as const) {
  describe(`factbase: broken copies of the ${name} base`, () => {
    let copy: string;
    let baseline: Problem[];

    beforeEach(() => {
      copy = copyBase(dir);
      baseline = loadFactBase([copy]).problems;
    });
    after(cleanupCopies);

    /** Asserts that loading the copy now yields a new error at file:line matching `re`. */
    function expectError(file: string, line: number, re: RegExp): Problem {
      const added = newProblems(baseline, loadFactBase([copy]).problems);
      const hit = added.find((p) => p.file === file && p.line === line && p.severity === 'error' && re.test(p.message));
      assert.ok(hit, `expected an error at ${file}:${line + 1} matching ${re}; new problems:\n${show(added)}`);
      return hit;
    }

    it('a mis-copied quote', () => {
      const site = firstObservation(loadFactBase([copy]));
      const quote = String(valueAt(site.file, ['observations', site.index, 'quote']));
      const figure = String(valueAt(site.file, ['observations', site.index, 'figure']));
      const f = quote.indexOf(figure);
      const at = f > 0 ? 0 : quote.length - 1; // a character outside the figure
      const broken = quote.slice(0, at) + 'Ж' + quote.slice(at + 1);
      const line = editValue(site.file, ['observations', site.index, 'quote'], JSON.stringify(broken));
      expectError(site.file, line, /quote does not occur verbatim in source/);
    });

    it('a wrong value', () => {
      // The first observation whose figure the number parser reads (else its value is not checked).
      const site = firstObservation(loadFactBase([copy]), (o) => parseQuantity(o.figure) !== undefined);
      const value = Number(valueAt(site.file, ['observations', site.index, 'value']));
      const line = editValue(site.file, ['observations', site.index, 'value'], String(value * 2 + 1));
      expectError(site.file, line, /^value .* does not match figure "/);
    });

    it('a dangling source id', () => {
      const site = firstObservation(loadFactBase([copy]));
      const line = editValue(site.file, ['observations', site.index, 'source'], 'no-such-source');
      expectError(site.file, line, /source "no-such-source" names no source/);
    });

    it('a schema error', () => {
      const site = firstObservation(loadFactBase([copy]));
      const line = editValue(site.file, ['observations', site.index, 'value'], '"many"');
      const p = expectError(site.file, line, /"value" must be a number, not the text "many"/);
      assert.match(p.message, new RegExp(`^observation "${site.id.replace(/\./g, '\\.')}": `));
    });

    it('a duplicate id', () => {
      const site = firstObservation(loadFactBase([copy]));
      const dup = join(copy, 'zz-duplicate.yaml');
      writeFileSync(dup, `subjects:\n  - id: ${site.id}\n    name: 重复\n`);
      const p = expectError(dup, 1, new RegExp(`duplicate id "${site.id.replace(/\./g, '\\.')}": already used by an? observation`));
      assert.equal(p.related?.[0].file, site.file);
      assert.equal(p.related?.[0].line, lineOf(site.file, ['observations', site.index]));
    });

    it('an uncovered figure', () => {
      const { base } = loadFactBase([copy]);
      const source = base.sources.find((s) => s.id === base.observations[0].source)!;
      const text = readFileSync(source.file, 'utf8');
      assert.ok(text.endsWith('\n'));
      appendFileSync(source.file, '另据统计,全区共有测试站点4321个。\n');
      const p = expectError(source.file, text.split('\n').length - 1, /figure "4321个" is not covered/);
      assert.equal(p.column, '另据统计,全区共有测试站点'.length);
    });
  });
}
