/**
 * The context of a claim: its clause and sentence, the subject it is about (explicit in
 * the clause, else carried from the sentence, paragraph, section heading or title) and
 * the period it describes (2023年, 今年上半年 relative to the draft's date, 十四五以来, 近3年).
 */
import type { PeriodMention } from '../types';
import type { DraftOutline, Sentence } from './outline';
import { clauseAround } from './outline';
import type { FactIndex } from '../factIndex';
import { DerivedValue, districtOf, measureSubjects } from '../factIndex';
import { parsePeriod, type ResolvedPeriod } from './periodSyntax';
import { firstStartingAt, firstWithin, lastWithin, TextMemo, within } from '../util';
import { codeUnitSet } from '../numbers';

/** A subject named in the text. */
export interface SubjectMention {
  start: number;
  end: number;
  subject: string;
}

/** Where a claim's subject came from, nearest first. */
export type SubjectScope = 'clause' | 'sentence' | 'paragraph' | 'heading' | 'title' | 'none' | 'outside';

/** Everything known about the place of a claim in the draft. */
export interface ClaimContext {
  clause: { start: number; end: number };
  sentence: Sentence;
  subject?: string;
  subjectScope: SubjectScope;
  period?: ResolvedPeriod;
  periodText?: string;
  /** The clause's text before the claim (新增科研人员 in 新增科研人员3000名). */
  lead: string;
}

/** Subject names by their first character (each bucket longest first, as idx.subjectNames), and a table of those characters. */
interface NameBuckets {
  byChar: Map<string, FactIndex['subjectNames']>;
  /** 1 for each UTF-16 code unit some name starts with (checked before the Map). */
  first: Uint8Array;
}

/** An index's subject names by first character. */
const NAME_BUCKETS = new DerivedValue((idx): NameBuckets => {
  const m: NameBuckets = { byChar: new Map(), first: codeUnitSet(idx.subjectNames.map((n) => n.name)) };
  for (const n of idx.subjectNames) {
    const list = m.byChar.get(n.name[0]);
    if (list) list.push(n);
    else m.byChar.set(n.name[0], [n]);
  }
  return m;
});

/** Finds subject names and aliases in a text, longest match first, non-overlapping. */
export function findSubjects(idx: FactIndex, text: string, from = 0, to = text.length): SubjectMention[] {
  const out: SubjectMention[] = [];
  const { byChar, first } = NAME_BUCKETS.of(idx);
  for (let i = from; i < to; i++) {
    if (first[text.charCodeAt(i)] === 0) continue;
    const names = byChar.get(text[i]);
    if (!names) continue;
    for (const { name, subject } of names) {
      if (text.startsWith(name, i) && i + name.length <= to) {
        out.push({ start: i, end: i + name.length, subject });
        i += name.length - 1;
        break;
      }
    }
  }
  return out;
}

/** The subject id of a mention of a place or body outside the fact base. */
export const OUTSIDE = '';

/**
 * Places and bodies outside the fact base that can be what a clause speaks of: the city
 * as a whole, the country, other districts of Beijing, provinces and other cities, an
 * unnamed company. A name the fact base knows is found as its subject instead.
 */
const OUTSIDE_PLACES = new RegExp(
  [
    '(?:东城|西城|朝阳|丰台|石景山|门头沟|房山|通州|顺义|昌平|大兴|平谷|密云|延庆|海淀|怀柔)区',
    '北京经济技术开发区|经开区|亦庄新城',
    '全国|我国|全省|全球|全世界|国内|京津冀|长三角|粤港澳大湾区|雄安新区',
    '全市|本市|我市|北京市|北京全市|首都|北京(?=已|共|现有|目前|拥有|累计|全年|今年|去年)',
    '其他区县|其他各区|其他区|各区|兄弟区县|周边区县|城六区|中心城区|远郊区',
    '(?:上海|天津|重庆|深圳|广州|杭州|南京|武汉|成都|西安|苏州|合肥|青岛|宁波|厦门)市?',
    '(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾)省',
    '(?:某|该|本)(?:公司|企业|集团|机构|单位)',
    // towns (琉璃庙镇, 渤海镇): a part of a district the fact base does not hold (not 城镇化, 乡镇, 乡村)
    '[\\u4e00-\\u9fa5]{2,3}(?:镇(?![化民委长级区])|乡(?![村镇民]))',
  ].join('|'),
  'g',
);

/** OUTSIDE_PLACES as the whole of a text. */
const WHOLE_OUTSIDE_PLACE = new RegExp(`^(?:${OUTSIDE_PLACES.source})$`);

/** The whole of `text` names a place or body outside the fact base (朝阳区, 全市, 北京市): a table's column header, say. */
export function isOutsidePlace(text: string): boolean {
  return WHOLE_OUTSIDE_PLACE.test(text.trim());
}

/** What a clause starts after, by UTF-16 code unit. */
const CLAUSE_OPENERS = codeUnitSet([...'，,；;：:。！？!?\n']);
/** What may stand between a clause's start and its topic: spaces, connectives, a time, a bracketed note. */
const TOPIC_LEAD = /^(?:\s|其中|而|但|同时|另外|此外|与此同时|同期|据统计|据了解|截至[^，,]{0,12}?|\d{4}年(?:[上下]半年|前三季度|\d{1,2}月(?:份)?)?|今年|去年|上半年|前三季度|全年|[（(][^）)]{0,30}[）)]|[-*>#]|\d{1,3}[.、]|[一二三四五六七八九十]{1,3}、)*$/;

/** Words before a place that make it a comparison or a scope (占全市, 居全市, 在全国), not what the clause speaks of. */
const SCOPE_BEFORE = /(?:占|居|位居|列|比|较|于|高于|低于|超过|领先|在|为|是|与|和|及|跟|同|向|赴|到|来自|面向|辐射|带动)[“"]?$/;
/** Words after a place that make it a scope or rank (全市占比, 全市第一, 全国首个, 中心城区首位). */
const SCOPE_AFTER = /^[”"]?(?:的)?(?:占比|比重|份额|第|首|前列|前|排名|平均|之首|最|范围|同类|同期|水平|率先|领先|唯一|总量的|总数的|的比重|占|领先|一流|知名|乃至)/;

/** The outside places standing as a subject in one line of text, as [start, end) in it. */
function outsideInLine(line: string): [number, number][] {
  const out: [number, number][] = [];
  // (One expression for every line, from the line's start: nothing below runs another search with it.)
  const re = OUTSIDE_PLACES;
  re.lastIndex = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const start = m.index;
    const end = start + m[0].length;
    if (SCOPE_BEFORE.test(line.slice(Math.max(0, start - 3), start)) || SCOPE_AFTER.test(line.slice(end, end + 4))) continue;
    // Only as the clause's topic (北京市独角兽企业114家; 其中全国…): 领跑全国, 吸引国内外用户 speak of something else.
    let c = start;
    while (c > 0 && CLAUSE_OPENERS[line.charCodeAt(c - 1)] === 0) c--;
    if (!TOPIC_LEAD.test(line.slice(c, start)) || insidePair(line, start, end, '“', '”') || insidePair(line, start, end, '《', '》')) continue;
    out.push([start, end]);
  }
  return out;
}

/** outsideInLine by line text. */
const OUTSIDE_OF_LINE = new TextMemo(50_000, outsideInLine);

/**
 * The base's subject mentions with the outside places that stand as a subject merged in
 * (subject OUTSIDE), sorted; an outside name overlapping a base name is left out.
 */
function withOutside(text: string, mentions: SubjectMention[], from: number): SubjectMention[] {
  const extra: SubjectMention[] = [];
  // Line by line, each line's places remembered by its text: what decides (the clause's start, the words around
  // the name, quotation marks) never reaches past a line break, so an edit reads again only the lines it changed.
  for (let start = from; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) for (const [a, b] of OUTSIDE_OF_LINE.get(text.slice(start, end))) extra.push({ start: start + a, end: start + b, subject: OUTSIDE });
    start = end + 1;
  }
  if (!extra.length) return mentions;
  // (Both lists are sorted by start: one pass finds the base names overlapping each outside name.)
  let j = 0;
  let reach = 0; // the furthest end of the base names passed so far
  const kept = extra.filter((o) => {
    while (j < mentions.length && mentions[j].start < o.end) {
      reach = Math.max(reach, mentions[j].end);
      if (mentions[j].end > o.start && mentions[j].start < o.end) return false;
      j++;
    }
    return !(reach > o.start);
  });
  return kept.length ? [...mentions, ...kept].sort((a, b) => a.start - b.start) : mentions;
}

/**
 * The subject mentions a claim's context reads, from `from` (a line start) on: the base's
 * subject names outside quotation marks and longer names, with the outside places that
 * stand as a subject (OUTSIDE). Nothing here looks past a line break, so a document's memo
 * finds them line by line.
 */
export function subjectMentions(idx: FactIndex, text: string, from = 0): SubjectMention[] {
  return withOutside(text, withoutNames(idx, text, withoutQuoted(text, findSubjects(idx, text, from))), from);
}

/** A streak (连续三年) scopes only the figures of its own clause. */
function isStreak(p: PeriodMention): boolean {
  return p.relative?.streak === true;
}

/** Verbs of change from a starting value to an end value (由…的300家增至近500家). */
const CHANGE_TO = /增至|增加到|增长到|增长至|提高到|提高至|提升到|提升至|上升到|上升至|下降到|下降至|降至|降低到|减少到|减少至|扩大到|扩大至|达到|发展到|跃升至/;

/** A period after 由/从 dates the starting value of a change; a figure after the change verb is not of that period. */
function isOrigin(text: string, p: PeriodMention, claimStart: number): boolean {
  return /[由从]$/.test(text.slice(Math.max(0, p.start - 1), p.start)) && CHANGE_TO.test(text.slice(p.end, claimStart));
}

/** Words naming the district a text is about, whichever it is (全区 in a Haidian report is Haidian). */
const DEICTIC = /全区|本区|全县|我区/;

/**
 * Subject mentions that are not inside quotation marks (“北京市充分就业区”, “怀柔出品”): a
 * quoted name names an honour or a brand, not the place the sentence speaks of. (A
 * document's title, 《北京怀柔综合性国家科学中心建设方案》, does name it.)
 */
function withoutQuoted(text: string, mentions: SubjectMention[]): SubjectMention[] {
  return mentions.filter((m) => !insidePair(text, m.start, m.end, '“', '”') && !insidePair(text, m.start, m.end, '「', '」'));
}

/** Per subject name, the measure terms of an index that contain it (filled as names are met). */
const LONGER_NAMES = new DerivedValue(() => new Map<string, string[]>());

/**
 * Subject mentions that are not part of a longer name the fact base knows as a measure
 * term (北京市 in 北京市市长国际企业顾问会议): the name is an event or a body, not the place.
 */
function withoutNames(idx: FactIndex, text: string, mentions: SubjectMention[]): SubjectMention[] {
  const names = LONGER_NAMES.of(idx);
  const longer = (name: string): string[] => {
    let list = names.get(name);
    if (!list) names.set(name, (list = [...idx.terms.keys()].filter((t) => t !== name && t.includes(name))));
    return list;
  };
  return mentions.filter((m) => {
    const name = text.slice(m.start, m.end);
    for (const t of longer(name)) {
      for (let k = t.indexOf(name); k >= 0; k = t.indexOf(name, k + 1)) {
        const at = m.start - k;
        if (at >= 0 && text.startsWith(t, at)) return false;
      }
    }
    return true;
  });
}

/** Whether [start, end) lies between an opening and a closing mark on its line. */
function insidePair(text: string, start: number, end: number, open: string, close: string): boolean {
  for (let i = start - 1; i >= 0 && text[i] !== '\n' && start - i <= 60; i--) {
    if (text[i] === close) return false;
    if (text[i] === open) {
      for (let j = end; j < text.length && text[j] !== '\n' && j - end <= 60; j++) {
        if (text[j] === open) return false;
        if (text[j] === close) return true;
      }
      return false;
    }
  }
  return false;
}

/** Resolves a period mention to a period, given the draft's year. */
export function resolveMention(m: PeriodMention, year: number): ResolvedPeriod | undefined {
  const rel = m.relative;
  if (rel?.since !== undefined) return { kind: 'span', from: rel.since, to: year };
  if (m.period) return parsePeriod(m.period);
  if (!rel) return undefined;
  // 连续三年, 近3年, 五年来: a span of that many years, compared by its length (a draft repeating a source's 近3年
  // speaks of the source's years).
  if (rel.span) return rel.streak ? { kind: 'recent', years: rel.span, streak: true } : { kind: 'recent', years: rel.span };
  // 今年以来, 去年以来: from the start of that year up to now.
  if (rel.asOf && rel.yearOffset !== undefined) return { kind: 'span', from: year + rel.yearOffset, to: year };
  if (rel.asOf) return { kind: 'asof' };
  const y = year + (rel.yearOffset ?? 0);
  return rel.part ? parsePeriod(`${y}${rel.part}`) : { kind: 'year', from: y, to: y };
}

/** 自2019年……以来: a year that opens a cumulative period up to the draft's year. */
function sinceYear(text: string, m: PeriodMention, clauseEnd: number, year: number): ResolvedPeriod | undefined {
  const r = m.period ? parsePeriod(m.period) : undefined;
  if (!r || r.kind !== 'year') return undefined;
  if (!/(自|从|自从)$/.test(text.slice(Math.max(0, m.start - 2), m.start))) return undefined;
  const rest = text.slice(m.end, Math.min(clauseEnd, m.end + 30));
  return rest.includes('以来') ? { kind: 'span', from: r.from, to: year } : undefined;
}

/** True when a mention opens its clause (topic position: 2023年，…; “十四五”以来，…), so it scopes the sentence. */
function isTopic(text: string, m: PeriodMention, sentenceStart: number, subjects: SubjectMention[] = []): boolean {
  let i = m.start;
  while (i > sentenceStart && /[自从在于截至到“"（(\s]/.test(text[i - 1])) i--;
  // Words that only frame the time (回顾2022年，刚刚过去的2022年，在过去的一年): it is still the clause's topic.
  const frame = /(?:回顾|回首|纵观|总结|刚刚过去的|过去的|进入|到了)$/.exec(text.slice(Math.max(sentenceStart, i - 6), i));
  if (frame) {
    i -= frame[0].length;
    while (i > sentenceStart && /[在于\s]/.test(text[i - 1])) i--;
  }
  // What may open a sentence before its topic: a list number (7. / 3、 / （二）), a byline or note in brackets ((记者 张三)).
  const opener = LEAD_IN.exec(text.slice(sentenceStart, i));
  if (opener && opener[0].length === i - sentenceStart) return true;
  // 怀柔区近3年…, 海淀区2023年…: a subject may open the clause before the period.
  const subject = subjects.find((s) => s.end === i);
  if (subject) i = subject.start;
  const lead = /(预计|力争|其中|计划|目标)$/.exec(text.slice(Math.max(sentenceStart, i - 2), i));
  if (lead) i -= lead[0].length;
  return i === sentenceStart || /[，,；;：:。！？\n]/.test(text[i - 1]);
}

/** Text that may stand before a sentence's topic without being part of it: list numbers, bracketed bylines and notes, 据…介绍. */
const LEAD_IN = /^(?:\s|[-*>#]|\d{1,3}[.、．)）]|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[（(【[][^）)】\]\n]{0,40}[）)】\]]|据[^，,。]{0,30}(?:介绍|报道|统计|显示|了解)[，,]?)*$/;

/** A comparison baseline (较“十三五”末, 比去年) names the period compared with, not the claim's period. */
function isBaseline(text: string, p: PeriodMention): boolean {
  const before = text.slice(Math.max(0, p.start - 3), p.start).replace(/[“"‘]$/, '');
  return /(较|比|相比|同比|与|于)$/.test(before);
}

/** 前三季度 with no year written takes the year of the nearest earlier mention (去年以来，…前三季度 = last year's). */
function withYearFromContext(p: PeriodMention, earlier: PeriodMention[], year: number): PeriodMention {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i];
    const y = e.period ? Number(e.period.slice(0, 4)) : e.relative && !e.relative.implicit && e.relative.yearOffset !== undefined && !e.relative.span ? year + e.relative.yearOffset : NaN;
    if (!Number.isNaN(y)) return { ...p, relative: { ...p.relative, yearOffset: y - year, implicit: false } };
  }
  return p;
}

/** Builds claim contexts; one instance per checked text. */
export class ContextFinder {
  private readonly subjects: SubjectMention[];
  /** Per sentence index: the last subject mention of the nearest earlier sentence that has one (built on first use). */
  private lastBefore?: { mention: SubjectMention; sentence: number }[];
  /** Memos: the first subject named by a heading, by the headings above one, by the title. */
  private readonly headingSubject = new Map<number, string | undefined>();
  private readonly aboveSubject = new Map<number, string | undefined>();
  private titleSubject?: { subject?: string };

  constructor(
    private readonly idx: FactIndex,
    private readonly text: string,
    private readonly outline: DraftOutline,
    private periods: PeriodMention[],
    private readonly year: number,
    /** The subject mentions of the body when already found (subjectMentions from outline.bodyStart). */
    subjects?: SubjectMention[],
  ) {
    this.subjects = subjects ?? subjectMentions(idx, text, outline.bodyStart);
    this.periods = periods.map((p, i) => {
      if (!p.relative?.implicit) return p;
      const para = this.sentenceAt(p.start)?.paragraph;
      // Earlier mentions of the same paragraph (paragraphs only grow along the text).
      const earlier: PeriodMention[] = [];
      for (let k = i - 1; k >= 0; k--) {
        const at = this.sentenceAt(periods[k].start)?.paragraph;
        if (at === para) earlier.push(periods[k]);
        else if (at !== undefined && para !== undefined && at < para) break;
      }
      return withYearFromContext(p, earlier.reverse(), year);
    });
  }

  /** The sentence containing an offset. */
  sentenceAt(offset: number): Sentence | undefined {
    const ss = this.outline.sentences;
    let lo = 0;
    let hi = ss.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ss[mid].end <= offset) lo = mid + 1;
      else if (ss[mid].start > offset) hi = mid - 1;
      else return ss[mid];
    }
    return undefined;
  }

  /** Subject mentions inside [from, to). */
  subjectsIn(from: number, to: number): SubjectMention[] {
    return within(this.subjects, from, to);
  }

  /** The last subject mention in sentences before sentence `i`, with the index of its sentence. */
  private mentionBefore(i: number): { mention: SubjectMention; sentence: number } | undefined {
    if (!this.lastBefore) {
      const ss = this.outline.sentences;
      const ms = this.subjects.filter((m) => this.carries(m.subject));
      const out: { mention: SubjectMention; sentence: number }[] = new Array(ss.length);
      let last: { mention: SubjectMention; sentence: number } | undefined;
      // One sweep: sentences and mentions are both sorted and do not overlap; a sentence's
      // last mention is its last one lying inside it (as subjectsIn gives them).
      let j = 0;
      for (let k = 0; k < ss.length; k++) {
        out[k] = last!;
        const { start, end } = ss[k];
        while (j < ms.length && ms[j].start < start) j++;
        let found = -1;
        for (; j < ms.length && ms[j].start < end; j++) if (ms[j].end <= end) found = j;
        if (found >= 0) last = { mention: ms[found], sentence: k };
      }
      this.lastBefore = out;
    }
    return this.lastBefore[i];
  }

  private indexOfSentence(sentence: Sentence): number {
    // (The outline's sentences are sorted and start at distinct offsets.)
    const ss = this.outline.sentences;
    const k = firstStartingAt(ss, sentence.start);
    return k < ss.length && ss[k] === sentence ? k : -1;
  }

  private firstSubjectOf(memo: Map<number, string | undefined>, key: number, text: string): string | undefined {
    if (!memo.has(key)) memo.set(key, this.firstCarried(text));
    return memo.get(key);
  }

  /** The first subject named in a heading or title that the fact base has facts of. */
  private firstCarried(text: string): string | undefined {
    return withoutQuoted(text, findSubjects(this.idx, text)).find((m) => this.carries(m.subject))?.subject;
  }

  /**
   * Whether a subject named in an earlier sentence, a heading or the title carries to the
   * claims after it: one the fact base holds measures of. A mention of the city in passing
   * (北京市“长城友谊奖”获得者) does not make the next paragraph's figures the city's.
   */
  private carries(subject: string): boolean {
    return measureSubjects(this.idx).has(subject);
  }

  /** The context of a claim spanning [start, end). */
  contextOf(start: number, end: number): ClaimContext | undefined {
    const sentence = this.sentenceAt(start);
    if (!sentence) return undefined;
    const clause = clauseAround(this.text, start, end, sentence.start, sentence.end);
    const found = this.subjectFor(start, clause, sentence);
    let { subject, scope } = found;
    // 全区/本区 names the district of whatever the text is about; a title or heading far away
    // only says which district, not which part of it.
    const deictic = DEICTIC.test(this.text.slice(clause.start, start));
    if (subject && (scope === 'heading' || scope === 'title' || (deictic && scope !== 'clause'))) {
      subject = districtOf(this.idx, subject);
    }
    const { period, text } = this.periodFor(start, end, clause, sentence);
    return { clause, sentence, subject, subjectScope: scope, period, periodText: text, lead: this.text.slice(clause.start, start) };
  }

  /**
   * What contextOf reads outside the line [start, end) for a figure inside it, as a key
   * (a list of values and flat objects, offsets relative to the line):
   * the draft's year; the nearest earlier sentence naming a subject (its subject, whether
   * it is in the line's paragraph and section); the subjects of the line's heading, of the
   * headings above and of the title; and the line's periods as resolved (前三季度 alone
   * takes its year from an earlier mention of its paragraph). Sentences, clauses, subject
   * names and the other periods a context reads never cross a line break, so equal lines
   * with equal keys give their figures equal contexts, moved with the line.
   */
  outsideLine(start: number, end: number): unknown[] {
    const ss = this.outline.sentences;
    const hs = this.outline.headings;
    const key: unknown[] = [this.year];
    const k = firstStartingAt(ss, start);
    if (k < ss.length && ss[k].start < end) {
      const s = ss[k];
      const h = s.heading;
      if (h >= 0) key.push('h', this.firstSubjectOf(this.headingSubject, h, hs[h].text), this.subjectAbove(h));
      const e = this.mentionBefore(k);
      if (e) key.push('e', e.mention.subject, ss[e.sentence].paragraph === s.paragraph, h >= 0 && ss[e.sentence].start >= hs[h].start);
    }
    if (this.outline.title) {
      this.titleSubject ??= { subject: this.firstCarried(this.outline.title) };
      key.push('t', this.titleSubject.subject);
    }
    for (let i = firstStartingAt(this.periods, start); i < this.periods.length && this.periods[i].start < end; i++) {
      const p = this.periods[i];
      key.push('p', p.start - start, p.end - start, p.text, p.period, p.relative);
    }
    return key;
  }

  private subjectFor(at: number, clause: { start: number; end: number }, sentence: Sentence): { subject?: string; scope: SubjectScope } {
    // The last mention before the figure in its clause, then in its sentence, then the first after it in the clause
    // (lastWithin/firstWithin: found without making the lists, as this runs for every claim).
    // A place or body outside the fact base (北京市, 全国, 朝阳区, 某公司) in that place is the claim's subject: unknown.
    const inClause = lastWithin(this.subjects, clause.start, at);
    if (inClause) return inClause.subject === OUTSIDE ? { scope: 'outside' } : { subject: inClause.subject, scope: 'clause' };
    const inSentence = lastWithin(this.subjects, sentence.start, at);
    if (inSentence) return inSentence.subject === OUTSIDE ? { scope: 'outside' } : { subject: inSentence.subject, scope: 'sentence' };
    // …, unless the clause names its own district before the figure (全区连续11年获评…): that is the context's.
    const after = DEICTIC.test(this.text.slice(clause.start, at)) ? undefined : firstWithin(this.subjects, at, clause.end);
    if (after) return after.subject === OUTSIDE ? { scope: 'outside' } : { subject: after.subject, scope: 'clause' };
    // Earlier sentences of the same paragraph.
    // (The nearest earlier sentence naming a subject; paragraphs and sections are runs of sentences.)
    const ss = this.outline.sentences;
    const earlier = this.mentionBefore(this.indexOfSentence(sentence));
    if (earlier && ss[earlier.sentence].paragraph === sentence.paragraph) return { subject: earlier.mention.subject, scope: 'paragraph' };
    // The section's own heading, then earlier sentences of the section, then the headings above it.
    const hs = this.outline.headings;
    if (sentence.heading >= 0) {
      const own = this.firstSubjectOf(this.headingSubject, sentence.heading, hs[sentence.heading].text);
      if (own) return { subject: own, scope: 'heading' };
      const sectionStart = hs[sentence.heading].start;
      if (earlier && ss[earlier.sentence].start >= sectionStart) return { subject: earlier.mention.subject, scope: 'paragraph' };
      const above = this.subjectAbove(sentence.heading);
      if (above) return { subject: above, scope: 'heading' };
    }
    if (this.outline.title) {
      this.titleSubject ??= { subject: this.firstCarried(this.outline.title) };
      if (this.titleSubject.subject) return { subject: this.titleSubject.subject, scope: 'title' };
    }
    return { scope: 'none' };
  }

  /** The first subject named by the nearest heading of a higher level above heading `h`, and so on upwards. */
  private subjectAbove(h0: number): string | undefined {
    if (this.aboveSubject.has(h0)) return this.aboveSubject.get(h0);
    const hs = this.outline.headings;
    let level = hs[h0].level;
    let found: string | undefined;
    for (let h = h0 - 1; h >= 0; h--) {
      if (hs[h].level >= level) continue;
      level = hs[h].level;
      found = this.firstSubjectOf(this.headingSubject, h, hs[h].text);
      if (found) break;
    }
    this.aboveSubject.set(h0, found);
    return found;
  }

  private periodFor(
    start: number,
    end: number,
    clause: { start: number; end: number },
    sentence: Sentence,
  ): { period?: ResolvedPeriod; text?: string } {
    // The sentence's periods that are not a comparison's baseline, as indexes into the
    // sorted periods (scanned in place, as this runs for every claim; the tests are pure).
    const ps = this.periods;
    const first = firstStartingAt(ps, sentence.start);
    let last = first;
    while (last < ps.length && ps[last].start < sentence.end) last++;
    const usable = (i: number) => ps[i].end <= sentence.end && !isBaseline(this.text, ps[i]) && !isOrigin(this.text, ps[i], start);
    const pick = (m: PeriodMention) => ({
      period: sinceYear(this.text, m, sentence.end, this.year) ?? resolveMention(m, this.year),
      text: m.text,
    });
    // Earlier clauses scope this one only from topic position (2023年，… / 成立于2014年 does not): the last such.
    const topic = (): PeriodMention | undefined => {
      for (let i = last - 1; i >= first; i--) {
        const p = ps[i];
        if (p.start < clause.start && p.end <= start && usable(i) && !isStreak(p) && isTopic(this.text, p, sentence.start, this.subjectsIn(sentence.start, p.start)) && !this.otherSubjectBetween(p, clause, start)) return p;
      }
      return undefined;
    };
    // The last one in the clause before the figure; a bare 累计 or 目前 there is dated by a topic date (截至2023年底，…累计…).
    for (let i = last - 1; i >= first; i--) {
      if (!(ps[i].start >= clause.start && ps[i].end <= start && usable(i))) continue;
      const bare = ps[i].relative?.asOf && ps[i].relative?.since === undefined && ps[i].relative?.yearOffset === undefined && !ps[i].period;
      const dated = bare ? topic() : undefined;
      return pick(dated?.period?.startsWith('@') ? dated : ps[i]);
    }
    const t = topic();
    if (t) return pick(t);
    // The first one in the clause after the figure.
    for (let i = first; i < last; i++) if (ps[i].start >= end && ps[i].end <= clause.end && usable(i)) return pick(ps[i]);
    // 2017年至2021年，…；…医疗设施3个: a topic period scopes the clauses joined to its sentence by semicolons.
    return this.periodBeforeSemicolon(sentence, clause, start);
  }

  /**
   * Whether the claim's clause names a subject other than the one the period's clause
   * opens with (海淀未来3年要…，怀柔要把18平方公里…: Haidian's 未来3年 is not Huairou's).
   */
  private otherSubjectBetween(p: PeriodMention, clause: { start: number; end: number }, at: number): boolean {
    if (p.start >= clause.start) return false;
    const mine = lastWithin(this.subjects, clause.start, at);
    if (!mine) return false;
    let c = p.start;
    while (c > 0 && !/[，,；;。！？!?\n]/.test(this.text[c - 1])) c--;
    const theirs = lastWithin(this.subjects, c, p.start) ?? firstWithin(this.subjects, p.end, clause.start);
    return !!theirs && theirs.subject !== mine.subject;
  }

  /** The topic period of the sentences before `sentence` that end with a semicolon and run on to it in the same paragraph. */
  private periodBeforeSemicolon(sentence: Sentence, clause: { start: number; end: number }, at: number): { period?: ResolvedPeriod; text?: string } {
    const ss = this.outline.sentences;
    let k = this.indexOfSentence(sentence);
    while (k > 0) {
      const prev = ss[k - 1];
      if (prev.paragraph !== sentence.paragraph || prev.end !== ss[k].start || !/[；;]/.test(this.text[prev.end - 1])) return {};
      const ps = this.periods;
      for (let i = firstStartingAt(ps, prev.start); i < ps.length && ps[i].start < prev.end; i++) {
        const p = ps[i];
        // Only a period that opens the sentence scopes the clauses after its semicolon (not one met in its second clause).
        if (/[，,]/.test(this.text.slice(prev.start, p.start))) continue;
        if (p.end <= prev.end && !isBaseline(this.text, p) && !isStreak(p) && isTopic(this.text, p, prev.start, this.subjectsIn(prev.start, p.start)) && !this.otherSubjectBetween(p, clause, at)) {
          return { period: sinceYear(this.text, p, prev.end, this.year) ?? resolveMention(p, this.year), text: p.text };
        }
      }
      k--;
    }
    return {};
  }
}
