/**
 * Ranks, firsts, editions and years of events in drafts, judged against the bundled fact
 * base: what the sources state is verified, a contradiction is wrong-value with the
 * source's statement as the fix (applying it verifies the claim), and a statement about
 * something the sources do not speak of (another subject, entity, group or event) is
 * silent — no claim, no finding.
 */
import { strict as assert } from 'node:assert';
import { loadFactBase, bundledFactsDir, today } from '../../server/src/node';
import { checkText } from '../../server/src/core';
import type { CheckResult, FactBase } from '../../server/src/core';

const draft = (body: string, date = '2024-09-10') => `---\ntitle: 测试\ndate: ${date}\n---\n${body}\n`;

describe('statements in drafts', function () {
  this.timeout(30000);
  let base: FactBase;
  before(() => (base = loadFactBase([bundledFactsDir()]).base));

  /** The claim whose text is `token` (its first occurrence after the front matter) and the finding on it. */
  function at(text: string, r: CheckResult, token: string) {
    const i = text.indexOf(token, text.indexOf('---', 4));
    return { claim: r.claims.find((c) => c.start === i), finding: r.findings.find((f) => f.start <= i && i < f.end) };
  }

  /** Checks `body`; the claim `token` has `status`, and when wrong, its fix writes `fix` and verifies. */
  function expectClaim(body: string, token: string, status: 'verified' | 'contradicted' | 'unverified', fix?: string, date?: string) {
    const text = draft(body, date);
    const r = checkText(text, base, { asOf: today() });
    const { claim, finding } = at(text, r, token);
    assert.equal(claim?.status, status, `${body}: ${token} is ${claim?.status ?? 'no claim'}`);
    if (status !== 'contradicted') return;
    assert.equal(finding?.code, 'wrong-value');
    assert.equal(finding?.expected, fix);
    const fixed = text.slice(0, finding!.fix!.start) + finding!.fix!.newText + text.slice(finding!.fix!.end);
    assert.equal(at(fixed, checkText(fixed, base, { asOf: today() }), fix!).claim?.status, 'verified', `applying ${fix} verifies`);
  }

  /** Checks `body`: no claim and no finding on `token`. */
  function expectSilent(body: string, token: string) {
    const text = draft(body);
    const { claim, finding } = at(text, checkText(text, base, { asOf: today() }), token);
    assert.equal(claim, undefined, `${body}: ${token} should be silent`);
    assert.equal(finding, undefined);
  }

  it('ranks: the source rank is the fix, in the draft\'s numerals; a streak\'s rank too', () => {
    expectClaim('怀柔区森林覆盖率达到77.5%，排名全市第1。', '第1', 'verified');
    expectClaim('怀柔区森林覆盖率达到77.5%，排名全市第3。', '第3', 'contradicted', '第1');
    expectClaim('怀柔区“七有”“五性”监测评价连续四年全市第二。', '第二', 'contradicted', '第一');
    expectClaim('怀柔区水生态健康综合指数稳居全市前两名。', '前两名', 'verified');
    expectClaim('怀柔区水生态健康综合指数排名全市第三。', '第三', 'contradicted', '前两名');
    expectClaim('怀柔区水生态健康综合指数排名全市第一。', '第一', 'unverified');
    expectClaim('海淀区老旧小区改造规模全市最大。', '最大', 'verified', undefined, '2025-08-01');
    expectClaim('海淀区老旧小区改造规模全市第二。', '第二', 'contradicted', '第一', '2025-08-01');
    expectClaim('2023年，怀柔区群众安全感指数排名全市第2。', '第2', 'contradicted', '第1');
  });

  it('ranks: silent for another group, another period, another subject or another ranked thing', () => {
    expectSilent('怀柔区森林覆盖率排名中心城区第3。', '第3');
    expectClaim('2022年，怀柔区群众安全感指数排名全市第2。', '第2', 'unverified');
    expectSilent('海淀区森林覆盖率排名全市第3。', '第3');
    expectSilent('怀柔区地区生产总值增速全市第一。', '第一');
  });

  it('firsts: 第二家 where the source says 首家 is wrong; a first the sources do not state is silent', () => {
    expectClaim('怀柔区建成全市首家农村老年配餐中心。', '首家', 'verified');
    expectClaim('怀柔区建成全市第二家农村老年配餐中心。', '第二家', 'contradicted', '第一家');
    expectClaim('中国影都是全国首个国家级影视产业示范区。', '首个', 'verified');
    expectSilent('怀柔区建成全市首个人工智能公共算力平台。', '首个');
    expectSilent('海淀区建成全市第二家农村老年配餐中心。', '第二家');
    expectSilent('怀柔区建成全国首家农村老年配餐中心。', '首家');
  });

  it('editions: 第五届 for the forum of 2024 is wrong; without a year, or another year, it is not contradicted', () => {
    expectClaim('2024年第四届中国影都发展论坛在中国影都举办。', '第四届', 'verified');
    expectClaim('2024年，第五届中国影都发展论坛在中国影都举办。', '第五届', 'contradicted', '第四届');
    expectClaim('第五届中国影都发展论坛在中国影都举办。', '第五届', 'unverified');
    expectClaim('2025年，第五届中国影都发展论坛在中国影都举办。', '第五届', 'unverified');
  });

  it('years of events: 成立于2016年 is wrong with 2014年 as the fix; another thing or event is silent', () => {
    expectClaim('中国（怀柔）影视产业示范区成立于2014年。', '2014年', 'verified');
    expectClaim('中国（怀柔）影视产业示范区成立于2016年。', '2016年', 'contradicted', '2014年');
    expectSilent('北京电影学院怀柔校区成立于2016年。', '2016年');
    expectSilent('中国影都2016年建成。', '2016年');
  });

  it('targets with deadlines: a plan is checked against the plans until their deadline, a fact is not verified by a plan', () => {
    expectClaim('怀柔区雁栖国际社区二期将于年底交付使用。', '年底', 'verified');
    expectClaim('怀柔区雁栖国际社区二期将于2025年底交付使用。', '2025年底', 'contradicted', '2024年底');
    expectClaim('怀柔区雁栖国际社区二期已于2024年底交付使用。', '2024年底', 'unverified');
    const late = draft('怀柔区雁栖国际社区二期将于2026年底交付使用。', '2025-06-01');
    assert.notEqual(at(late, checkText(late, base, { asOf: today() }), '2026年底').claim?.status, 'contradicted', 'a plan past the sources\' deadline is not contradicted');
  });

  it('the sources stay clean when checked as of their dates (every statement of them verified or silent)', () => {
    for (const s of base.sources) {
      const r = checkText(`---\ndate: ${s.published}\n---\n${s.body}`, base, { asOf: today() });
      assert.deepEqual(r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.message), [], s.id);
    }
  });
});
