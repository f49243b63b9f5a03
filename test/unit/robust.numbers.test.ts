/**
 * The number grammar and the claim scanner against the limits: text mixing CJK,
 * emoji, combining marks, lone surrogates, CRLF and NUL never makes them throw; a 1 MB
 * line of digits, of 一二三 or of 。 is scanned within 1 s of CPU; and a figure written
 * back by formatLike (what a quick fix inserts) reads back as the same value and unit,
 * alone and inside a sentence.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { chineseNumeral, formatLike, parseQuantity, scanPeriods, scanQuantities, scanQuantitiesAndPeriods, whyNotAClaim } from '../../server/src/core/numbers';
import type { Qualifier } from '../../server/src/core';

/** Code points of one script or kind. */
const range = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((c) => String.fromCodePoint(c));
const piece = fc.oneof(
  range(0x4e00, 0x9fff), // CJK ideographs (一二三, 万, 亿 among them)
  range(0x3000, 0x303f), // CJK punctuation (。、「」)
  range(0xff00, 0xffef), // full-width forms (１２３，％)
  range(0x1f300, 0x1faff), // emoji
  range(0x0300, 0x036f), // combining marks
  range(0xd800, 0xdfff), // lone surrogates
  range(0x30, 0x39), // digits
  fc.constantFrom('\r\n', '\n', '\r', '\0', '\u2028', '\ufeff', '\u200b', '%', '.', ',', '个百分点', '万', '亿元', '年', '近', '余', '约'),
);
const mixed = fc.array(piece, { maxLength: 60 }).map((a) => a.join(''));

/** CPU milliseconds of `run`. */
function cpuMs(run: () => void): number {
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

describe('robustness: number grammar and claim scanner', () => {
  it('never throws on CJK, emoji, combining marks, lone surrogates, CRLF and NUL, and keeps exact offsets', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(mixed, (t) => {
        const { quantities, periods } = scanQuantitiesAndPeriods(t);
        assert.deepEqual(quantities, scanQuantities(t));
        assert.deepEqual(periods, scanPeriods(t));
        for (const q of quantities) {
          assert.equal(t.slice(q.start, q.end), q.text);
          assert.ok(Number.isFinite(q.value));
          whyNotAClaim(t, q.start);
        }
        for (const p of periods) assert.equal(t.slice(p.start, p.end), p.text);
        for (let i = 0; i <= t.length; i += 7) whyNotAClaim(t, i);
        parseQuantity(t);
      }),
      { numRuns: 3000 },
    );
  });

  it('scans a 1 MB line of digits, of 一二三, of 。 (and of mixed CJK and emoji) within 1 s of CPU each', function () {
    this.timeout(60_000);
    const M = 1 << 20;
    const lines: Record<string, string> = {
      digits: '1'.repeat(M),
      '一二三': '一二三'.repeat(M / 3),
      '。': '。'.repeat(M),
      'CJK and emoji': '中文😀e\u0301\r\n'.repeat(M / 8),
    };
    const report: string[] = [];
    for (const [name, line] of Object.entries(lines)) {
      const ms = cpuMs(() => {
        scanQuantities(line);
        scanPeriods(line);
      });
      report.push(`${name} ${ms.toFixed(0)} ms`);
      assert.ok(ms < 1000, `${name}: ${ms.toFixed(0)} ms of CPU`);
    }
    console.log(`      1 MB lines, scanQuantities + scanPeriods: ${report.join(', ')}`);
  });

  it('format then parse: a value written like a figure reads back as that value and unit, alone and in a sentence', function () {
    this.timeout(60_000);
    const prefix = fc.constantFrom('', '', '约', '近', '超过', '逾', '不到');
    const number = fc.oneof(
      fc.integer({ min: 0, max: 99_999 }).map(String),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 99 })).map(([a, b]) => `${a}.${b}`),
      fc.integer({ min: 1000, max: 9_999_999 }).map((n) => n.toLocaleString('en-US')),
      fc.integer({ min: 0, max: 9999 }).map((n) => chineseNumeral(n)),
      fc.integer({ min: 0, max: 999 }).map((n) => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))),
    );
    const scale = fc.constantFrom('', '', '万', '亿', '万亿');
    const inner = fc.constantFrom('', '', '余', '多');
    const unit = fc.constantFrom('个', '家', '人', '名', '人次', '元', '亿元', '%', '个百分点', '平方公里', '公顷', '项', '所', '套');
    const suffix = fc.constantFrom('', '', '左右', '以上');
    const figure = fc
      .tuple(prefix, number, scale, inner, unit, suffix)
      .filter(([, , s, , u]) => !(s && /%|百分点/.test(u))) // 3万% is no figure
      .map((a) => a.join(''));
    const qualifier = fc.constantFrom<Qualifier | undefined>(undefined, 'about', 'over', 'under');
    let parsed = 0;
    fc.assert(
      fc.property(figure, fc.integer({ min: 1, max: 1000 }), qualifier, (f, k, ql) => {
        const like = parseQuantity(f);
        if (!like) return;
        parsed++;
        const value = Number(((like.value * k) / 100).toPrecision(4)); // a value of the figure's magnitude (1% to 10×)
        const text = formatLike(value, like, ql ? { qualifier: ql } : {});
        const back = parseQuantity(text);
        const close = (x: number) => Math.abs(x - value) <= 1e-9 * Math.max(1, value);
        assert.ok(back && close(back.value), `${f} → ${value} written as ${text} reads as ${back?.value}`);
        assert.equal(back.unit, like.unit, text);
        assert.equal(back.qualifier, ql ?? 'exact', text);
        const inSentence = scanQuantities(`全区${text}。`);
        assert.ok(inSentence.length === 1 && close(inSentence[0].value) && inSentence[0].unit === like.unit, `${text} in a sentence: ${JSON.stringify(inSentence)}`);
      }),
      { numRuns: 3000 },
    );
    assert.ok(parsed > 2000, `only ${parsed} generated figures parsed`);
  });
});
