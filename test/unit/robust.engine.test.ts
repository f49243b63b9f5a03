/**
 * The engine (checkText) on hostile drafts, with the bundled fact base: arbitrary
 * Unicode (lone surrogates, NUL, CRLF, emoji, combining marks), random Markdown
 * structure, garbage front matter and mutated copies of real drafts never make it
 * throw; every range stays inside the text; a result does not depend on what was
 * checked before; and pathological long lines finish in time (CPU times printed).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { checkText, LineIndex } from '../../server/src/core';
import { bundledFactsDir, loadFactBase, packageRoot } from '../../server/src/node';
import type { CheckResult, FactBase } from '../../server/src/core';
import { textMutations } from './mutations';

const AS_OF = '2025-06-30';
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

/** Asserts the invariants of a result over its text. */
function wellFormed(text: string, r: CheckResult): void {
  const lines = new LineIndex(text);
  let last = -1;
  for (const c of r.claims) {
    assert.ok(c.start >= 0 && c.start <= c.end && c.end <= text.length, `claim range ${c.start}-${c.end} in ${text.length}`);
    assert.equal(text.slice(c.start, c.end), c.text);
    assert.ok(c.start >= last, 'claims in order');
    last = c.start;
  }
  for (const f of r.findings) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `finding range ${f.start}-${f.end}`);
    assert.ok(SEVERITIES.has(f.severity) && typeof f.message === 'string' && f.message.length > 0);
    assert.ok(f.claim >= -1 && f.claim < r.claims.length, `finding claim ${f.claim}`);
    if (f.fix) assert.ok(f.fix.start >= 0 && f.fix.start <= f.fix.end && f.fix.end <= text.length && typeof f.fix.newText === 'string');
    lines.rangeOf(f.start, f.end);
  }
  assert.match(r.asOf, /^\d{4}-\d{2}-\d{2}$/);
}

/** Text pieces the engine reacts to, so generated drafts hit its rules often. */
const PIECES = [
  '0', '1', '2', '5', '9', '.', '%', '％', '一', '二', '十', '百', '万', '亿', '年', '月', '个百分点', '亿元', '万人', '个', '家',
  '增长', '下降', '同比', '占', '比', '共', '其中', '分别', '和', '至', '全年', '前三季度', '2024年', '2023年', '“十四五”以来',
  '海淀区', '怀柔区', '全区', '地区生产总值', '科学设施', '区长', '书记', '副', '。', '，', '；', '：', '、', '（', '）',
  '\n', '\r\n', '\n\n', '\0', '\ud800', '\udc00', '😀', 'e\u0301', '\ufeff', '`', '*', '[', ']', '(', ')', '<', '>', '|', '\t',
];
const inline = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join(''));
const BLOCK = ['', '# ', '## ', '### ', '> ', '- ', '* ', '1. ', '一、', '（二）', '| ', '```\n', '    ', '<!-- factcheck-disable-next-line -->\n', '---\n'];
/** A Markdown-like draft: lines with block prefixes, table rows and fences. */
const markdown = fc
  .array(fc.tuple(fc.constantFrom(...BLOCK), inline, fc.constantFrom('\n', '\r\n', '\n\n', ' |\n', '')), { maxLength: 12 })
  .map((ls) => ls.map(([b, t, e]) => b + t + e).join(''));
const FRONT = ['date: 2024-13-45', 'date: [', 'asOf: *x', 'title: &a [*a, *a]', 'date: 2024年1月1日', 'date: 99999-01-01', 'asOf: 0000-00-00', 'date: 2024-02-30', 'date: 2024-03-01T25:00:00', 'title: !!binary aGVsbG8=', 'date: ~', 'date:\n  - 1'];
/** Front matter, well-formed or not, closed or not, before a body. */
const frontMatter = fc
  .tuple(fc.constantFrom('---\n', '\ufeff---\n', '---\r\n', ''), fc.oneof(fc.constantFrom(...FRONT), fc.string({ unit: 'binary', maxLength: 60 })), fc.constantFrom('\n---\n', '\n---', '\r\n---\r\n', '', '\n...\n'), fc.oneof(inline, markdown))
  .map((a) => a.join(''));
/** Any Unicode: UTF-16 code units (lone surrogates), code points, graphemes (emoji, combining marks). */
const unicode = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 150 }), fc.string({ unit: 'grapheme-composite', maxLength: 100 }));

/** The drafts of the repository, the material of mutation fuzzing. */
function realDrafts(): string[] {
  const dir = join(packageRoot(__dirname), 'test', 'fixtures', 'drafts');
  return fs.readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f)).sort().map((f) => fs.readFileSync(join(dir, f), 'utf8'));
}

/** Random edits of a real draft: insert, delete, replace, repeat and cut out, at random places (also inside surrogate pairs). */
function mutationsOf(texts: string[]): fc.Arbitrary<string> {
  return textMutations(texts, { pieces: PIECES, maxInsert: 10, maxLen: 200, kinds: ['insert', 'delete', 'replace', 'repeat', 'cut'], maxEdits: 10 }).map((m) => m.text);
}

/** CPU milliseconds of `run`. */
function cpuMs(run: () => void): number {
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

describe('robustness: checkText on hostile drafts', function () {
  this.timeout(120_000);
  let base: FactBase;
  let drafts: string[];
  let first: CheckResult[];

  before(() => {
    base = loadFactBase([bundledFactsDir()]).base;
    drafts = realDrafts();
    first = drafts.map((d) => checkText(d, base, { asOf: AS_OF }));
  });

  it('never throws on arbitrary Unicode, and every range lies in the text', () => {
    fc.assert(fc.property(unicode, (t) => wellFormed(t, checkText(t, base, { asOf: AS_OF }))), { numRuns: 1500 });
  });

  it('never throws on random Markdown structure and garbage front matter', () => {
    fc.assert(fc.property(fc.oneof(markdown, frontMatter), (t) => wellFormed(t, checkText(t, base, { asOf: AS_OF }))), { numRuns: 1500 });
  });

  it('never throws on mutated real drafts, and checking twice gives the same result', () => {
    fc.assert(
      fc.property(mutationsOf(drafts), (t) => {
        const r = checkText(t, base, { asOf: AS_OF, locale: 'en' });
        wellFormed(t, r);
        assert.deepEqual(checkText(t, base, { asOf: AS_OF, locale: 'en' }), r);
      }),
      { numRuns: 250 },
    );
  });

  it('gives every real draft the same result as before all the fuzzing (no state leaks between checks)', () => {
    drafts.forEach((d, i) => assert.deepEqual(checkText(d, base, { asOf: AS_OF }), first[i], `draft ${i}`));
  });

  it('finishes pathological drafts of 128 KB to 1 MB in seconds (sentences are cut, scans are linear)', () => {
    const K = 256 * 1024;
    const cases: Record<string, string> = {
      'figures without a full stop': '近3年增长7.5%，2.3万人，三分之二，'.repeat(K / 42),
      'figures without any stop or comma': '5%和'.repeat(K / 6),
      'digits': '1'.repeat(4 * K),
      'numerals 一二三': '一二三'.repeat((4 * K) / 3),
      'full stops': '。'.repeat(4 * K),
      'line breaks': '\r\n'.repeat(2 * K),
      'headings': '# 2024年\n'.repeat(K / 8),
      'table cells': '| 5% | 2.3万人 |\n'.repeat(K / 16),
      'lone surrogates': '\ud800'.repeat(4 * K),
    };
    const report: string[] = [];
    for (const [name, text] of Object.entries(cases)) {
      let r: CheckResult | undefined;
      const ms = cpuMs(() => (r = checkText(text, base, { asOf: AS_OF })));
      report.push(`${name} ${(text.length / 1024).toFixed(0)}k ${ms.toFixed(0)} ms`);
      wellFormed(text, r!);
      assert.ok(ms < 15_000, `${name}: ${ms} ms`);
    }
    console.log(`      checkText CPU time: ${report.join(', ')}`);
  });
});
