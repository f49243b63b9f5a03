/**
 * renderFigure: a source's figure written for a draft — the source's value, scale, unit
 * and qualifier as one whole, in the draft's number style — on the cases of issue 16 and
 * the forms a draft may use; and, for generated figures, that the text written reads back
 * as the source's value and qualifier, in the source's unit.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseQuantity, plainNumber, renderFigure, unitInfo } from '../../server/src/core/numbers';
import type { Quantity } from '../../server/src/core';

function q(figure: string, context?: string): Quantity {
  const r = parseQuantity(figure, context);
  assert.ok(r, figure);
  return r;
}

describe('numbers: renderFigure', () => {
  const cases: [string, string, string, string?][] = [
    // [source figure, draft figure, written, quote]
    ['18平方公里', '18万平方米', '18平方公里'], // not 18万平方公里: the draft's 万 is never kept over the source's unit
    ['超700亿元', '超700万元', '超700亿元'],
    ['7146.8亿元', '7146.8万元', '7146.8亿元'],
    ['1.53万公顷', '1.53万平方公里', '1.53万公顷'],
    ['30个', '30%', '30个百分点', '解决率、满意率分别提高了30个和16个百分点'], // a unit the quote shares
    ['6.5个百分点', '6.5%', '6.5个百分点'],
    ['56.5%', '56.5个百分点', '56.5%'],
    ['突破万亿元', '约9500亿元', '突破万亿元'], // not 突破10000亿元
    ['1.29万亿元', '12155.2亿元', '1.29万亿元'], // not 12900亿元: no zeros the source did not write
    ['12155.2亿元', '1.2万亿元', '1.21552万亿元'], // the draft's scale, the source's digits
    ['26000人', '2.3万人', '2.6万人'],
    ['2.6万人', '23000人', '2.6万人'],
    ['五分之一', '三成', '两成'], // not 二成
    ['五分之一', '三分之一', '五分之一'],
    ['五分之一', '36%', '20%'],
    ['三分之二', '七成', '三分之二'], // no exact 成: the source's own form
    ['26.5%', '四分之一', '26.5%'],
    ['约四分之一', '约三分之一', '约四分之一'],
    ['超过八成', '近八成', '超过八成'],
    ['四分之一强', '30%', '超过25%'], // 强 only follows a fraction or 成
    ['77.5%', '百分之三十五', '百分之七十七点五'],
    ['2000余名', '近两千名', '两千余名'],
    ['近千间', '千余间', '近千间'],
    ['2.6万名', '九十三名', '两万六千名'],
    ['10届', '十二届', '十届'],
    ['2届', '三届', '两届'],
    ['1至2所', '2至3所', '1至2所'],
    ['1至2所', '5所', '1至2所'],
    ['350余家', '530余家', '350余家'],
    ['近90万小时', '超过90万小时', '近90万小时'],
    ['360余万人次', '300万人次', '360余万人次'],
    ['3万余人', '20000人', '3万余人'],
    ['37个', '４０个', '３７个'],
    ['1234家', '1,000家', '1,234家'],
    ['八年', '7年', '8年'],
    ['200.45万', '180万', '200.45万'],
  ];
  for (const [source, draft, written, quote] of cases) {
    it(`${source} for ${draft} → ${written}`, () => assert.equal(renderFigure(q(source, quote), q(draft)), written));
  }

  it('leaves the qualifier out when asked', () => {
    assert.equal(renderFigure(q('近90万小时'), q('80万小时'), { qualifier: false }), '90万小时');
  });

  it('writes any figure so that it reads back as the source\'s value and qualifier, in the source\'s unit', () => {
    const units = ['个', '家', '万人', '人次', '万人次', '元', '万元', '亿元', '万亿元', '平方米', '万平方米', '平方公里', '公顷', '小时', '万小时', '%', '个百分点'];
    const quals = ['', '约', '近', '超过'];
    const figure = fc
      .record({
        n: fc.oneof(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 1, max: 99999 }).map((x) => x / 10), fc.integer({ min: 1, max: 99999 }).map((x) => x / 100)),
        unit: fc.constantFrom(...units),
        qual: fc.constantFrom(...quals),
      })
      .map(({ n, unit, qual }) => `${qual}${plainNumber(n)}${unit}`);
    const draft = fc.record({ n: fc.integer({ min: 1, max: 9999 }), unit: fc.constantFrom(...units), chinese: fc.boolean() });
    fc.assert(
      fc.property(figure, draft, (s, d) => {
        const src = q(s);
        const like = parseQuantity(`${d.n}${d.unit}`);
        if (!like) return;
        if (d.chinese) like.form = 'chinese';
        const out = renderFigure(src, like);
        const back = parseQuantity(out);
        assert.ok(back, `${out} (for ${s} like ${d.n}${d.unit}) reads as no figure`);
        assert.ok(Math.abs(back.value - src.value) <= 1e-9 * Math.max(1, Math.abs(src.value)), `${out}: ${back.value}, not ${src.value} (${s})`);
        assert.equal(back.qualifier, src.qualifier, `${out} for ${s}`);
        assert.equal(unitInfo(back.unitText)?.canonical ?? back.unit, unitInfo(src.unitText)?.canonical ?? src.unit, `${out} for ${s}`);
        // Arabic numerals write the source's own digits, without zeros it did not write (突破10000亿元).
        if (/[0-9]/.test(out)) {
          const num = (x: Quantity) => x.text.slice(x.numberStart - x.start, x.numberEnd - x.start).replace(/[^0-9]/g, '');
          const sig = (t: string) => t.replace(/^0+/, '').replace(/0+$/, '');
          const zeros = (t: string) => t.length - t.replace(/0+$/, '').length;
          assert.equal(sig(num(back)), sig(num(src)), `${out} for ${s}`);
          if (!/\./.test(num(back))) assert.ok(/\./.test(back.text) || zeros(num(back)) <= zeros(num(src)), `${out} adds zeros to ${s}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});
