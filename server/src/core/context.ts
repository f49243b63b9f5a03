/**
 * The context of a claim: its clause and sentence, the subject it is about (explicit in
 * the clause, else carried from the sentence, paragraph, section heading or title) and
 * the period it describes (2023年, 今年上半年 relative to the draft's date, 十四五以来, 近3年).
 */
import type { PeriodMention } from './types';
import type { DraftOutline, Sentence } from './draft';
import { clauseAround } from './draft';
import type { FactIndex } from './factIndex';
import { districtOf } from './factIndex';
import { parsePeriod, type ResolvedPeriod } from './periods';

/** A subject named in the text. */
export interface SubjectMention {
  start: number;
  end: number;
  subject: string;
}

/** Where a claim's subject came from, nearest first. */
export type SubjectScope = 'clause' | 'sentence' | 'paragraph' | 'heading' | 'title' | 'none';

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

/** Finds subject names and aliases in a text, longest match first, non-overlapping. */
export function findSubjects(idx: FactIndex, text: string, from = 0, to = text.length): SubjectMention[] {
  const out: SubjectMention[] = [];
  const firstChars = new Set(idx.subjectNames.map((n) => n.name[0]));
  for (let i = from; i < to; i++) {
    if (!firstChars.has(text[i])) continue;
    for (const { name, subject } of idx.subjectNames) {
      if (text.startsWith(name, i) && i + name.length <= to) {
        out.push({ start: i, end: i + name.length, subject });
        i += name.length - 1;
        break;
      }
    }
  }
  return out;
}

/** Resolves a period mention to a period, given the draft's year. */
export function resolveMention(m: PeriodMention, year: number): ResolvedPeriod | undefined {
  const rel = m.relative;
  if (rel?.since !== undefined) return { kind: 'span', from: rel.since, to: year };
  if (m.period) return parsePeriod(m.period);
  if (!rel) return undefined;
  if (rel.span) return { kind: 'recent', years: rel.span };
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
function isTopic(text: string, m: PeriodMention, sentenceStart: number): boolean {
  let i = m.start;
  while (i > sentenceStart && /[自从在于截至到“"（(\s]/.test(text[i - 1])) i--;
  const lead = /(预计|力争|其中|计划|目标)$/.exec(text.slice(Math.max(sentenceStart, i - 2), i));
  if (lead) i -= lead[0].length;
  return i === sentenceStart || /[，,；;：:。！？\n]/.test(text[i - 1]);
}

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

  constructor(
    private readonly idx: FactIndex,
    private readonly text: string,
    private readonly outline: DraftOutline,
    private periods: PeriodMention[],
    private readonly year: number,
  ) {
    this.subjects = findSubjects(idx, text, outline.bodyStart);
    this.periods = periods.map((p, i) => {
      if (!p.relative?.implicit) return p;
      const para = this.sentenceAt(p.start)?.paragraph;
      const earlier = periods.slice(0, i).filter((e) => this.sentenceAt(e.start)?.paragraph === para);
      return withYearFromContext(p, earlier, year);
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
    return this.subjects.filter((s) => s.start >= from && s.end <= to);
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
    const deictic = /全区|本区|全县/.test(this.text.slice(clause.start, start));
    if (subject && (scope === 'heading' || scope === 'title' || (deictic && scope !== 'clause'))) {
      subject = districtOf(this.idx, subject);
    }
    const { period, text } = this.periodFor(start, end, clause, sentence);
    return { clause, sentence, subject, subjectScope: scope, period, periodText: text, lead: this.text.slice(clause.start, start) };
  }

  private subjectFor(at: number, clause: { start: number; end: number }, sentence: Sentence): { subject?: string; scope: SubjectScope } {
    const before = (from: number, to: number) => this.subjectsIn(from, to).filter((s) => s.end <= at);
    const inClause = before(clause.start, at);
    if (inClause.length) return { subject: inClause[inClause.length - 1].subject, scope: 'clause' };
    const inSentence = before(sentence.start, at);
    if (inSentence.length) return { subject: inSentence[inSentence.length - 1].subject, scope: 'sentence' };
    const after = this.subjectsIn(at, clause.end);
    if (after.length) return { subject: after[0].subject, scope: 'clause' };
    // Earlier sentences of the same paragraph.
    const ss = this.outline.sentences;
    for (let i = ss.indexOf(sentence) - 1; i >= 0 && ss[i].paragraph === sentence.paragraph; i--) {
      const found = this.subjectsIn(ss[i].start, ss[i].end);
      if (found.length) return { subject: found[found.length - 1].subject, scope: 'paragraph' };
    }
    // The section's own heading, then earlier sentences of the section, then the headings above it.
    const hs = this.outline.headings;
    if (sentence.heading >= 0) {
      const found = findSubjects(this.idx, hs[sentence.heading].text);
      if (found.length) return { subject: found[0].subject, scope: 'heading' };
      const sectionStart = hs[sentence.heading].start;
      for (let i = ss.indexOf(sentence) - 1; i >= 0 && ss[i].start >= sectionStart; i--) {
        const inSection = this.subjectsIn(ss[i].start, ss[i].end);
        if (inSection.length) return { subject: inSection[inSection.length - 1].subject, scope: 'paragraph' };
      }
      let level = hs[sentence.heading].level;
      for (let h = sentence.heading - 1; h >= 0; h--) {
        if (hs[h].level >= level) continue;
        level = hs[h].level;
        const above = findSubjects(this.idx, hs[h].text);
        if (above.length) return { subject: above[0].subject, scope: 'heading' };
      }
    }
    if (this.outline.title) {
      const found = findSubjects(this.idx, this.outline.title);
      if (found.length) return { subject: found[0].subject, scope: 'title' };
    }
    return { scope: 'none' };
  }

  private periodFor(
    start: number,
    end: number,
    clause: { start: number; end: number },
    sentence: Sentence,
  ): { period?: ResolvedPeriod; text?: string } {
    const inSentence = this.periods.filter((p) => p.start >= sentence.start && p.end <= sentence.end && !isBaseline(this.text, p));
    const pick = (m: PeriodMention) => ({
      period: sinceYear(this.text, m, sentence.end, this.year) ?? resolveMention(m, this.year),
      text: m.text,
    });
    const inClauseBefore = inSentence.filter((p) => p.start >= clause.start && p.end <= start);
    if (inClauseBefore.length) return pick(inClauseBefore[inClauseBefore.length - 1]);
    // Earlier clauses scope this one only from topic position (2023年，… / 成立于2014年 does not).
    const topics = inSentence.filter((p) => p.end <= start && isTopic(this.text, p, sentence.start));
    if (topics.length) return pick(topics[topics.length - 1]);
    const inClauseAfter = inSentence.filter((p) => p.start >= end && p.end <= clause.end);
    if (inClauseAfter.length) return pick(inClauseAfter[0]);
    return {};
  }
}
