/**
 * The quantity scanner: what it returns for claims (value, unit, qualifier, precision,
 * offsets) and what it must never return (headings, dates, names with digits, periods).
 */
import { strict as assert } from 'node:assert';
import { scanQuantities, whyNotAClaim } from '../../server/src/core/numbers';
import type { Quantity } from '../../server/src/core';

const texts = (t: string): string[] => scanQuantities(t).map((q) => q.text);
const one = (t: string): Quantity => {
  const qs = scanQuantities(t);
  assert.equal(qs.length, 1, `expected one quantity in ${JSON.stringify(t)}, got ${JSON.stringify(qs.map((q) => q.text))}`);
  return qs[0];
};

describe('numbers: scanQuantities reads claims', () => {
  const cases: [string, string, Partial<Quantity>][] = [
    ['在怀科研人员达2.3万人', '2.3万人', { value: 23000, unit: '人', unitText: '万人', scaleWord: '万', dimension: 'count', qualifier: 'exact', precision: 1000, form: 'arabic' }],
    ['布局了40余个科学设施', '40余个', { value: 40, unit: '个', qualifier: 'over', qualifierText: '余', precision: 1 }],
    ['分别达12155.2亿元', '12155.2亿元', { value: 1215520000000, unit: '元', unitText: '亿元', dimension: 'money', precision: 1e7 }],
    ['接待360余万人次', '360余万人次', { value: 3600000, unit: '人次', unitText: '万人次', qualifier: 'over', precision: 1e4 }],
    ['参与交流人员将达到3万余人', '3万余人', { value: 30000, unit: '人', qualifier: 'over', qualifierText: '余' }],
    ['民宿1800余家', '1800余家', { value: 1800, unit: '家', qualifier: 'over' }],
    ['5000多名毕业生', '5000多名', { value: 5000, unit: '名', qualifier: 'over', qualifierText: '多' }],
    ['吸引来自40多个国家', '40多个', { value: 40, qualifier: 'over' }],
    ['吸引百余家国内外用户', '百余家', { value: 100, form: 'chinese', qualifier: 'over', precision: 100 }],
    ['举办近百场次国际学术活动', '近百场次', { value: 100, unit: '场次', qualifier: 'under' }],
    ['对外开放机时近90万小时', '近90万小时', { value: 900000, unit: '小时', dimension: 'duration', qualifier: 'under' }],
    ['累计开放机时超过60万小时', '超过60万小时', { value: 600000, qualifier: 'over', qualifierText: '超过' }],
    ['吸引线上线下500余万人参与', '500余万人', { value: 5000000, qualifier: 'over' }],
    ['近千间客房', '近千间', { value: 1000, unit: '间', qualifier: 'under', form: 'chinese' }],
    ['九十三名', '九十三名', { value: 93, unit: '名', form: 'chinese', precision: 1 }],
    ['两万六千人', '两万六千人', { value: 26000, form: 'chinese', precision: 1000 }],
    ['一百零五个', '一百零五个', { value: 105, precision: 1 }],
    ['三十万人', '三十万人', { value: 300000, scaleWord: '万', unitText: '万人', precision: 1e5 }],
    ['地区生产总值有望实现一万亿元', '一万亿元', { value: 1e12, unitText: '万亿元', dimension: 'money', form: 'chinese' }],
    ['2021年地区生产总值突破万亿元', '突破万亿元', { value: 1e12, qualifier: 'over', qualifierText: '突破' }],
    ['辖区企业年均获投金额超700亿元', '超700亿元', { value: 7e10, qualifier: 'over', qualifierText: '超' }],
    ['现有产业空间约4690万平方米', '约4690万平方米', { value: 46900000, unit: '平方米', dimension: 'area', qualifier: 'about' }],
    ['森林面积1.53万公顷', '1.53万公顷', { value: 153000000, unit: '平方米', unitText: '万公顷' }],
    ['延展至2.7万平米园林之中', '2.7万平米', { value: 27000, unit: '平方米', unitText: '万平米' }],
    ['规划面积6.99平方公里', '6.99平方公里', { value: 6990000, precision: 10000 }],
    ['有水河道达223.5公里', '223.5公里', { value: 223500, unit: '米', dimension: 'length' }],
    ['GDP年均增长5.7%', '5.7%', { value: 5.7, unit: '%', dimension: 'percent', precision: 0.1 }],
    ['全区政务事项100%实现', '100%', { value: 100, precision: 1 }],
    ['百分之五点七', '百分之五点七', { value: 5.7, unit: '%', unitText: '百分之', form: 'chinese', precision: 0.1, numberStart: 3, numberEnd: 6 }],
    ['提高了6.5个百分点', '6.5个百分点', { value: 6.5, unit: '个百分点', dimension: 'points' }],
    ['贡献超过八成', '超过八成', { value: 80, unit: '%', unitText: '成', dimension: 'percent', form: 'cheng', qualifier: 'over', precision: 10 }],
    ['全市占比近七成', '近七成', { value: 70, form: 'cheng', qualifier: 'under' }],
    ['全市占比近70%', '近70%', { value: 70, unit: '%', qualifier: 'under' }],
    ['占全国票房总收入的五分之一', '五分之一', { value: 20, unit: '%', dimension: 'fraction', form: 'fraction' }],
    ['全市占比约四分之一', '约四分之一', { value: 25, dimension: 'fraction', qualifier: 'about' }],
    ['保持四分之一强', '四分之一强', { value: 25, qualifier: 'over', qualifierText: '强' }],
    ['统筹布局1至2所大学', '1至2所', { value: 1, high: 2, unit: '所', qualifier: 'exact' }],
    ['比例为10%～20%', '10%～20%', { value: 10, high: 20, unit: '%' }],
    ['比例为10%-20%', '10%-20%', { value: 10, high: 20 }],
    ['两到三个', '两到三个', { value: 2, high: 3, form: 'chinese' }],
    ['投资1-3万元', '1-3万元', { value: 10000, high: 30000, unit: '元', unitText: '万元' }],
    ['连续11年获评', '11年', { value: 11, unit: '年', dimension: 'duration' }],
    ['经过八年努力', '八年', { value: 8, dimension: 'duration', form: 'chinese' }],
    ['人才资源总量200.45万，', '200.45万', { value: 2004500, unit: '', unitText: '万', dimension: 'count', precision: 100 }],
    ['注册企业1,234家', '1,234家', { value: 1234, unit: '家' }],
    ['注册企业１２３家', '１２３家', { value: 123 }],
    ['增长1.5倍', '1.5倍', { value: 1.5, unit: '倍', dimension: 'none' }],
    ['大约5000人左右', '大约5000人左右', { value: 5000, qualifier: 'about', qualifierText: '大约左右' }],
    ['不足10%', '不足10%', { value: 10, qualifier: 'under' }],
    ['10%以上', '10%以上', { value: 10, qualifier: 'over', qualifierText: '以上' }],
    ['已有两年多', '两年多', { value: 2, qualifier: 'over', dimension: 'duration' }],
    ['三四个', '三四个', { value: 3, high: 4 }],
    ['在十个方面加码发力', '十个', { value: 10, unit: '个', form: 'chinese' }],
    ['从三个方面介绍', '三个', { value: 3, unit: '个' }],
    ['上千名', '上千名', { value: 1000, qualifier: 'over', qualifierText: '上' }],
    ['占比四成多', '四成多', { value: 40, qualifier: 'over', form: 'cheng' }],
    ['七八成', '七八成', { value: 70, high: 80, form: 'cheng' }],
    ['零点五个百分点', '零点五个百分点', { value: 0.5, dimension: 'points', form: 'chinese' }],
    ['两千多年', '两千多年', { value: 2000, qualifier: 'over', dimension: 'duration' }],
    ['长 2.3 万人', '2.3 万人', { value: 23000 }],
  ];
  for (const [text, figure, expected] of cases) {
    it(`${text} → ${figure}`, () => {
      const q = one(text);
      assert.equal(q.text, figure);
      assert.equal(text.slice(q.start, q.end), figure);
      for (const [k, v] of Object.entries(expected)) assert.deepEqual(q[k as keyof Quantity], v, `${k} of ${figure}`);
    });
  }

  it('gives UTF-16 offsets after astral characters', () => {
    const t = '𠀀𠀀产出227项';
    const q = one(t);
    assert.equal(q.start, 6);
    assert.equal(q.numberStart, 6);
    assert.equal(q.numberEnd, 9);
    assert.equal(q.end, 10);
  });

  it('offsets the qualifier, the number and the unit separately', () => {
    const q = one('接待360余万人次');
    assert.deepEqual([q.start, q.numberStart, q.numberEnd, q.end], [2, 2, 5, 9]);
    const n = one('开放机时近90万小时');
    assert.deepEqual([n.start, n.numberStart, n.numberEnd, n.end], [4, 5, 7, 10]);
  });

  it('reads two figures joined by 和 separately, years being periods', () => {
    const qs = scanQuantities('2023年和2024年分别达12155.2亿元和12907.1亿元');
    assert.deepEqual(qs.map((q) => [q.text, q.value]), [['12155.2亿元', 1215520000000], ['12907.1亿元', 1290710000000]]);
  });

  it('lends 个百分点 to a figure with 个 before it (分别提高了30个和16个百分点)', () => {
    const qs = scanQuantities('解决率、满意率分别提高了30个和16个百分点');
    assert.deepEqual(qs.map((q) => [q.text, q.value, q.unit, q.dimension]), [['30个', 30, '个百分点', 'points'], ['16个百分点', 16, '个百分点', 'points']]);
    const bare = scanQuantities('分别提高了30和16个百分点');
    assert.deepEqual(bare.map((q) => [q.text, q.unit]), [['30', '个百分点'], ['16个百分点', '个百分点']]);
  });

  it('does not lend a unit across a sentence or to a figure with its own unit', () => {
    assert.deepEqual(texts('增长30个和16个项目'), ['30个', '16个']);
    assert.equal(scanQuantities('增长30个和16个项目')[0].unit, '个');
    assert.deepEqual(texts('两个平台、3家企业'), ['两个', '3家']);
  });

  it('keeps duration claims: 连续5年, 连续三年, 经过八年, 七年的努力', () => {
    assert.deepEqual(texts('PM2.5浓度连续5年达到国家二级标准'), ['5年']);
    assert.deepEqual(texts('连续三年位居中心城区首位'), ['三年']);
    assert.deepEqual(texts('经过七年的努力'), ['七年']);
    assert.deepEqual(texts('全市占比连续两年保持四分之一强'), ['两年', '四分之一强']);
  });

  it('reads the claims of a heading-numbered list but not the ordinals', () => {
    const t = '重点工作参考数据\n\n一、怀柔区在怀科研人员达2.3万人。\n二、怀柔科学城吸引两院院士九十三名。\n三、海淀区有高校37所、国家级科研机构96家。\n';
    assert.deepEqual(texts(t), ['2.3万人', '九十三名', '37所', '96家']);
  });
});

describe('numbers: scanQuantities skips what is not a claim', () => {
  const none: [string, string][] = [
    ['## 一、文旅资源', 'heading ordinal'],
    ['（二）', 'parenthesised ordinal'],
    ['(3) 推进', 'parenthesised ordinal'],
    ['1. 项目建设', 'list number'],
    ['1、项目建设', 'list number'],
    ['第一，全面落实', '第一'],
    ['第三，深入践行', '第三'],
    ['第十六届北京市市长国际企业顾问会议', '第十六届'],
    ['排名全市第1', '第1'],
    ['中国第一个国家自主创新示范区', '第一个'],
    ['2023年群众安全感指数', 'a year'],
    ['2021年年初以来', 'a period'],
    ['7月17日下午', 'a date'],
    ['8月26日,北京市委宣传部', 'a date'],
    ['2025-12-01', 'an ISO date'],
    ['14:02', 'a time'],
    ['1月19日电', 'a dateline'],
    ['上个月落下帷幕的2024国际基础科学大会', 'a year before an event'],
    ['在2024中关村论坛集中发布', 'a year before an event'],
    ['2024届毕业生', 'a class year'],
    ['PM2.5浓度', 'PM2.5'],
    ['成功举办G20能源部长会议', 'G20'],
    ['5G基站', '5G'],
    ['支持4K120帧高格式', '4K120帧'],
    ['全市首个万P级智算集群', '万P级'],
    ['地铁16号线开通运营', '16号线'],
    ['二河开21号院', '21号院'],
    ['国科大1314号', '1314号'],
    ['《流浪地球2》', 'book title'],
    ['《满江红》《流浪地球2》《消失的她》', 'book titles'],
    ['“1+3”融合发展', 'quoted formula'],
    ['“1+X+1”现代化产业体系', 'quoted formula'],
    ['构建‘123’产业体系', 'quoted name'],
    ['加快实现“123”产业体系升级', 'quoted name'],
    ['“悟道2.0”', 'quoted product'],
    ['“创新发展16条”等系列支持政策', 'quoted policy name with a counter'],
    ['制定实施“雁栖青创无忧十条”', 'quoted policy name in numerals'],
    ['“七有”“五性”监测评价', 'quoted slogans'],
    ['“四个中心”功能建设', 'quoted slogan with a counter'],
    ['96核区块链专用芯片', 'a product name'],
    ['十四五', 'plan name'],
    ['“十四五”时期', 'plan period'],
    ['党的二十大精神', '二十大'],
    ['二十届三中全会精神', '二十届三中全会'],
    ['二十届二中、三中全会', '二十届二中'],
    ['一带一路', 'no number'],
    ['近3年科技服务业收入', '近3年'],
    ['近年来', '近年来'],
    ['未来3年全区将新增', '未来3年'],
    ['五年来,北部地区', '五年来'],
    ['今年', '今年'],
    ['10年前', 'N年前'],
    ['QQ 12345678', 'QQ number'],
    ['电话010-12345678', 'phone number'],
    ['京ICP备12345678号', 'ICP number'],
    ['版本1.2.3发布', 'dotted version'],
    ['稳居全市前两名', 'rank'],
    ['多个平台', '多个 without a number'],
    ['企业数量是两位数的区', '两位数 not before 增长'],
    ['每万人拥有', 'per-unit base'],
    ['来自世界500强跨国公司', '500强'],
    ['千行百业', 'idiom'],
    ['百年科学城', 'idiom'],
    ['“万人毕业季”', 'quoted name'],
    ['一个高端', 'article 一'],
    ['一批前沿领域', 'article 一'],
    ['举办了一场别开生面的钢琴演奏会', 'article 一'],
    ['今后一年', 'period'],
    ['二〇二三年', 'a year in numerals'],
    ['建成投用', '成 is a verb'],
    ['数百家', 'vague'],
    ['万一出现', 'not a numeral'],
    ['杨宋组团07、08街区', 'leading zero codes'],
    ['区级-街镇-社区三级养老服务', 'no unit'],
    ['城六区', 'no unit'],
    ['十分重要', '十分'],
    ['2.0', 'bare number'],
    ['增长了37', 'bare number without unit'],
    ['三城一区', 'no unit'],
    ['一零一中学', 'a school name'],
    ['新中国成立75周年', 'anniversary'],
    ['十三届全国人大', 'a congress'],
    ['几十个', 'vague'],
    ['数十个平台', 'vague'],
    ['十几家', 'vague'],
  ];
  for (const [text, why] of none) {
    it(`${text} (${why})`, () => assert.deepEqual(texts(text), []));
  }

  it('returns only the claims around names and periods', () => {
    assert.deepEqual(texts('“十四五”以来,怀柔区GDP年均增长5.7%'), ['5.7%']);
    assert.deepEqual(texts('成功举办G20能源部长会议、世界大学校长论坛等活动2.25万场'), ['2.25万场']);
    assert.deepEqual(texts('近3年农村居民人均可支配收入年均增长7.5%'), ['7.5%']);
    assert.deepEqual(texts('近3年安全生产事故起数年均下降9.9%,2023年群众安全感指数排名全市第1'), ['9.9%']);
    assert.deepEqual(texts('成功举办了10届北京国际电影节'), ['10届']);
    assert.deepEqual(texts('圆满完成APEC会议、两届“一带一路”国际合作高峰论坛'), ['两届']);
    assert.deepEqual(texts('南部地区二河开21号院、京张铁路沿线等一批历史遗留难题得到解决,454个背街小巷旧貌换新颜'), ['454个']);
    assert.deepEqual(texts('高标准建设13.14公里雁栖环湖步道,先后推出了8条特色骑行线路'), ['13.14公里', '8条']);
    assert.deepEqual(texts('现有医疗卫生机构1474家,其中三级医院23家'), ['1474家', '23家']);
    assert.deepEqual(texts('系统谋划实施一批1-3年长期为民实事'), ['1-3年']);
  });
});

describe('numbers: whyNotAClaim', () => {
  it('names the rule that left a figure out', () => {
    const why = (t: string, at: string): string | undefined => whyNotAClaim(t, t.indexOf(at));
    assert.match(why('近3年增长7.5%', '3') ?? '', /period 近3年/);
    assert.match(why('“创新发展16条”', '16') ?? '', /name/);
    assert.match(why('第十六届', '十六') ?? '', /第/);
    assert.match(why('PM2.5浓度', '2.5') ?? '', /Latin/);
    assert.match(why('二十届三中全会', '二十') ?? '', /二十届三中全会/);
    assert.match(why('7月17日', '7') ?? '', /date/);
    assert.equal(why('增长7.5%', '7.5'), undefined);
    assert.equal(why('增长', '长'), 'no number here');
  });
});

describe('numbers: counts and ranges written in words', () => {
  it('reads N大 before a noun as a count of N (2 to 10), not words or congresses', () => {
    const q = one('围绕物质、空间、生命五大科学方向');
    assert.deepEqual([q.text, q.value, q.unit, q.unitText, q.dimension], ['五大', 5, '个', '大', 'count']);
    assert.equal(one('六大片区水系循环水网全部建成').value, 6);
    assert.deepEqual(texts('一大批企业、三大学科、十大新闻、党的二十大精神、以“三大球”为主'), ['十大']);
  });

  it('reads 两位数/三位数 before 增长 as a growth of at least 10 % / 100 %', () => {
    const q = one('营收年均保持两位数增长');
    assert.deepEqual([q.text, q.value, q.unit, q.qualifier, q.dimension], ['两位数', 10, '%', 'over', 'percent']);
    assert.equal(one('实现三位数的增长').value, 100);
    assert.deepEqual(texts('两位数的企业'), []);
  });
});
