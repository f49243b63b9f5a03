/**
 * Writing values back the way the draft writes them (formatLike / formatValue), and the
 * round trip format → parse for generated quantities.
 */
import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { chineseNumeral, formatLike, formatValue, parseQuantity, plainNumber, unitInfo } from '../../server/src/core/numbers';
import type { NumberForm, Quantity } from '../../server/src/core';

function like(figure: string): Quantity {
  const q = parseQuantity(figure);
  assert.ok(q, figure);
  return q;
}

describe('numbers: formatLike', () => {
  const cases: [number, string, Parameters<typeof formatLike>[2], string][] = [
    [26000, '2.6万名', undefined, '2.6万名'],
    [27000, '2.6万名', undefined, '2.7万名'],
    [30000, '2.6万名', undefined, '3万名'],
    [1215520000000, '12907.1亿元', undefined, '12155.2亿元'],
    [94, '九十三名', undefined, '九十四名'],
    [2, '九十三名', undefined, '两名'],
    [26000, '九十三名', undefined, '两万六千名'],
    [5.7, '7.5%', undefined, '5.7%'],
    [0.1 + 0.2, '7.5%', undefined, '0.3%'],
    [20, '三分之一', undefined, '五分之一'],
    [200 / 3, '三分之一', undefined, '三分之二'],
    [26.5, '三分之一', undefined, '26.5%'],
    [70, '近七成', undefined, '七成'],
    [75, '近七成', undefined, '75%'],
    [80, '超过八成', { qualifier: 'over', qualifierText: '超过' }, '超过八成'],
    [56.5, '56.5个百分点', { unitText: '%' }, '56.5%'],
    [6.5, '6.5%', { unitText: '个百分点' }, '6.5个百分点'],
    [3600000, '360余万人次', { qualifier: 'over' }, '360余万人次'],
    [3700000, '360余万人次', undefined, '370万人次'],
    [30000, '3万余人', { qualifier: 'over' }, '3万余人'],
    [40, '40余个', { qualifier: 'over', qualifierText: '多' }, '40多个'],
    [2000, '近2000名', { qualifier: 'under' }, '近2000名'],
    [2000, '2.3万人', { qualifier: 'about' }, '约0.2万人'],
    [500, '近500家', { qualifier: 'over' }, '500余家'],
    [25, '四分之一强', { qualifier: 'over' }, '四分之一强'],
    [25, '约四分之一', { qualifier: 'about' }, '约四分之一'],
    [5.7, '百分之五点七', undefined, '百分之五点七'],
    [10.8, '百分之五点七', undefined, '百分之十点八'],
    [1e12, '突破万亿元', { qualifier: 'over' }, '突破万亿元'],
    [1000, '近千间', { qualifier: 'under' }, '近千间'],
    [1234567, '1,234家', undefined, '1,234,567家'],
    [123, '１２３家', undefined, '１２３家'],
    [12155.2e8, '约1.29万亿元', undefined, '1.21552万亿元'],
    [1215520000000, '12907.1亿元', { unitText: '万亿元' }, '1.21552万亿元'],
    [2, '两届', undefined, '两届'],
    [2, '1至2所', undefined, '2所'],
    [5.7, '5.7%', { qualifier: '左右' }, '5.7%左右'],
    [5.7, '5.7%', { qualifier: '近…', qualifierText: undefined }, '近…5.7%'],
  ];
  for (const [value, figure, opts, expected] of cases) {
    it(`${value} like ${figure}${opts ? ' ' + JSON.stringify(opts) : ''} → ${expected}`, () => assert.equal(formatLike(value, like(figure), opts), expected));
  }
});

describe('numbers: formatValue, chineseNumeral, plainNumber', () => {
  it('writes into any unit in any form', () => {
    assert.equal(formatValue(23000, '万人', { form: 'arabic' }), '2.3万人');
    assert.equal(formatValue(23000, '万人', { form: 'chinese' }), '二点三万人');
    assert.equal(formatValue(1e8, '亿元', { form: 'chinese' }), '一亿元');
    assert.equal(formatValue(6990000, '平方公里', { form: 'arabic' }), '6.99平方公里');
    assert.equal(formatValue(20, '', { form: 'fraction' }), '五分之一');
    assert.equal(formatValue(60, '成', { form: 'cheng' }), '六成');
    assert.equal(formatValue(60, '成', { form: 'cheng', arabicDigits: true }), '6成');
    assert.equal(formatValue(37, '', { form: 'arabic' }), '37');
    assert.equal(formatValue(3600000, '万人次', { form: 'arabic' }, { qualifier: 'over' }), '360余万人次');
    assert.equal(formatValue(30000, '万人', { form: 'arabic', overAfterScale: true }, { qualifier: 'over' }), '3万余人');
  });

  it('writes Chinese numerals the usual way', () => {
    assert.equal(chineseNumeral(94), '九十四');
    assert.equal(chineseNumeral(10), '十');
    assert.equal(chineseNumeral(105), '一百零五');
    assert.equal(chineseNumeral(2000), '两千');
    assert.equal(chineseNumeral(26000), '两万六千');
    assert.equal(chineseNumeral(20), '二十');
    assert.equal(chineseNumeral(2, true), '两');
    assert.equal(chineseNumeral(5.7), '五点七');
  });

  it('writes plain decimals without exponent or float noise', () => {
    assert.equal(plainNumber(0.1 + 0.2), '0.3');
    assert.equal(plainNumber(1215520000000 / 1e8), '12155.2');
    assert.equal(plainNumber(1e21), '1000000000000000000000');
    assert.equal(plainNumber(1.5e-7), '0.00000015');
  });
});

describe('numbers: format then parse round-trips', () => {
  const units = ['', '个', '家', '万人', '亿元', '万亿元', '万元', '%', '个百分点', '平方公里', '万平方米', '公顷', '公里', '小时', '年', '人次', '万人次', '套'];
  const written = fc.oneof(
    fc.integer({ min: 0, max: 9_999_999 }),
    fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 1, max: 2 })).map(([n, d]) => Number(`${n}e-${d}`)),
  );
  const qualifier = fc.constantFrom(undefined, 'about', 'over', 'under');

  it('Arabic and Chinese figures in every unit read back the same value, unit and qualifier', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(written, fc.constantFrom(...units), fc.constantFrom<NumberForm>('arabic', 'chinese'), qualifier, (n, unitText, form, q) => {
        const info = unitInfo(unitText) ?? { canonical: '', dimension: 'count' as const, factor: 1 };
        const value = Number(`${n}e${Math.round(Math.log10(info.factor))}`);
        const text = formatValue(value, unitText, { form }, { qualifier: q });
        const back = parseQuantity(text);
        assert.ok(back, `${text} (from ${value} ${unitText} ${form} ${q}) did not parse`);
        assert.ok(Math.abs(back.value - value) <= 1e-9 * Math.max(1, Math.abs(value)), `${text}: ${back.value} ≠ ${value}`);
        assert.equal(back.unit, info.canonical, text);
        assert.equal(back.qualifier, q ?? 'exact', text);
      }),
      { numRuns: 2000 },
    );
  });

  it('fractions and 成 read back', () => {
    const fractions = fc.integer({ min: 2, max: 10 }).chain((d) => fc.tuple(fc.integer({ min: 1, max: d - 1 }), fc.constant(d)));
    fc.assert(
      fc.property(fractions, qualifier, ([n, d], q) => {
        const value = (100 * n) / d;
        const text = formatValue(value, '', { form: 'fraction' }, { qualifier: q });
        const back = parseQuantity(text);
        assert.ok(back, text);
        assert.ok(Math.abs(back.value - value) < 1e-9, text);
        assert.equal(back.qualifier, q ?? 'exact', text);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.boolean(), (k, arabicDigits) => {
        const text = formatValue(10 * k, '成', { form: 'cheng', arabicDigits });
        assert.equal(parseQuantity(text)?.value, 10 * k, text);
      }),
    );
  });
});
