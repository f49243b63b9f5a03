/**
 * Tables in drafts (core/draft/tables.ts): Markdown pipe tables and tab-separated tables are
 * found with each cell's offsets; a cell's figure is checked with its row's label, the
 * unit in the label or a unit column and its column's header as the period, and the
 * result lands on the cell, its fix without the unit the reading borrowed.
 */
import { strict as assert } from 'node:assert';
import { loadFactBase, bundledFactsDir, today } from '../../server/src/node';
import { checkText } from '../../server/src/core';
import { findTables } from '../../server/src/core/draft';
import type { CheckResult, FactBase } from '../../server/src/core';

let base: FactBase;

/** The claim and finding on the n-th occurrence (0-based) of `figure` in `text`. */
function at(res: CheckResult, text: string, figure: string, n = 0) {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(figure, i + 1);
  return { claim: res.claims.find((c) => c.start === i), finding: res.findings.find((f) => f.start === i) };
}

describe('tables', function () {
  this.timeout(20000);
  before(() => {
    base = loadFactBase([bundledFactsDir()]).base;
  });

  it('finds a pipe table and a tab table, with each cell where it is in the draft', () => {
    const text = '# 表\n\n| 指标 | 2024年 |\n| :-- | --: |\n| 高校（所） | 37 |\n\n类别\t指标\t数值\n科技\t院士\t93名\n';
    const [pipe, tab] = findTables(text, 0);
    assert.deepEqual(pipe.header.map((c) => c.text), ['指标', '2024年']);
    assert.equal(text.slice(pipe.rows[0][1].start, pipe.rows[0][1].end), '37');
    assert.deepEqual(tab.rows[0].map((c) => c.text), ['科技', '院士', '93名']);
    assert.equal(text.slice(tab.rows[0][2].start, tab.rows[0][2].end), '93名');
  });

  it('checks a cell with its row, unit and column, and writes a fix without the borrowed unit', () => {
    const text = [
      '---',
      'date: 2025-08-01',
      '---',
      '# 海淀区指标',
      '',
      '| 指标 | 2023年 | 2024年 |',
      '| --- | --- | --- |',
      '| 地区生产总值（亿元） | 12155.2 | 12155.2 |',
      '',
      '| 指标 | 现有 | 单位 |',
      '| --- | --- | --- |',
      '| 国家级科研机构 | 69 | 家 |',
      '| 区属国有企业 | 31 | 家 |',
    ].join('\n');
    const res = checkText(text, base, { asOf: today() });
    assert.equal(at(res, text, '12155.2').claim?.status, 'verified', '2023 column: 2023 figure');
    const period = at(res, text, '12155.2', 1);
    assert.equal(period.finding?.code, 'wrong-period', JSON.stringify(period.finding));
    assert.deepEqual(period.finding?.fix && { t: text.slice(period.finding.fix.start, period.finding.fix.end), n: period.finding.fix.newText }, { t: '12155.2', n: '12907.1' });
    const wrong = at(res, text, '69');
    assert.equal(wrong.finding?.code, 'wrong-value');
    assert.equal(wrong.finding?.fix?.newText, '96', 'the unit column keeps its 家');
    assert.equal(at(res, text, '31').claim?.status, 'unverified', 'a row the sources do not hold');
    // Applying the fix makes the cell verified.
    const fixed = text.slice(0, wrong.finding!.fix!.start) + '96' + text.slice(wrong.finding!.fix!.end);
    assert.equal(at(checkText(fixed, base, { asOf: today() }), fixed, '96').claim?.status, 'verified');
  });

  it('reads no figure out of a table twice, and none from its remarks', () => {
    const text = '---\ndate: 2025-08-01\n---\n# 海淀区\n\n| 指标 | 现有 | 备注 |\n| --- | --- | --- |\n| 高校 | 37所 | 其中部属高校20所 |\n';
    const res = checkText(text, base, { asOf: today() });
    assert.equal(res.claims.filter((c) => c.text.includes('37')).length, 1);
    assert.equal(res.claims.filter((c) => c.text.includes('20所')).length, 0);
  });

  it('reads a row whose label starts with a numeral (二级医院, 三甲医院) by its label, not as a figure', () => {
    const text = '---\ndate: 2025-09-15\n---\n# 海淀区\n\n| 指标 | 现有 | 备注 |\n| --- | --- | --- |\n| 医疗卫生机构（家） | 1474 | — |\n| 二级医院（家） | 32 | — |\n';
    const res = checkText(text, base, { asOf: today() });
    const { claim, finding } = at(res, text, '32');
    assert.ok(claim, 'the cell is a claim');
    assert.equal(claim.status, 'contradicted');
    assert.equal(finding?.code, 'wrong-value');
    assert.equal(finding?.fix?.newText, '34');
  });

  it('reads a row whose only label names a period (2025年前三季度…) by that label, the period included', () => {
    const text = '---\ndate: 2025-12-05\n---\n# 怀柔区\n\n类别\t指标\t数值\n产业\t森林覆盖率\t77.5%\n产业\t2025年前三季度现代服务业对GDP增长的贡献\t超过九成\n';
    const res = checkText(text, base, { asOf: today() });
    const { claim, finding } = at(res, text, '超过九成');
    assert.ok(claim, 'the cell is a claim');
    assert.equal(finding?.code, 'wrong-value');
    assert.equal(finding?.fix?.newText, '超过八成');
  });

  it('reads an aspect-only row (占全市比重) as an aspect of the object of the row above it', () => {
    const text = '---\ndate: 2025-09-15\n---\n# 海淀区\n\n| 指标 | 2025年上半年 |\n| --- | --- |\n| 地区生产总值（亿元） | 6636.8 |\n| 地区生产总值增速（%） | 6.9 |\n| 占全市比重 | 25.6% |\n';
    const res = checkText(text, base, { asOf: today() });
    const { claim, finding } = at(res, text, '25.6%');
    assert.equal(claim?.factId?.startsWith('haidian.gdp-share'), true, JSON.stringify(claim));
    assert.equal(finding?.code, 'wrong-value');
    assert.equal(finding?.fix?.newText, '26.5%');
  });

  it('leaves an aspect-only row unread when no row above names an object', () => {
    const text = '---\ndate: 2025-09-15\n---\n# 海淀区\n\n| 指标 | 2025年上半年 |\n| --- | --- |\n| 占全市比重 | 25.6% |\n';
    const res = checkText(text, base, { asOf: today() });
    assert.equal(at(res, text, '25.6%').finding?.severity ?? 'information', 'information');
  });

  it('gives a cell the place its column is headed by (海淀区 | 怀柔区)', () => {
    const text = '---\ndate: 2025-12-15\n---\n# 两区对比\n\n| 指标 | 海淀区 | 怀柔区 |\n| --- | --- | --- |\n| 森林覆盖率（%） | 35.56 | 77.5 |\n';
    const res = checkText(text, base, { asOf: today() });
    assert.equal(at(res, text, '35.56').claim?.status, 'verified');
    assert.equal(at(res, text, '77.5').claim?.status, 'verified', JSON.stringify(at(res, text, '77.5')));
  });
});
