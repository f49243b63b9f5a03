/**
 * The context of a claim: its clause and sentence, the subject it is about (explicit in
 * the clause, else carried from the sentence, paragraph, section heading or title) and
 * the period it describes (2023年, 今年上半年 relative to the draft's date, 十四五以来, 近3年).
 */
import type { PeriodMention } from './types';
import type { DraftOutline, Sentence } from './draft';
import { clauseAround } from './draft';
import type { FactIndex } from './factIndex';
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
  if (m.period) return parsePeriod(m.period);
  const rel = m.relative as ({ yearOffset?: number; part?: string; span?: number; asOf?: boolean } | undefined);
  if (!rel) return undefined;
  if (rel.asOf) return { kind: 'asof' };
  if (rel.span) return { kind: 'recent', years: rel.span };
  const y = year + (rel.yearOffset ?? 0);
  return rel.part ? parsePeriod(`${y}${rel.part}`) : { kind: 'year', from: y, to: y };
}

/** Builds claim contexts; one instance per checked text. */
export class ContextFinder {
  private readonly subjects: SubjectMention[];

  constructor(
    private readonly idx: FactIndex,
    private readonly text: string,
    private readonly outline: DraftOutline,
    private readonly periods: PeriodMention[],
    private readonly year: number,
  ) {
    this.subjects = findSubjects(idx, text, outline.bodyStart);
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
    const { subject, scope } = this.subjectFor(start, clause, sentence);
    const { period, text } = this.periodFor(start, end, clause, sentence);
    return { clause, sentence, subject, subjectScope: scope, period, periodText: text };
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
    for (let h = sentence.heading; h >= 0; h--) {
      const hd = this.outline.headings[h];
      const found = findSubjects(this.idx, hd.text);
      if (found.length) return { subject: found[0].subject, scope: 'heading' };
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
    const inSentence = this.periods.filter((p) => p.start >= sentence.start && p.end <= sentence.end);
    // 2023年和2024年分别达A和B: pair the periods with the quantities in order.
    const pick = (list: PeriodMention[]) => {
      const m = list[list.length - 1];
      return { period: resolveMention(m, this.year), text: m.text };
    };
    const inClauseBefore = inSentence.filter((p) => p.start >= clause.start && p.end <= start);
    if (inClauseBefore.length) return pick(inClauseBefore);
    const sentenceBefore = inSentence.filter((p) => p.end <= start);
    if (sentenceBefore.length) return pick(sentenceBefore);
    const inClauseAfter = inSentence.filter((p) => p.start >= end && p.end <= clause.end);
    if (inClauseAfter.length) return pick(inClauseAfter.slice(0, 1));
    return {};
  }
}
