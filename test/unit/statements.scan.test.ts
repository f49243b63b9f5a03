/**
 * The statement grammars: ranks, firsts, editions and years of events, read from
 * sentences a writer might write, and what they must not read (a rank without a group,
 * ordinals of lists, periods, adjectives, names).
 */
import { strict as assert } from 'node:assert';
import { scanStatements, scanStatementsByLine, type StatementMention } from '../../server/src/core/statements';
import { loadFactBase, bundledFactsDir } from '../../server/src/node';

/** The statements of a text as [kind, text, value, high or vague, group] rows. */
function read(text: string, year?: number): (string | number | undefined)[][] {
  return scanStatements(text, year).map((m: StatementMention) => [m.kind, m.text, m.value, m.high ?? (m.vague ? 'vague' : undefined), m.groupText]);
}

describe('statements: ranks', () => {
  it('reads positions within a group', () => {
    assert.deepEqual(read('森林覆盖率达到77.5%、排名全市第1'), [['rank', '第1', 1, undefined, '全市']]);
    assert.deepEqual(read('“七有”“五性”监测评价连续4年全市第一'), [['rank', '第一', 1, undefined, '全市']]);
    assert.deepEqual(read('该指标全市排名第3名'), [['rank', '第3名', 3, undefined, '全市']]);
    assert.deepEqual(read('居中心城区首位'), [['rank', '首位', 1, undefined, '中心城区']]);
    assert.deepEqual(read('水生态健康综合指数稳居全市前两名'), [['rank', '前两名', 1, 2, '全市']]);
    assert.deepEqual(read('规模全市最大'), [['rank', '最大', 1, undefined, '全市']]);
    assert.deepEqual(read('空气质量连续10年保持城六区最优'), [['rank', '最优', 1, undefined, '城六区']]);
    assert.deepEqual(read('已成为全球重大科技基础设施密度最大的地区'), [['rank', '最大', 1, undefined, '全球']]);
    assert.deepEqual(read('位居“某某年度最具价值城区榜单”之首'), [['rank', '之首', 1, undefined, '“某某年度最具价值城区榜单”']]);
  });

  it('reads ranks that name no position as vague: 前列, 之一, 领跑', () => {
    assert.deepEqual(read('高质量发展指数稳居全市前列'), [['rank', '前列', 1, 'vague', '全市']]);
    assert.deepEqual(read('已成为全球重大科技基础设施密度最强的地区之一'), [['rank', '最强', 1, 'vague', '全球']]);
    assert.deepEqual(read('人工智能产业领跑全国,现有企业'), [['rank', '领跑', 1, 'vague', '全国']]);
    assert.deepEqual(read('细分领域保持全国领先。'), [['rank', '领先', 1, 'vague', '全国']]);
  });

  it('reads no rank without a group, and no rank in ordinals, periods, adjectives or names', () => {
    for (const t of ['坚持把发展摆在首位', '创新是引领发展的第一动力', '第一,全面落实功能定位', '全市前三季度', '建设世界领先科技园区', '获评“北京城市更新最佳实践”', '全市第三个月']) {
      assert.deepEqual(read(t).filter((r) => r[0] === 'rank'), [], t);
    }
  });
});

describe('statements: firsts and editions', () => {
  it('reads firsts: 首家, 第一个, 首批, 率先, with their group and counter', () => {
    assert.deepEqual(read('建成全市首家农村老年配餐中心'), [['first', '首家', 1, undefined, '全市']]);
    assert.deepEqual(read('中关村是中国第一个国家自主创新示范区'), [['first', '第一个', 1, undefined, '中国']]);
    assert.deepEqual(read('该区建成全市第二家农村老年配餐中心'), [['first', '第二家', 2, undefined, '全市']]);
    assert.deepEqual(read('在全市率先成立就业工作领导小组'), [['first', '率先', 1, undefined, '全市']]);
    assert.deepEqual(read('怀柔是首批国家全域旅游示范区'), [['first', '首批', 1, undefined, undefined]]);
    const m = scanStatements('建成全市首家农村老年配餐中心,提前完成任务')[0];
    assert.equal('建成全市首家农村老年配餐中心,提前完成任务'.slice(m.about.start, m.about.end), '农村老年配餐中心');
  });

  it('reads editions with the year written before them, and no first or edition in 首次, 第三个月 or a census', () => {
    assert.deepEqual(read('在2024年第四届中国影都发展论坛上'), [['edition', '第四届', 4, undefined, undefined]]);
    assert.equal(scanStatements('在2024年第四届中国影都发展论坛上')[0].eventYear, 2024);
    assert.deepEqual(read('今年成功举办了第十六届北京市市长国际企业顾问会议'), [['edition', '第十六届', 16, undefined, undefined]]);
    assert.deepEqual(read('在刚刚结束的第十三次党代会上'), [['edition', '第十三次', 13, undefined, undefined]]);
    for (const t of ['首次接待了200余位专家学者', '第二次全国污染源普查', '第三个月', '(第七场)']) assert.deepEqual(read(t), [], t);
  });
});

describe('statements: years of events', () => {
  it('reads a year next to an event verb, and relative times before one against the given year', () => {
    assert.deepEqual(read('中国影都成立于2014年'), [['year', '2014年', 2014, undefined, undefined]]);
    assert.deepEqual(read('自2017年《建设方案》获得国家部委批复以来'), [['year', '2017年', 2017, undefined, undefined]]);
    assert.deepEqual(read('该馆2017年建成'), [['year', '2017年', 2017, undefined, undefined]]);
    assert.deepEqual(read('人才公寓也将于年底交付使用', 2024), [['year', '年底', 2024, undefined, undefined]]);
    assert.deepEqual(read('8个科学设施年内将全部开工', 2024), [['year', '年内', 2024, undefined, undefined]]);
    assert.deepEqual(read('人才公寓也将于年底交付使用'), [], 'without a year, relative times are not read');
  });

  it('reads no event year in periods and other verbs', () => {
    for (const t of ['2021年以来新增学位4.6万个', '2023年度国家科学技术奖', '2021年地区生产总值突破万亿元', '2024年,在论坛上,发布了计划', '自2019年接诉即办改革以来']) {
      assert.deepEqual(read(t), [], t);
    }
  });
});

describe('statements: line by line', () => {
  it('scanning line by line (remembered per line) finds what scanning the whole text finds', () => {
    for (const s of loadFactBase([bundledFactsDir()]).base.sources) {
      const year = Number(s.published.slice(0, 4));
      const whole = scanStatements(s.body, year);
      assert.deepEqual(scanStatementsByLine(s.body, year), whole, s.id);
      assert.deepEqual(scanStatementsByLine(s.body, year), whole, `${s.id}, remembered`);
    }
  });
});
