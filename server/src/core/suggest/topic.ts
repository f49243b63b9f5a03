/**
 * The subject and period of a figure in a source, as a curator reads them. The checker
 * reads a draft's context conservatively (a heading far away only says which district);
 * a source is read for what it is about: its subject names (found with the checker's
 * findSubjects) outside names in brackets or quotes (“怀柔出品”, (怀柔科学城中心)), the
 * clause's and sentence's, then the topic of its paragraph (the first name of the
 * nearest earlier sentence naming one), then the topic of its section (the nearest
 * heading or line ending with a colon, as a transcript's speaker lines, naming one),
 * then the title's. 全区 in the sentence names the district of that subject.
 */
import type { FactIndex } from '../factIndex';
import { ancestry, districtOf } from '../factIndex';
import { findSubjects, resolveMention, OUTSIDE, type ClaimContext, type SubjectMention, type SubjectScope } from '../draft';
import { shortName } from './subjects';
import { firstWithin, lastWithin, within } from '../util';
import type { PeriodMention } from '../types';
import { parseQuantity } from '../numbers';
import type { SourceReading } from './read';

const OPEN = '“‘"(（《【「';
const CLOSE = '”’")）》】」';

/** Spans [start, end) of the text inside brackets and quotation marks, line by line. */
export function bracketed(text: string): [number, number][] {
  const out: [number, number][] = [];
  const stack: { ch: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') stack.length = 0;
    else if (c === '"' && stack.length && stack[stack.length - 1].ch === '"') out.push([stack.pop()!.at, i]);
    else if (CLOSE.includes(c) && c !== '"') {
      const want = OPEN[CLOSE.indexOf(c)];
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k].ch === want) {
          out.push([stack[k].at, i]);
          stack.length = k;
          break;
        }
      }
    } else if (OPEN.includes(c)) stack.push({ ch: c, at: i + 1 });
  }
  return out;
}

/** A clause of circumstance (随着…，伴随…): what it names is the setting, not the paragraph's topic. */
const CIRCUMSTANCE = /^(随着|伴随着?|鉴于)/;

/** The start of the clause holding `at` (after a comma, semicolon, colon, full stop or line break). */
function clauseStartAt(text: string, at: number): number {
  let i = at;
  while (i > 0 && !/[，,；;：:。！？!?\n]/.test(text[i - 1])) i--;
  return i;
}

/** What may stand before a clause's topic: connectives and times (其中，今年…). */
const BEFORE_TOPIC = /^(?:其中|而|但|同时|另外|此外|目前|今年|去年|近年来|当前)?$/;

/**
 * Short names of subjects (中关村 of 中关村国家自主创新示范区, subjects.ts) where they open
 * their clause as its topic (中关村是中国第一个国家自主创新示范区), outside the names the base
 * finds (中关村科学城) and not followed by more of a name in the same breath: a short name
 * inside a longer one (中关村壹号, 在北部新增了中关村集成电路设计园) is not a topic.
 */
function shortNameMentions(idx: FactIndex, text: string, names: SubjectMention[]): SubjectMention[] {
  const taken = new Set(idx.base.subjects.flatMap((s) => [s.name, ...s.aliases]));
  const out: SubjectMention[] = [];
  for (const subject of idx.base.subjects) {
    const short = shortName(subject, taken);
    if (!short) continue;
    for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + 1)) {
      const end = at + short.length;
      if (names.some((m) => m.start < end && at < m.end)) continue;
      if (!BEFORE_TOPIC.test(text.slice(clauseStartAt(text, at), at))) continue;
      out.push({ start: at, end, subject: subject.id });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Reads subjects and periods of a source's figures (one per reading). */
export class Topics {
  /** Subject names outside brackets and quotes, in order (an outside place as a clause's topic: subject OUTSIDE). */
  private readonly free: SubjectMention[];
  /** The names that can be a paragraph's or section's topic: the base's subjects, not in a circumstance (随着科学城“聚人气”，…). */
  private readonly topical: SubjectMention[];
  /** Short names (中关村) opening their clause: the subject of that clause only. */
  private readonly short: SubjectMention[];
  private readonly titleSubject?: string;
  /** Lines that open a section: the outline's headings and lines ending with a colon (a speaker, …情况：), in order. */
  private readonly openers: { start: number; end: number }[];

  constructor(
    private readonly idx: FactIndex,
    private readonly r: SourceReading,
  ) {
    const spans = bracketed(r.text);
    const inside = (m: SubjectMention) => spans.some(([a, b]) => a <= m.start && m.end <= b && !(a === m.start && b === m.end));
    this.titleSubject = findSubjects(idx, r.source.title)[0]?.subject;
    // The city of a district's source, named as part of another name (北京市市长国际企业顾问会议, 北京市“长城友谊奖”), is not what its figures are about.
    const above = new Set(this.titleSubject ? ancestry(idx, this.titleSubject).slice(1) : []);
    const modifier = (m: SubjectMention) => above.has(m.subject) && /^[\u4e00-\u9fff“"《(（]/.test(r.text.slice(m.end, m.end + 1)) && !/^(的|在|是|和|与|及|全)/.test(r.text.slice(m.end, m.end + 1));
    this.free = r.finder.subjectsIn(0, r.text.length).filter((m) => !inside(m) && !modifier(m));
    this.topical = this.free.filter((m) => m.subject !== OUTSIDE && !CIRCUMSTANCE.test(r.text.slice(clauseStartAt(r.text, m.start), m.start)));
    this.short = shortNameMentions(idx, r.text, this.free).filter((m) => !inside(m));
    const colonLines = [...r.text.matchAll(/^[^\n]*[:：][ \t]*$/gm)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
    this.openers = [...r.outline.headings, ...colonLines].sort((a, b) => a.start - b.start);
  }

  /** The subject of a figure at [start, end) with its context, and where it came from. */
  subjectOf(ctx: ClaimContext, start: number, end: number): { subject?: string; scope: SubjectScope } {
    const found = this.find(ctx, start, end);
    if (found.subject && /全区|本区|全县/.test(this.r.text.slice(ctx.sentence.start, start)) && found.scope !== 'clause') {
      return { subject: districtOf(this.idx, found.subject), scope: found.scope };
    }
    return found;
  }

  private find(ctx: ClaimContext, start: number, end: number): { subject?: string; scope: SubjectScope } {
    // An outside place (全国, 北京市 as a topic, another district) names what the clause speaks of: none of the base's.
    const named = (m: SubjectMention, scope: SubjectScope) => (m.subject === OUTSIDE ? { scope: 'outside' as const } : { subject: m.subject, scope });
    const inClause = lastWithin(this.free, ctx.clause.start, start);
    const shortInClause = lastWithin(this.short, ctx.clause.start, start);
    if (shortInClause && (!inClause || shortInClause.start > inClause.start)) return { subject: shortInClause.subject, scope: 'clause' };
    if (inClause) return named(inClause, 'clause');
    const inSentence = lastWithin(this.free, ctx.sentence.start, start);
    if (inSentence) return named(inSentence, 'sentence');
    const after = firstWithin(this.free, end, ctx.clause.end);
    if (after) return named(after, 'clause');
    // The topic of the paragraph: the first name of its nearest earlier sentence naming one.
    const sentences = this.r.outline.sentences;
    const k0 = sentences.indexOf(ctx.sentence);
    for (let k = k0 - 1; k >= 0 && sentences[k].paragraph === ctx.sentence.paragraph; k--) {
      const topic = firstWithin(this.topical, sentences[k].start, sentences[k].end);
      if (topic) return { subject: topic.subject, scope: 'paragraph' };
    }
    // The topic of the section: the nearest earlier heading or opening line (…介绍:, a speaker's name and titles) naming one.
    for (let i = this.openers.length - 1; i >= 0; i--) {
      const o = this.openers[i];
      if (o.start >= ctx.sentence.start) continue;
      const topic = firstWithin(this.topical, o.start, o.end);
      if (topic) return { subject: topic.subject, scope: 'heading' };
    }
    return this.titleSubject ? { subject: this.titleSubject, scope: 'title' } : { scope: 'none' };
  }

  /**
   * A source's period for a figure: the context's, with three readings a curator makes
   * that the checker does not —
   * - a bare 累计 or 目前 after a span in topic position (五年来，…累计开复工1203万平方米) is
   *   a total over that span;
   * - a plan period before a relative clause ending right at the figure (“十三五”时期布局的
   *   29个设施平台) says which things are counted, not when: the count is as of the source;
   * - without one: the last event time of the sentence before the figure (a relative
   *   year, 是今年7月份…期间，…发了两趟专列, or a year naming an event, 2024中关村论坛); else
   *   the topic period of the clause group before a semicolon (“十四五”以来，…；…1007万平方米);
   *   else the dated event time (今年7月份) of the nearest earlier sentence of the paragraph
   *   that states a period;
   * - a figure after 连续N年 in its clause, stated with no period (影片连续三年占…五分之一),
   *   holds for the N full years before the source's; when its sentence names those years
   *   before it (2023年和2024年分别达…，全市占比连续两年保持四分之一强), it is the last one's.
   */
  periodOf(ctx: ClaimContext, start: number): Pick<ClaimContext, 'period' | 'periodText'> {
    const counted = this.streakBefore(ctx, start);
    if (counted) return { period: { kind: 'year', from: counted.to, to: counted.to }, periodText: `${counted.to}年` };
    const sentences = this.r.outline.sentences;
    const k = sentences.indexOf(ctx.sentence) - 1;
    const prev = k >= 0 && sentences[k].paragraph === ctx.sentence.paragraph ? sentences[k] : undefined;
    if (ctx.period) {
      const m = this.mentionAt(ctx, start);
      if (ctx.period.kind === 'asof' && m?.relative?.asOf && !m.relative.span && m.relative.yearOffset === undefined) {
        const span = this.topicMentions(ctx.sentence.start, m.start).find((p) => p.relative?.span || resolveMention(p, this.r.year)?.kind === 'span');
        if (span) return { period: resolveMention(span, this.r.year), periodText: span.text };
      }
      if (m && ctx.period.kind === 'span' && m.period && this.attributive(m)) return { period: { kind: 'asof' }, periodText: undefined };
      return { period: ctx.period, periodText: ctx.periodText };
    }
    const own = this.eventTime(ctx.sentence.start, Math.max(start, ctx.clause.end), false);
    if (own) return own;
    const streak = /连续([0-9]+|[一二两三四五六七八九十]+)年/.exec(this.r.text.slice(ctx.clause.start, start));
    const years = streak && (parseQuantity(`${streak[1]}年`)?.value ?? 0);
    if (years && years > 1 && years < 30) return { period: { kind: 'span', from: this.r.year - years, to: this.r.year - 1 }, periodText: streak[0] };
    if (prev && /[；;]$/.test(this.r.text.slice(prev.start, prev.end))) {
      const topic = this.topicMentions(prev.start, prev.end)[0];
      const period = topic && resolveMention(topic, this.r.year);
      if (period) return { period, periodText: topic.text };
    }
    // The nearest earlier sentence of the paragraph stating a time: when that is an event's dated time, or the time
    // of an event named with its year (这是2024国际基础科学大会期间), it is the figure's.
    for (let j = k; j >= 0 && sentences[j].paragraph === ctx.sentence.paragraph; j--) {
      const ps = within(this.r.periods, sentences[j].start, sentences[j].end);
      if (!ps.length) {
        const during = this.duringEvent(sentences[j].start, sentences[j].end);
        if (during) return during;
        continue;
      }
      return ps.every((p) => this.isEventTime(p)) ? (this.eventTime(sentences[j].start, sentences[j].end, true) ?? {}) : {};
    }
    return {};
  }

  /** The years a streak 连续N年 right before `at` in its clause counts, when its sentence names them before it (see streakYears). */
  private streakBefore(ctx: ClaimContext, at: number): { from: number; to: number; text: string } | undefined {
    const m = /连续([0-9]+|[一二两三四五六七八九十]+)年(?!.*连续)/.exec(this.r.text.slice(ctx.clause.start, at));
    if (!m) return undefined;
    return this.streakYears(ctx, ctx.clause.start + m.index, parseQuantity(`${m[1]}年`)?.value ?? 0);
  }

  /**
   * The years a streak of `n` years starting at offset `at` counts, when its sentence
   * names exactly those years before it, one after another (2023年和2024年…连续两年): their
   * first and last, and the text naming them.
   */
  streakYears(ctx: ClaimContext, at: number, n: number): { from: number; to: number; text: string } | undefined {
    if (!(n > 1 && n < 30)) return undefined;
    const years = within(this.r.periods, ctx.sentence.start, at).filter((p) => p.period && /^\d{4}$/.test(p.period));
    if (years.length !== n) return undefined;
    const ys = years.map((p) => Number(p.period));
    if (ys.some((y, i) => i > 0 && y !== ys[i - 1] + 1)) return undefined;
    return { from: ys[0], to: ys[n - 1], text: this.r.text.slice(years[0].start, years[n - 1].end) };
  }

  /** A plan period opening a relative clause whose noun is counted by the figure right after it (“十三五”时期布局的29个, 新布局的…装置等8个). */
  private attributive(m: PeriodMention): boolean {
    const next = this.r.quantities.find((q) => q.start >= m.end);
    if (!next || next.dimension !== 'count') return false;
    return /^[”"’]?[^，,；;。0-9]{0,12}的(?:[^，,；;。0-9]{0,20}等)?$/.test(this.r.text.slice(m.end, next.start));
  }

  /** The mention a context's period came from. */
  private mentionAt(ctx: ClaimContext, at: number): PeriodMention | undefined {
    const same = within(this.r.periods, ctx.sentence.start, ctx.sentence.end).filter((p) => p.text === ctx.periodText);
    return same.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
  }

  /** Period mentions of [from, to) in topic position: opening the sentence or right after a comma. */
  private topicMentions(from: number, to: number): PeriodMention[] {
    return within(this.r.periods, from, to).filter((p) => {
      let i = p.start;
      while (i > from && /[“"‘自从在于截至到]/.test(this.r.text[i - 1])) i--;
      return i === from || /[，,：:]/.test(this.r.text[i - 1]);
    });
  }

  /** A relative year or month (今年, 去年, 今年7月份, 上个月) that is not a comparison's baseline. */
  private isEventTime(p: PeriodMention): boolean {
    const part = p.relative?.part;
    return p.relative?.yearOffset !== undefined && !p.relative.span && !p.relative.asOf && (!part || isMonth(part)) && !/(较|比|相比|同比|与)[“"‘]?$/.test(this.r.text.slice(Math.max(0, p.start - 3), p.start));
  }

  /** The year of an event named with it and the time it lasted (2024国际基础科学大会期间) in [from, to), if one. */
  private duringEvent(from: number, to: number): Pick<ClaimContext, 'period' | 'periodText'> | undefined {
    const named = this.eventTime(from, to, false);
    if (!named || named.period?.kind !== 'year') return undefined;
    const at = this.r.text.indexOf(named.periodText!, from);
    return at >= 0 && /^[^，,；;。]{2,30}期间/.test(this.r.text.slice(at + named.periodText!.length, to)) ? named : undefined;
  }

  /**
   * The last event time in [from, to): a relative year or month (only a month when
   * `dated`), or a year glued to an event's name; a month of that year before the name
   * says when the event was (上个月落下帷幕的2024国际基础科学大会: 2024M07).
   */
  private eventTime(from: number, to: number, dated: boolean): Pick<ClaimContext, 'period' | 'periodText'> | undefined {
    const rel = within(this.r.periods, from, to)
      .filter((p) => this.isEventTime(p) && (!dated || isMonth(p.relative?.part) || /^[0-9一二三四五六七八九十]+月/.test(this.r.text.slice(p.end, p.end + 3))))
      .pop();
    let namedAt = -1;
    let namedYear = 0;
    for (const m of this.r.text.slice(from, to).matchAll(/(?<![0-9])((?:19|20)[0-9]{2})(?=[\u4e00-\u9fff“《])(?!年)/g)) {
      const at = from + m.index!;
      if (this.r.quantities.some((q) => q.start <= at && at < q.end)) continue; // 2000余名 is a figure
      namedAt = at;
      namedYear = Number(m[1]);
    }
    const monthOfNamed = rel && isMonth(rel.relative?.part) && this.r.year + (rel.relative?.yearOffset ?? 0) === namedYear;
    if (rel && (rel.start > namedAt || monthOfNamed)) {
      const period = resolveMention(rel, this.r.year);
      return period ? { period, periodText: rel.text } : undefined;
    }
    return namedAt >= 0 ? { period: { kind: 'year', from: namedYear, to: namedYear }, periodText: String(namedYear) } : undefined;
  }
}

/** Whether a relative mention's part of the year is a month (M07) or a run of months (M01-11). */
function isMonth(part: string | undefined): boolean {
  return part !== undefined && /^M\d/.test(part);
}
