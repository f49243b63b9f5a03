/**
 * parseQuantity (one whole figure), unitInfo (units with scales) and valueInterval (what
 * a figure plausibly denotes from its precision and qualifier).
 */
import { strict as assert } from 'node:assert';
import { parseQuantity, unitInfo, valueInterval } from '../../server/src/core/numbers';
import type { Quantity } from '../../server/src/core';

function parsed(figure: string): Quantity {
  const q = parseQuantity(figure);
  assert.ok(q, `parseQuantity(${JSON.stringify(figure)}) read nothing`);
  return q;
}

describe('numbers: parseQuantity', () => {
  const cases: [string, Partial<Quantity>][] = [
    ['40余个', { value: 40, unit: '个', qualifier: 'over', dimension: 'count' }],
    ['2.3万人', { value: 23000, unit: '人', unitText: '万人', precision: 1000 }],
    ['12907.1亿元', { value: 1290710000000, unit: '元', dimension: 'money', precision: 1e7 }],
    ['近七成', { value: 70, unit: '%', dimension: 'percent', qualifier: 'under', form: 'cheng', precision: 10 }],
    ['三分之二', { value: 200 / 3, unit: '%', dimension: 'fraction', form: 'fraction' }],
    ['6.5个百分点', { value: 6.5, unit: '个百分点', dimension: 'points' }],
    ['1至2所', { value: 1, high: 2, unit: '所' }],
    ['百分之五点七', { value: 5.7, unit: '%', dimension: 'percent', form: 'chinese' }],
    ['约四分之一', { value: 25, dimension: 'fraction', qualifier: 'about' }],
    ['超过60万小时', { value: 600000, unit: '小时', dimension: 'duration', qualifier: 'over' }],
    ['360余万人次', { value: 3600000, unit: '人次', qualifier: 'over' }],
    ['突破万亿元', { value: 1e12, unit: '元', qualifier: 'over' }],
    ['200.45万', { value: 2004500, unit: '', unitText: '万', dimension: 'count' }],
    ['37', { value: 37, unit: '', dimension: 'count' }],
    ['2014年', { value: 2014, unit: '年' }],
    ['第1', { value: 1, dimension: 'rank' }],
    ['第一', { value: 1, dimension: 'rank', form: 'chinese' }],
    ['千', { value: 1000, form: 'chinese' }],
    ['两届', { value: 2, unit: '届' }],
    ['达2.3万人', { value: 23000, text: '2.3万人', qualifier: 'exact' }],
    ['１２３家', { value: 123, unit: '家' }],
    ['二点六万名', { value: 26000, unit: '名', precision: 1000 }],
    ['2.7万平米', { value: 27000, unit: '平方米', dimension: 'area' }],
    ['1.53万公顷', { value: 153000000, unit: '平方米' }],
  ];
  for (const [figure, expected] of cases) {
    it(figure, () => {
      const q = parsed(figure);
      for (const [k, v] of Object.entries(expected)) assert.deepEqual(q[k as keyof Quantity], v, `${k} of ${figure}`);
    });
  }

  it('reads values without float noise', () => {
    assert.equal(parsed('1.2万亿元').value, 1.2e12);
    assert.equal(parsed('2.3万人').value, 23000);
    assert.equal(parsed('0.7亿元').value, 70000000);
    assert.equal(parsed('35.56%').value, 35.56);
    assert.equal(parsed('1.53万公顷').precision, 1e6);
  });

  it('reads nothing from names, partial figures and non-numbers', () => {
    for (const f of ['16号线', '万P级', '2.25万场，接待', '三个方面', '', '余个', 'abc', '十四五', '一二三', '第', '近']) {
      assert.equal(parseQuantity(f), undefined, f);
    }
  });

  it('never throws on non-strings', () => {
    assert.equal(parseQuantity(undefined as unknown as string), undefined);
    assert.equal(parseQuantity(12 as unknown as string), undefined);
  });
});

describe('numbers: unitInfo', () => {
  const cases: [string, ReturnType<typeof unitInfo>][] = [
    ['亿元', { canonical: '元', dimension: 'money', factor: 1e8 }],
    ['万元', { canonical: '元', dimension: 'money', factor: 1e4 }],
    ['万亿元', { canonical: '元', dimension: 'money', factor: 1e12 }],
    ['元', { canonical: '元', dimension: 'money', factor: 1 }],
    ['平方公里', { canonical: '平方米', dimension: 'area', factor: 1e6 }],
    ['公顷', { canonical: '平方米', dimension: 'area', factor: 1e4 }],
    ['平米', { canonical: '平方米', dimension: 'area', factor: 1 }],
    ['万平方米', { canonical: '平方米', dimension: 'area', factor: 1e4 }],
    ['公里', { canonical: '米', dimension: 'length', factor: 1000 }],
    ['千米', { canonical: '米', dimension: 'length', factor: 1000 }],
    ['%', { canonical: '%', dimension: 'percent', factor: 1 }],
    ['成', { canonical: '%', dimension: 'percent', factor: 10 }],
    ['百分之', { canonical: '%', dimension: 'percent', factor: 1 }],
    ['个百分点', { canonical: '个百分点', dimension: 'points', factor: 1 }],
    ['百分点', { canonical: '个百分点', dimension: 'points', factor: 1 }],
    ['个', { canonical: '个', dimension: 'count', factor: 1 }],
    ['人次', { canonical: '人次', dimension: 'count', factor: 1 }],
    ['万人次', { canonical: '人次', dimension: 'count', factor: 1e4 }],
    ['万套', { canonical: '套', dimension: 'count', factor: 1e4 }],
    ['千人', { canonical: '人', dimension: 'count', factor: 1000 }],
    ['万', { canonical: '', dimension: 'count', factor: 1e4 }],
    ['小时', { canonical: '小时', dimension: 'duration', factor: 1 }],
    ['万小时', { canonical: '小时', dimension: 'duration', factor: 1e4 }],
    ['年', { canonical: '年', dimension: 'duration', factor: 1 }],
    ['趟', { canonical: '趟', dimension: 'count', factor: 1 }],
    ['倍', { canonical: '倍', dimension: 'none', factor: 1 }],
  ];
  for (const [u, expected] of cases) it(u, () => assert.deepEqual(unitInfo(u), expected));

  it('knows every counter of the spec', () => {
    for (const c of '个 家 人 名 项 所 部 场 人次 套 间 条 款 届 位 只 台 座 栋 处 批 片 块 家次 场次'.split(' ')) {
      assert.deepEqual(unitInfo(c), { canonical: c, dimension: 'count', factor: 1 }, c);
    }
  });

  it('knows nothing else', () => {
    for (const u of ['', '帧', '号', '万%', '亿个百分点', 'abc', '余', '月']) assert.equal(unitInfo(u), undefined, u);
  });
});

describe('numbers: valueInterval', () => {
  const iv = (f: string): [number, number] => valueInterval(parsed(f));
  const cases: [string, [number, number]][] = [
    ['2.6万', [25500, 26500]],
    ['37所', [36.5, 37.5]],
    ['12907.1亿元', [1290705000000, 1290715000000]],
    ['约1.29万亿元', [1.285e12, 1.295e12]],
    ['约500家', [450, 550]],
    ['约四分之一', [22.5, 27.5]],
    ['近2000名', [1800, 2000]],
    ['近七成', [63, 70]],
    ['近千间', [900, 1000]],
    ['近90万小时', [810000, 900000]],
    ['350余名', [350, 400]],
    ['40余个', [40, 50]],
    ['1800余家', [1800, 1900]],
    ['360余万人次', [3600000, 3700000]],
    ['1300多名', [1300, 1400]],
    ['5000多名', [5000, 6000]],
    ['超过60万小时', [600000, 700000]],
    ['突破9500亿元', [9.5e11, 1e12]],
    ['四分之一强', [25, 30]],
    ['七成', [65, 75]],
    ['1至2所', [0.5, 2.5]],
    ['10%～20%', [9.5, 20.5]],
  ];
  for (const [f, expected] of cases) it(`${f} → [${expected}]`, () => assert.deepEqual(iv(f), expected));

  it('makes 近七成 and 近70% the same interval, and 约1.29万亿元 hold 12907.1亿元', () => {
    assert.deepEqual(iv('近七成'), iv('近70%'));
    const [lo, hi] = iv('约1.29万亿元');
    const v = parsed('12907.1亿元').value;
    assert.ok(lo <= v && v <= hi);
  });

  it('holds the value itself, and the low end for over / the high end for under', () => {
    for (const f of ['2.3万人', '近500家', '超700亿元', '三分之二', '5.7%', '约4690万平方米']) {
      const q = parsed(f);
      const [lo, hi] = valueInterval(q);
      assert.ok(lo <= q.value && q.value <= hi, f);
      if (q.qualifier === 'over') assert.equal(lo, q.value);
      if (q.qualifier === 'under') assert.equal(hi, q.value);
    }
  });
});

describe('numbers: parseQuantity in its quote', () => {
  it('reads a figure as the scanner reads it in the quote', () => {
    const q = parseQuantity('30个', '解决率、满意率分别提高了30个和16个百分点');
    assert.ok(q);
    assert.deepEqual([q.value, q.unit, q.dimension, q.start, q.end, q.numberStart, q.numberEnd], [30, '个百分点', 'points', 0, 3, 0, 2]);
    assert.equal(parseQuantity('30个')?.unit, '个');
  });

  it('falls back to the figure alone when the scanner skips it there', () => {
    assert.equal(parseQuantity('第1', '排名全市第1')?.dimension, 'rank');
    assert.equal(parseQuantity('2014年', '成立于2014年')?.value, 2014);
    assert.equal(parseQuantity('2.3万人', '另一句话')?.value, 23000);
  });
});
