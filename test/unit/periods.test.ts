/**
 * Period mentions: years, parts of years, plan periods, spans, as-of markers and dates,
 * in the fact base's period syntax or as relative mentions.
 */
import { strict as assert } from 'node:assert';
import { scanPeriods } from '../../server/src/core/numbers';
import type { PeriodMention } from '../../server/src/core';
import { describePeriod, parsePeriod, relatePeriods } from '../../server/src/core/draft';

const brief = (t: string): [string, string | undefined, PeriodMention['relative']][] =>
  scanPeriods(t).map((p) => [p.text, p.period, p.relative]);

describe('periods: scanPeriods', () => {
  const cases: [string, [string, string | undefined, PeriodMention['relative']][]][] = [
    ['2023年群众安全感指数', [['2023年', '2023', undefined]]],
    ['2023年和2024年分别达12155.2亿元和12907.1亿元', [['2023年', '2023', undefined], ['2024年', '2024', undefined]]],
    ['2022、2023年', [['2022', '2022', undefined], ['2023年', '2023', undefined]]],
    ['2021-2025年', [['2021-2025年', '2021/2025', undefined]]],
    ['2021至2025年', [['2021至2025年', '2021/2025', undefined]]],
    ['2023年度国家科学技术奖', [['2023年度', '2023', undefined]]],
    ['2022年前三季度', [['2022年前三季度', '2022Q1-3', undefined]]],
    ['2024年上半年', [['2024年上半年', '2024H1', undefined]]],
    ['2024年第二季度', [['2024年第二季度', '2024Q2', undefined]]],
    ['2024年1-6月', [['2024年1-6月', '2024H1', undefined]]],
    ['截至2023年底', [['2023年底', '@2023-12-31', undefined]]],
    ['2025年7月17日', [['2025年7月17日', '@2025-07-17', undefined]]],
    ['2025-12-01', [['2025-12-01', '@2025-12-01', undefined]]],
    ['今年上半年地区生产总值', [['今年上半年', undefined, { yearOffset: 0, part: 'H1' }]]],
    ['上半年地区生产总值', [['上半年', undefined, { yearOffset: 0, part: 'H1', implicit: true }]]],
    ['前三季度,全区实现', [['前三季度', undefined, { yearOffset: 0, part: 'Q1-3', implicit: true }]]],
    ['今年前三季度', [['今年前三季度', undefined, { yearOffset: 0, part: 'Q1-3' }]]],
    ['去年以来', [['去年以来', undefined, { yearOffset: -1, asOf: true }]]],
    ['去年', [['去年', undefined, { yearOffset: -1 }]]],
    ['今年', [['今年', undefined, { yearOffset: 0 }]]],
    ['“十四五”以来,怀柔区GDP年均增长5.7%', [['“十四五”以来', undefined, { since: 2021, asOf: true }]]],
    ['十四五以来', [['十四五以来', undefined, { since: 2021, asOf: true }]]],
    ['"十四五"时期', [['"十四五"时期', '2021/2025', undefined]]],
    ['“十三五”以来', [['“十三五”以来', undefined, { since: 2016, asOf: true }]]],
    ['较“十三五”末提高了6.5个百分点', [['“十三五”末', '2020', undefined]]],
    ['“十五五”科技设施项目', [['“十五五”', '2026/2030', undefined]]],
    ['近3年农村居民人均可支配收入', [['近3年', undefined, { span: 3, yearOffset: -3 }]]],
    ['近三年', [['近三年', undefined, { span: 3, yearOffset: -3 }]]],
    ['未来3年全区将新增', [['未来3年', undefined, { span: 3, yearOffset: 1 }]]],
    ['五年来,北部地区累计', [['五年来', undefined, { span: 5, yearOffset: -5, asOf: true }], ['累计', undefined, { asOf: true }]]],
    ['2021年年初以来新增', [['2021年年初以来', undefined, { since: 2021, asOf: true }]]],
    ['2019年以来', [['2019年以来', undefined, { since: 2019, asOf: true }]]],
    ['截至目前已有10个平台', [['截至目前', undefined, { asOf: true }]]],
    ['目前,在怀科研人员', [['目前', undefined, { asOf: true }]]],
    ['现有上市企业262家', [['现有', undefined, { asOf: true }]]],
    ['二〇二三年', [['二〇二三年', '2023', undefined]]],
  ];
  for (const [text, expected] of cases) {
    it(text, () => assert.deepEqual(brief(text), expected));
  }

  it('leaves out dates without a year, clock times and non-periods', () => {
    assert.deepEqual(brief('7月17日下午,11月27日举办,14:02'), []);
    assert.deepEqual(brief('连续5年达到国家二级标准,经过八年努力,1-3年长期为民实事'), []);
    assert.deepEqual(brief('2024国际基础科学大会'), []);
    assert.deepEqual(brief('近年来,海淀区'), []);
    assert.deepEqual(brief('近30万人'), []);
  });

  it('gives offsets into the original text', () => {
    const t = '据介绍，“十四五”以来增长5.7%';
    const [p] = scanPeriods(t);
    assert.equal(t.slice(p.start, p.end), '“十四五”以来');
  });
});

describe('periods: months, month ranges, as-of dates and cumulative periods', () => {
  it('reads months and month ranges after a year, and a month range alone in the current year', () => {
    assert.deepEqual(brief('2025年1—11月，全区'), [['2025年1—11月', '2025M01-11', undefined]]);
    assert.deepEqual(brief('2024年7月，国科大'), [['2024年7月', '2024M07', undefined]]);
    assert.deepEqual(brief('今年7月份国科大'), [['今年7月份', undefined, { yearOffset: 0, part: 'M07' }]]);
    assert.deepEqual(brief('1—11月，全区'), [['1—11月', undefined, { yearOffset: 0, part: 'M01-11', implicit: true }]]);
    assert.deepEqual(brief('2024年7月17日'), [['2024年7月17日', '@2024-07-17', undefined]]);
    assert.deepEqual(brief('截至2024年底'), [['2024年底', '@2024-12-31', undefined]]);
    assert.deepEqual(brief('2019年以来'), [['2019年以来', undefined, { since: 2019, asOf: true }]]);
  });

  it('parses, relates and describes month periods', () => {
    assert.deepEqual(parsePeriod('2024M07'), { kind: 'month', year: 2024, from: 7, to: 7 });
    assert.deepEqual(parsePeriod('2025M01-11'), { kind: 'month', year: 2025, from: 1, to: 11 });
    assert.equal(relatePeriods(parsePeriod('2024M07'), parsePeriod('2024M07')), 'same');
    assert.equal(relatePeriods(parsePeriod('2024M06'), parsePeriod('2024M07')), 'other');
    assert.equal(relatePeriods(parsePeriod('2025M01-11'), parsePeriod('2025M01-10')), 'other');
    assert.equal(relatePeriods(parsePeriod('2024'), parsePeriod('2024M07')), 'other', 'a year is not one of its months');
    assert.equal(relatePeriods(parsePeriod('2024M08'), parsePeriod('@2024-08-26')), 'same', 'a stock as of a day of the month');
    assert.equal(describePeriod('2025M01-11', 'zh'), '2025年1—11月');
    assert.equal(describePeriod('2024M07', 'en'), 'Jul 2024');
  });
});

describe('periods: holidays', () => {
  it('reads a holiday as a part of its year, alone (the year from context) or after a year', () => {
    assert.deepEqual(brief('国庆假期，全区接待游客'), [['国庆假期', undefined, { yearOffset: 0, part: 'Vnational', implicit: true }]]);
    assert.deepEqual(brief('春节期间'), [['春节期间', undefined, { yearOffset: 0, part: 'Vspring', implicit: true }]]);
    assert.deepEqual(brief('五一小长假'), [['五一小长假', undefined, { yearOffset: 0, part: 'Vlabour', implicit: true }]]);
    assert.deepEqual(brief('国庆节期间'), [['国庆节期间', undefined, { yearOffset: 0, part: 'Vnational', implicit: true }]]);
    assert.deepEqual(brief('2024年国庆假期'), [['2024年国庆假期', '2024Vnational', undefined]]);
    assert.deepEqual(brief('暑期'), [['暑期', undefined, { yearOffset: 0, part: 'Vsummer', implicit: true }]]);
  });

  it('leaves holiday names without a holiday word alone (春节联欢晚会, 国庆阅兵) and reads 五一 and 十一 as numbers otherwise', () => {
    assert.deepEqual(brief('春节联欢晚会'), []);
    assert.deepEqual(brief('国庆阅兵'), []);
    assert.deepEqual(brief('十一个项目'), []);
  });

  it('never relates a holiday to a year, a month or a stock: a holiday’s figure is not the year’s', () => {
    const h = parsePeriod('2024Vnational');
    assert.deepEqual(h, { kind: 'part', year: 2024, part: 'Vnational' });
    assert.equal(relatePeriods(h, parsePeriod('2024')), 'other');
    assert.equal(relatePeriods(h, parsePeriod('2024M10')), 'other');
    assert.equal(relatePeriods(h, parsePeriod('@2024-10-07')), 'other');
    assert.equal(relatePeriods(parsePeriod('2024'), h), 'other');
    assert.equal(describePeriod('2024Vnational', 'zh'), '2024年国庆假期');
    assert.equal(describePeriod('2024Vnational', 'en'), '2024 National Day holiday');
  });
});

describe('periods: a month opening a clause', () => {
  it('reads 3月， at a clause start as that month of the text’s year; 7月17日 and 3月份的会议 stay dates', () => {
    assert.deepEqual(brief('3月，全区接待游客8.5万人次'), [['3月', undefined, { yearOffset: 0, part: 'M03', implicit: true }]]);
    assert.deepEqual(brief('今年以来，10月，全区'), [['今年以来', undefined, { yearOffset: 0, asOf: true }], ['10月', undefined, { yearOffset: 0, part: 'M10', implicit: true }]]);
    assert.deepEqual(brief('7月17日，海淀区召开'), []);
    assert.deepEqual(brief('在3月的会议上'), []);
  });
});

describe('periods: since a party congress', () => {
  it('reads 党的十八大以来 and 二十大以来 as cumulative since that congress’s year', () => {
    assert.deepEqual(brief('党的十八大以来，海淀经济年均增长'), [['党的十八大以来', undefined, { since: 2012, asOf: true }]]);
    assert.deepEqual(brief('二十大以来'), [['二十大以来', undefined, { since: 2022, asOf: true }]]);
    assert.deepEqual(brief('十八大代表'), []);
  });
});

describe('periods: 截至 a year', () => {
  it('reads 截至2022年 (the year alone) as that year’s end; 截至2022年底 and 2022年以来 as before', () => {
    assert.deepEqual(brief('截至2022年，全区'), [['2022年', '@2022-12-31', undefined]]);
    assert.deepEqual(brief('截至2022年底'), [['2022年底', '@2022-12-31', undefined]]);
    assert.deepEqual(brief('2022年，全区'), [['2022年', '2022', undefined]]);
  });
});
