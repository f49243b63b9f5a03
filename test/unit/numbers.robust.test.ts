/**
 * Robustness of the number grammar: it never throws on any input (lone surrogates, long
 * runs), its results always satisfy their invariants, text without numbers yields no
 * quantity, and megabyte-long pathological lines finish (linear scan; times are printed).
 */
import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { formatLike, parseQuantity, scanPeriods, scanQuantities, valueInterval } from '../../server/src/core/numbers';

/** Characters the grammar reacts to, to make generated text hit its rules often. */
const INTERESTING = [
  '0', '1', '2', '5', '9', '.', ',', '，', '、', '-', '至', '到', '～', '%', '％', '１', '．', '+', '/', ':',
  '零', '〇', '一', '二', '两', '三', '十', '百', '千', '万', '亿', '点', '分之', '百分之',
  '个', '家', '人', '名', '人次', '年', '成', '个百分点', '平方公里', '亿元', '余', '多', '近', '约', '超过', '左右', '以上', '强',
  '第', '前', '号', '“', '”', '《', '》', '（', '）', '\n', '## ', '十四五', '以来', '今年', '上半年', '近3年', 'PM', 'G', 'K',
  '年来', '月', '日', '\ud800', '\udc00', '𠀀', ' ', '。',
];
const tokenText = fc.array(fc.constantFrom(...INTERESTING), { maxLength: 40 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), tokenText, fc.string({ maxLength: 100 }));

describe('numbers: robustness', () => {
  it('scanQuantities never throws and returns ordered, non-overlapping, exact-offset claims', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(anyText, (t) => {
        const qs = scanQuantities(t);
        let last = 0;
        for (const q of qs) {
          assert.ok(q.start >= last, 'ordered and non-overlapping');
          assert.ok(q.start <= q.numberStart && q.numberStart < q.numberEnd && q.numberEnd <= q.end && q.end <= t.length, 'offsets');
          assert.equal(t.slice(q.start, q.end), q.text);
          assert.ok(Number.isFinite(q.value) && q.precision > 0, 'finite value and precision');
          if (q.high !== undefined) assert.ok(q.high > q.value, 'range high > low');
          const [lo, hi] = valueInterval(q);
          assert.ok(lo <= hi && Number.isFinite(lo) && Number.isFinite(hi), 'interval');
          assert.equal(typeof formatLike(q.value, q), 'string');
          last = q.end;
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('scanPeriods and parseQuantity never throw', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(anyText, (t) => {
        let last = 0;
        for (const p of scanPeriods(t)) {
          assert.ok(p.start >= last && p.end > p.start && t.slice(p.start, p.end) === p.text);
          assert.ok(p.period !== undefined || p.relative !== undefined);
          last = p.end;
        }
        const q = parseQuantity(t);
        if (q) assert.equal(q.end, t.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds nothing in text without digits or Chinese numerals', function () {
    this.timeout(60_000);
    const plain = fc
      .string({ unit: 'binary', maxLength: 200 })
      .map((t) => t.replace(/[0-9０-９零〇一二两三四五六七八九十百千万亿]/g, ''));
    fc.assert(fc.property(plain, (t) => assert.deepEqual(scanQuantities(t), [])), { numRuns: 2000 });
    assert.deepEqual(scanQuantities('怀柔区坚持以习近平新时代中国特色社会主义思想为指导，加快构建开放创新生态。'), []);
  });

  it('finishes megabyte lines of digits, numerals, stops and figures (linear scan)', function () {
    this.timeout(120_000);
    const M = 1 << 20;
    const lines: Record<string, string> = {
      digits: '1'.repeat(M),
      numerals: '一二三'.repeat(M / 3),
      stops: '。'.repeat(M),
      figures: '近3年增长7.5%，2.3万人，三分之二，'.repeat(M / 20),
      separators: '1,234,'.repeat(M / 6),
      quotes: '“'.repeat(M),
      surrogates: '\ud800'.repeat(M),
    };
    const report: string[] = [];
    for (const [name, line] of Object.entries(lines)) {
      const c0 = process.cpuUsage();
      const qs = scanQuantities(line);
      const c1 = process.cpuUsage(c0);
      scanPeriods(line);
      const c2 = process.cpuUsage(c0);
      report.push(`${name} ${(c1.user / 1000).toFixed(0)}+${((c2.user - c1.user) / 1000).toFixed(0)} ms`);
      if (name === 'figures') assert.equal(qs.length, 3 * Math.floor(M / 20));
      else assert.deepEqual(qs, []);
    }
    console.log(`      1 MB lines, CPU time of scanQuantities+scanPeriods: ${report.join(', ')}`);
  });
});
