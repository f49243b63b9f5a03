/**
 * Person–title pairs of a source: names standing right after a run of titles
 * (怀柔区委副书记、区长梁爽介绍), known people and names the text introduces alike, read
 * with the checker's own role reader (findRoleClaims) and split into one role per body
 * the titles belong to (区 and 科学城), as curators record them.
 */
import { withPeople, type FactIndex } from '../factIndex';
import { findRoleClaims } from '../judge';
import { findSubjects } from '../draft';

/** What a run of titles ends with before a name (as the role reader has it). */
const TITLE_END = '(?:书记|区长|市长|县长|常委|委员|部长|主任|处长|局长|主席|代表|院长|校长|秘书长|组长|经理|董事长|总经理|理事长|馆长|所长|司长|厅长|（兼）|\\(兼\\))';
/** What follows a person's name: a verb of speaking or taking part, or punctuation. */
const AFTER_NAME = '(?:介绍|表示|主持|说|指出|做客|强调|回答|答|透露|出席|围绕|在|就|接受|谈|称|致辞|讲话|发布|会见|调研|带队|一行|[:：,，。;；、\\n]|$)';
const NAME_AFTER_TITLE = new RegExp(`${TITLE_END}([\\u4e00-\\u9fff]{2,3}?)(?=${AFTER_NAME})`, 'g');

/** Common Chinese surnames (the first character of a name a title introduces). */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);

/** A role read from a source: a person, titles of one body, the place of the pair. */
export interface ReadRole {
  person: string;
  titles: string[];
  organisation: string;
  /** Offsets of the first title and of the end of the name. */
  start: number;
  end: number;
  nameStart: number;
}

/** Names a title run introduces in `text` (besides the people the base knows). */
export function namesAfterTitles(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(NAME_AFTER_TITLE)) if (SURNAMES.has(m[1][0])) out.add(m[1]);
  return [...out];
}

/** The body a title belongs to: the subjects it opens with, most specific last (北京市怀柔区委副书记 → huairou). */
function namedBody(idx: FactIndex, title: string): string | undefined {
  let at = 0;
  let found: string | undefined;
  for (const m of findSubjects(idx, title)) {
    if (m.start !== at) break;
    found = m.subject;
    at = m.end;
  }
  return found;
}

/** A title the role reader cut after a district's short name (密云|区委副书记) gets it back (密云区委副书记). */
function withDistrictName(idx: FactIndex, text: string, t: { text: string; start: number }): { text: string; start: number } {
  if (!/^区/.test(t.text)) return t;
  for (let k = 2; k <= 6 && k <= t.start; k++) {
    const before = text.slice(t.start - k, t.start);
    if (idx.subjectNames.some((n) => n.name === before)) return { text: before + t.text, start: t.start - k };
  }
  return t;
}

/**
 * The roles of a text: each person named after titles, the titles split into one role
 * per body. A title naming another body than the role's starts a new role; 区… titles (区长, 区政府副区长) are of the district; other
 * titles (副区长, 管委会主任) are of the body before them. A deputy's seat is of the body
 * it names (北京市人大代表: the city's people's congress), else it joins the office after
 * it. `district`: the subject the text is about, for titles naming none.
 */
export function readRoles(idx: FactIndex, text: string, district: (at: number) => string | undefined): ReadRole[] {
  const people = new Set([...idx.people, ...namesAfterTitles(text)]);
  const out: ReadRole[] = [];
  for (const claim of findRoleClaims(withPeople(idx, [...people].sort((a, b) => b.length - a.length)), text, 0)) {
    const home = district(claim.start);
    let group: ReadRole | undefined;
    let pendingSeats: { text: string; start: number }[] = [];
    for (const t0 of claim.titles) {
      const t = withDistrictName(idx, text, t0);
      const named = namedBody(idx, t.text);
      const org = named ?? (/^区/.test(t.text) && home ? home : group?.organisation ?? home);
      if (!org) continue;
      if (/代表$/.test(t.text) && !named) {
        pendingSeats.push({ text: t.text, start: t.start });
        continue;
      }
      if (!group || group.organisation !== org) {
        const first = pendingSeats[0]?.start ?? t.start;
        group = { person: claim.person, titles: [...pendingSeats.map((s) => s.text)], organisation: org, start: first, end: claim.end, nameStart: claim.start };
        pendingSeats = [];
        out.push(group);
      }
      group.titles.push(t.text);
    }
    if (pendingSeats.length) {
      const org = home ?? (namedBody(idx, pendingSeats[0].text) as string | undefined);
      if (org) out.push({ person: claim.person, titles: pendingSeats.map((s) => s.text), organisation: org, start: pendingSeats[0].start, end: claim.end, nameStart: claim.start });
    }
  }
  return out;
}
