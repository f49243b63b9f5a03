/**
 * The checking engine on the bundled fact base: each source checked as of its own date is
 * clean, and each verdict code comes out of a sentence a writer might write.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { loadFactBase, bundledFactsDir, today } from '../../server/src/node';
import { checkText } from '../../server/src/core';
import type { CheckResult, FactBase } from '../../server/src/core';

let base: FactBase;

function finding(res: CheckResult, text: string, figure: string) {
  const at = text.indexOf(figure);
  return res.findings.find((f) => f.start <= at && f.end > at);
}

function claim(res: CheckResult, text: string, figure: string) {
  const at = text.indexOf(figure);
  return res.claims.find((c) => c.start <= at && c.end > at);
}

describe('engine', function () {
  this.timeout(20000);
  before(() => {
    const loaded = loadFactBase([bundledFactsDir()]);
    assert.equal(loaded.problems.filter((p) => p.severity === 'error').length, 0);
    base = loaded.base;
  });

  it('finds no error or warning in any source checked as of its publication date', () => {
    for (const s of base.sources) {
      const res = checkText(readFileSync(s.file, 'utf8'), base, { asOf: s.published });
      const flags = res.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(flags.map((f) => `${s.id}: ${f.code} ${f.message}`), []);
      const verified = res.claims.filter((c) => c.status === 'verified').length;
      assert.ok(verified / res.claims.length > 0.9, `${s.id}: ${verified}/${res.claims.length} verified`);
    }
  });

  const cases: [string, string, string, string?][] = [
    // [draft, figure, code, expected]
    ['---\ndate: 2025-12-15\n---\n“十四五”以来，怀柔区GDP年均增长7.5%。', '7.5%', 'wrong-value', '5.7%'],
    ['---\ndate: 2025-08-01\n---\n海淀区经常参加体育锻炼人数占常住人口比例达到56.5个百分点。', '56.5个百分点', 'wrong-unit', '56.5%'],
    ['---\ndate: 2025-08-01\n---\n海淀区2023年地区生产总值12907.1亿元。', '12907.1亿元', 'wrong-period', '12155.2亿元'],
    ['---\ndate: 2025-08-01\n---\n怀柔区有高校37所。', '37所', 'misattributed'],
    ['---\ndate: 2026-01-01\n---\n怀柔区在怀科研人员达2.3万人。', '2.3万人', 'outdated-value', '2.6万人'],
    ['---\ndate: 2025-12-15\n---\n怀柔区委常委、副区长兰雄景出席。', '兰雄景', 'wrong-role'],
    ['---\ndate: 2025-12-15\n---\n怀柔区委副书记、区长于庆丰出席。', '于庆丰', 'outdated-role', '梁爽'],
    ['---\ndate: 2025-12-15\n---\n怀柔区目前已有超过2000名青年人才享受该政策。', '超过2000名', 'qualifier-mismatch'],
    ['---\ndate: 2025-12-15\n---\n怀柔科学城布局的6个大科学装置中，4个已通过国家验收，占比超过七成。', '超过七成', 'arithmetic'],
  ];
  for (const [draft, figure, code, expected] of cases) {
    it(`${code}: ${figure}`, () => {
      const res = checkText(draft, base, { asOf: today(), locale: 'zh' });
      const f = finding(res, draft, figure);
      assert.ok(f, `no finding on ${figure}: ${JSON.stringify(res.findings.map((x) => x.code))}`);
      assert.equal(f.code, code, f.message);
      if (expected) assert.equal(f.expected, expected);
      assert.ok(f.message.length > 0);
    });
  }

  it('corrects a wrong title with the titles the sources record in the organisation the draft names, named as the draft names it', () => {
    const cases: [string, string, string, string][] = [
      // [date, draft, title run replaced, title written]
      ['2025-12-15', '怀柔区委常委、副区长兰雄景出席。', '怀柔区委常委、副区长', '怀柔区副区长'], // not 怀柔科学城管委会副主任: another body
      ['2025-08-05', '海淀区委书记李俊杰强调。', '海淀区委书记', '海淀区委副书记、区长'], // recorded 区委副书记、区长: the district kept
      ['2023-09-05', '据海淀区区长于军介绍。', '海淀区区长', '海淀区委书记'], // not 北京市人大代表: not a title of 海淀区
      ['2025-12-15', '怀柔区副区长刘敏华介绍。', '怀柔区副区长', '怀柔区委常委、组织部部长'],
    ];
    for (const [date, text, replaced, written] of cases) {
      const draft = `---\ndate: ${date}\n---\n${text}`;
      const f = checkText(draft, base, { asOf: today() }).findings.find((x) => x.code === 'wrong-role');
      assert.ok(f?.fix, `${text}: ${JSON.stringify(f)}`);
      assert.equal(draft.slice(f.fix.start, f.fix.end), replaced, text);
      assert.equal(f.fix.newText, written, text);
      assert.equal(f.expected, written, 'expected is what the fix writes');
      const fixed = draft.slice(0, f.fix.start) + f.fix.newText + draft.slice(f.fix.end);
      const again = checkText(fixed, base, { asOf: today() }).claims.find((c) => c.kind === 'role');
      assert.equal(again?.status, 'verified', fixed);
    }
  });

  it('inconsistent: the same measure stated twice with different values', () => {
    const draft = '---\ndate: 2025-04-20\n---\n今年以来，雁栖湖国际会都已承接会议活动320场。\n\n今年以来，雁栖湖国际会都共承接会议活动350场。';
    const res = checkText(draft, base, { asOf: today() });
    const f = finding(res, draft, '350场');
    assert.equal(f?.code, 'inconsistent');
    assert.equal(f?.expected, '320场');
  });

  it('arithmetic: a total that is not the sum of its parts', () => {
    const draft = '---\ndate: 2025-08-01\n---\n海淀区现有三级医院23家、二级医院34家，合计60家。';
    const f = finding(checkText(draft, base, { asOf: today() }), draft, '60家');
    assert.equal(f?.code, 'arithmetic');
    assert.equal(f?.expected, '57家');
    const right = draft.replace('60家', '57家');
    assert.equal(finding(checkText(right, base, { asOf: today() }), right, '57家')?.code ?? 'none', 'unverified');
  });

  it('verifies a correct figure and cites its source with the quote', () => {
    const draft = '---\ndate: 2025-12-15\n---\n怀柔区拥有等级旅游景区17家，民宿1800余家。';
    const res = checkText(draft, base, { asOf: today() });
    const c = claim(res, draft, '17家');
    assert.equal(c?.status, 'verified');
    assert.ok(c?.citations[0].quote.includes('17家'));
    assert.equal(claim(res, draft, '1800余家')?.status, 'verified');
  });

  it('writes the expected value the way the draft writes numbers', () => {
    const draft = '---\ndate: 2025-12-15\n---\n怀柔区吸引两院院士九十五名。';
    const f = finding(checkText(draft, base, { asOf: today() }), draft, '九十五名');
    assert.equal(f?.expected, '九十三名');
    assert.deepEqual(f?.fix && draft.slice(f.fix.start, f.fix.end), '九十五名');
  });

  it('reports a figure it cannot match as unverified information, or not at all when asked', () => {
    const draft = '---\ndate: 2025-12-15\n---\n怀柔区新建停车位4321个。';
    const f = finding(checkText(draft, base, { asOf: today() }), draft, '4321个');
    assert.equal(f?.code, 'unverified');
    assert.equal(f?.severity, 'information');
    assert.equal(finding(checkText(draft, base, { asOf: today(), reportUnverified: false }), draft, '4321个'), undefined);
  });

  it('does not call a figure wrong on a weak match, an unknown subject or an addition counted against a total', () => {
    const draft = [
      '---', 'date: 2025-12-20', '---',
      '怀柔区2024年接待游客1200万人次。', // tourists, not the 会都's conference visitors
      '海淀区一般公共预算收入增长4.5%，社会消费品零售总额增长3.2%。', // not GDP growth
      '怀柔科学城新增科研人员3000名。', // an addition, not the number of researchers
      '全区共有中小学45所。', // which district?
    ].join('\n');
    const flags = checkText(draft, base, { asOf: today() }).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(flags.map((f) => `${f.code} ${draft.slice(f.start, f.end)}`), []);
  });

  it('never flags headings, dates and names', () => {
    const draft = '---\ndate: 2025-12-15\n---\n# 一、总体情况\n\n（二）2024年7月17日，PM2.5浓度、G20会议、5G基站、地铁16号线、《流浪地球2》、“1+3”格局。\n';
    assert.deepEqual(checkText(draft, base, { asOf: today() }).claims, []);
  });

  it('takes the draft date from front matter, else the option, and speaks English when asked', () => {
    const draft = '怀柔区在怀科研人员达2.3万人。';
    assert.equal(checkText(draft, base, { asOf: '2024-09-01' }).claims[0].status, 'verified');
    const res = checkText(draft, base, { asOf: '2026-01-01', locale: 'en' });
    assert.equal(res.findings[0].code, 'outdated-value');
    assert.match(res.findings[0].message, /newer value/);
  });

  it('honours factcheck-disable-next-line', () => {
    const draft = '<!-- factcheck-disable-next-line -->\n“十四五”以来，怀柔区GDP年均增长7.5%。';
    const res = checkText(draft, base, { asOf: '2025-12-15' });
    assert.equal(res.findings.length, 0);
    assert.equal(res.claims[0].status, 'suppressed');
  });
});
