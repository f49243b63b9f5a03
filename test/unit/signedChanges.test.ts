/**
 * Signed changes: the scanner reads a decline's percentage or points as negative (下降9.9%
 * → −9.9, also for the second figure of a list), a level after 下降到 stays a level, and
 * the engine says a draft that reverses a change's direction is wrong, with a fix that
 * swaps the change word and verifies when applied.
 */
import { strict as assert } from 'node:assert';
import { scanQuantities, checkText } from '../../server/src/core';
import { loadFactBase, bundledFactsDir, today } from '../../server/src/node';
import type { FactBase } from '../../server/src/core';

const DRAFT = (body: string) => `---\ntitle: 测试\ndate: 2024-09-01\n---\n${body}\n`;

describe('signed changes', function () {
  this.timeout(20000);
  let base: FactBase;
  before(() => (base = loadFactBase([bundledFactsDir()]).base));

  it('reads declines as negative and levels as levels', () => {
    const read = (t: string) => scanQuantities(t).map((q) => [q.text, q.value, q.direction?.word ?? '']);
    assert.deepEqual(read('事故起数年均下降9.9%'), [['9.9%', -9.9, '下降']]);
    assert.deepEqual(read('同比增长6.9%'), [['6.9%', 6.9, '增长']]);
    assert.deepEqual(read('降幅为2.5个百分点'), [['2.5个百分点', -2.5, '降幅']]);
    assert.deepEqual(read('分别下降3%和5%'), [['3%', -3, '下降'], ['5%', -5, '下降']]);
    assert.deepEqual(read('占比下降到5%'), [['5%', 5, '']]);
    assert.deepEqual(read('减少3000人'), [['3000人', 3000, '']], 'only percentages and points are signed');
  });

  it('verifies a decline stated as a decline, and calls a reversed direction wrong with a fix that swaps the word', () => {
    const ok = DRAFT('近3年，怀柔区安全生产事故起数年均下降9.9%。');
    assert.equal(checkText(ok, base, { asOf: today() }).claims[0].status, 'verified');
    const wrong = DRAFT('近3年，怀柔区安全生产事故起数年均增长9.9%。');
    const r = checkText(wrong, base, { asOf: today() });
    assert.equal(r.findings.length, 1);
    const f = r.findings[0];
    assert.equal(f.code, 'wrong-value');
    assert.equal(f.expected, '下降9.9%');
    assert.equal(wrong.slice(f.start, f.end), '增长9.9%', 'the finding covers the change word');
    assert.match(f.message, /应为下降9\.9%，而非增长9\.9%/);
    const fixed = wrong.slice(0, f.fix!.start) + f.fix!.newText + wrong.slice(f.fix!.end);
    assert.equal(fixed, ok);
    assert.equal(checkText(fixed, base, { asOf: today() }).claims[0].status, 'verified', 'the fix verifies');
  });

  it('writes the size of the change when only the size is wrong, and a rise reversed into a decline', () => {
    const size = DRAFT('近3年，怀柔区安全生产事故起数年均下降5%。');
    const f1 = checkText(size, base, { asOf: today() }).findings[0];
    assert.equal(f1.expected, '9.9%');
    assert.equal(size.slice(f1.fix!.start, f1.fix!.end), '5%');
    const rise = DRAFT('近3年，怀柔区农村居民人均可支配收入年均下降7.5%。');
    const f2 = checkText(rise, base, { asOf: today() }).findings[0];
    assert.equal(f2.code, 'wrong-value');
    assert.equal(f2.expected, '增长7.5%');
    const fixed = rise.slice(0, f2.fix!.start) + f2.fix!.newText + rise.slice(f2.fix!.end);
    assert.equal(checkText(fixed, base, { asOf: today() }).claims[0].status, 'verified');
  });
});
