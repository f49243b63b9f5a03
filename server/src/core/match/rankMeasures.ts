/**
 * Finding the measure a quantity claim is about: measure terms near the number (closer
 * is better; a term separated from the number by another figure binds to that figure),
 * the wording of the claim's clause against the sources' quotes (IDF-weighted word
 * overlap after segmentation), and the counter word (17家 is not 17间).
 */
import type { Dimension, Measure, Quantity } from '../types';
import { DerivedValue, STEP_ITEMS, type FactIndex } from '../factIndex';
import { SentenceValue, type ClaimContext, type DraftText, type RespectiveSlot } from '../draft';
import { unitInfo, codeUnitSet } from '../numbers';
import { words, addWords } from './segment';
import { QUOTE_CANDIDATE, QuoteScores, type QuoteStats } from './quoteScores';
import { Ranking, idRanks, ranked, type Scored } from './ranking';
import { compatibleSubjects, forTermMeasures } from './candidateIndex';
import { detached, finishSteps } from '../util';

/** A measure scored for one claim. */
export interface Candidate {
  measure: Measure;
  score: number;
  termScore: number;
  quoteScore: number;
  /** The claim's dimension fits the measure's unit. */
  dimensionOk: boolean;
}

const PERSON_COUNTERS = new Set(['人', '名', '位', '人次']);

function counterClass(unit: string): string {
  return PERSON_COUNTERS.has(unit) ? '人' : unit;
}

/** Dimensions a measure's values can be compared in. */
function dimensionsOf(m: Measure): Dimension[] {
  const dim = unitInfo(m.unit)?.dimension ?? (m.unit === '' ? 'count' : 'none');
  if (dim === 'percent' || dim === 'fraction') return ['percent', 'fraction'];
  if (dim === 'none') return ['count', 'none'];
  if (dim === 'count') return ['count', 'none'];
  return [dim];
}

/** The quote statistics of an index, kept by it (built by quoteStatsSteps). */
const STATS = new DerivedValue((idx) => finishSteps(quoteStatsSteps(idx)));

/** The quote statistics of a fact base (built once per index). */
export function quoteStats(idx: FactIndex): QuoteStats {
  return STATS.of(idx);
}

/** quoteStats in steps: the index's statistics, or them built with a pause every few thousand observations (then kept by the index). */
export function* quoteStatsSteps(idx: FactIndex): Generator<void, QuoteStats, void> {
  const known = STATS.peek(idx);
  if (known) return known;
  addWords(idx.dictionary);
  // How many observations' quotes have each word (for its IDF).
  const documents = new Map<string, number>();
  const wordIds = new Map<string, number>();
  const wordList: string[] = [];
  // Observations whose quotes have the same words share a class (a base that repeats a
  // quote per year or district scores it once).
  const classOf = new Map<string, number>();
  const classWords: Int32Array[] = [];
  const classMeasures: Measure[][] = [];
  const classPostings: number[][] = [];
  // Each measure's distinct quote classes, in the order of its observations (by measure id).
  const measureClasses = new Map<string, number[]>();
  // Each distinct quote's words and class, segmented once (observations often share a quote).
  const byQuote = new Map<string, { words: string[]; c: number }>();
  let n = 0;
  for (const [measureId, list] of idx.observations) {
    const classes = new Set<number>();
    for (const io of list) {
      if (++n % STEP_ITEMS === 0) yield;
      let q = byQuote.get(io.obs.quote);
      if (!q) {
        const ws = [...new Set(words(io.obs.quote.replace(/[\d.]+/g, ' ')))];
        const ids: number[] = [];
        for (const w of ws) {
          let id = wordIds.get(w);
          if (id === undefined) {
            id = wordList.length;
            wordIds.set(w, id);
            wordList.push(w);
          }
          ids.push(id);
        }
        const sorted = Int32Array.from(ids).sort();
        const key = sorted.join(',');
        let c = classOf.get(key);
        if (c === undefined) {
          c = classWords.length;
          classOf.set(key, c);
          classWords.push(sorted);
          classMeasures.push([]);
          for (const id of sorted) (classPostings[id] ??= []).push(c);
        }
        byQuote.set(io.obs.quote, (q = { words: ws, c }));
      }
      for (const w of q.words) documents.set(w, (documents.get(w) ?? 0) + 1);
      classes.add(q.c);
      if (!classMeasures[q.c].includes(io.measure)) classMeasures[q.c].push(io.measure);
    }
    measureClasses.set(measureId, [...classes]);
  }
  const idf = new Map<string, number>();
  for (const [w, d] of documents) idf.set(w, Math.log(1 + n / d));
  const termsByChar = new Map<string, string[]>();
  for (const t of idx.terms.keys()) {
    const list = termsByChar.get(t[0]) ?? [];
    list.push(t);
    termsByChar.set(t[0], list);
  }
  const termFirst = codeUnitSet(idx.terms.keys());
  return STATS.keep(idx, { idf, maxIdf: Math.log(1 + n), termsByChar, termsByPair: new Map(), termFirst, wordIds, wordList, classWords, classMeasures, classPostings, measureClasses });
}

/**
 * An index's quote scores by sentence text, then clause text (the sentence's string is
 * shared by its claims, so its hash is computed once); emptied past 20,000.
 */
const SCORES = new DerivedValue(() => ({ bySentence: new Map<string, Map<string, QuoteScores>>(), size: 0 }));

/** The quote scores of a clause and sentence (memoized: a sentence's claims share them, and an edit leaves most sentences alone). */
function quoteScoresOf(idx: FactIndex, stats: QuoteStats, clauseText: string, sentenceText: string): QuoteScores {
  const memo = SCORES.of(idx);
  if (memo.size >= 20000) {
    memo.bySentence.clear();
    memo.size = 0;
  }
  let byClause = memo.bySentence.get(sentenceText);
  if (!byClause) memo.bySentence.set(detached(sentenceText), (byClause = new Map()));
  let qs = byClause.get(clauseText);
  if (!qs) {
    const clauseWords = words(clauseText);
    const sentenceWords = sentenceText.length > clauseText.length + 2 ? words(sentenceText) : clauseWords;
    qs = new QuoteScores(idx, stats, clauseWords, sentenceWords);
    byClause.set(detached(clauseText), qs);
    memo.size++;
  }
  return qs;
}

/** Every term occurrence in a sentence: term → start offsets (the claims of a sentence share them). */
const TERM_OCCURRENCES = new SentenceValue((draft, s) => findTermOccurrences(draft.text, s.start, s.end, quoteStats(draft.idx)));

/**
 * The terms that can occur at `i` of a range ending at `to`, in termsByChar's order: those
 * of one code unit and those whose second code unit is the text's next one (a first
 * character such as 全 or 地 starts dozens of terms, and each was tested in full).
 */
function termsAt(text: string, i: number, to: number, stats: QuoteStats): string[] {
  const c0 = text.charCodeAt(i);
  const c1 = i + 1 < to ? text.charCodeAt(i + 1) : -1;
  const key = c0 * 65537 + c1 + 1;
  let list = stats.termsByPair.get(key);
  if (list === undefined) {
    const all = stats.termsByChar.get(text[i]) ?? [];
    list = all.filter((t) => t.length === 1 || t.charCodeAt(1) === c1);
    if (stats.termsByPair.size >= 100_000) stats.termsByPair.clear(); // a long-lived server meets ever more pairs
    stats.termsByPair.set(key, list);
  }
  return list;
}

function findTermOccurrences(text: string, from: number, to: number, stats: QuoteStats): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = from; i < to; i++) {
    if (stats.termFirst[text.charCodeAt(i)] === 0) continue;
    for (const t of termsAt(text, i, to, stats)) {
      if (i + t.length <= to && text.startsWith(t, i)) {
        const at = out.get(t);
        if (at) at.push(i);
        else out.set(t, [i]);
      }
    }
  }
  return out;
}

/** Verbs linking a noun to a figure after it (基础设施完成率达到91%). */
const LINKING_VERBS = ['达到', '达', '为', '是', '约', '超过', '已达', '实现', '保持', '共', '有'];

/** Term score: the best term occurrence by proximity, plus a little for a second distinct term. */
function termScore(text: string, terms: string[], q: Quantity, ctx: ClaimContext, others: Quantity[], occ: Map<string, number[]>, slot?: RespectiveSlot): number {
  // The best and second-best term scores (no array to sort: this runs for every candidate of every claim).
  let first = 0;
  let second = 0;
  for (const t of terms) {
    // A term that does not occur scores 0, which changes neither of the two best.
    const at = occ.get(t);
    if (at === undefined) continue;
    let best = 0;
    for (const a of at) {
      const b = a + t.length;
      if (a < q.end && b > q.start) continue;
      const d = b <= q.start ? q.start - b : a - q.end;
      const lo = Math.min(b, q.end);
      const hi = Math.max(a, q.start);
      // A term between another figure and this one, or glued to another figure (17间总统套房、近千间客房), belongs to that figure:
      // it follows that figure (17间总统套房: the noun right after a figure is its own), or precedes it with at most a
      // verb between (基础设施完成率达到91%) while this figure is further away. One pass over the sentence's figures.
      const ownNoun = a === q.end;
      let blocked = false;
      for (const o of others) {
        if (o === q) continue;
        const between = o.start >= lo && o.end <= hi;
        const boundElsewhere = !ownNoun && (a === o.end || (o.start >= b && d > 1 && (o.start - b <= 1 || isLinkingVerb(text, b, o.start))));
        if (between || boundElsewhere) {
          blocked = true;
          break;
        }
      }
      const inClause = a >= ctx.clause.start && b <= ctx.clause.end;
      const after = a >= q.end;
      let s = (inClause ? 1 : 0.4) / (1 + d / 10);
      if (blocked) s *= 0.3;
      // 分别: a noun group before 分别 belongs to the figure in the same place after it.
      if (slot) {
        const g = slot.groups.findIndex((x) => a >= x.start && b <= x.end);
        if (g >= 0) s = g === slot.index ? 1 / (1 + 0.1) : s * 0.3;
      }
      if (after && !inClause) s *= 0.5;
      // After the figure and past a list separator (83%、基础设施完成率…), a noun starts the next item.
      if (after && hasListSeparator(text, q.end, a)) s *= 0.3;
      best = Math.max(best, s);
    }
    const score = best > 0 ? best * Math.min(1, 0.35 + 0.15 * t.length) : 0;
    if (score > first) {
      second = first;
      first = score;
    } else if (score > second) second = score;
  }
  return first + 0.25 * second;
}

/** Whether text[from, to) is exactly a linking verb (LINKING_VERBS), without cutting it out. */
function isLinkingVerb(text: string, from: number, to: number): boolean {
  for (const v of LINKING_VERBS) if (v.length === to - from && text.startsWith(v, from)) return true;
  return false;
}

/** List separators: after a figure and past one of these, a noun starts the next item. */
const LIST_SEPARATORS = codeUnitSet(['、', '，', ',', '；', ';']);

/** Whether text[from, to) holds a list separator, without cutting it out. */
function hasListSeparator(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (LIST_SEPARATORS[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** Start of the clause containing an offset. */
function clauseStart(text: string, at: number, lo: number): number {
  let i = at;
  while (i > lo && CLAUSE_START_AFTER[text.charCodeAt(i - 1)] === 0) i--;
  return i;
}

/** What a clause starts after (clauseStart), by UTF-16 code unit. */
const CLAUSE_START_AFTER = codeUnitSet([...'，,；;。：:']);

/** The text of [from, to) with every figure blanked out, so only words are compared. */
function withoutFigures(text: string, from: number, to: number, figures: Quantity[]): string {
  let out = '';
  let at = from;
  for (const f of figures) {
    if (f.end <= from || f.start >= to) continue;
    out += text.slice(at, Math.max(at, f.start)) + ' ';
    at = Math.max(at, f.end);
  }
  return (out + text.slice(at, to)).replace(/[\d.]+/g, ' ');
}

/** A sentence with its figures blanked out (withoutFigures), shared by its claims. */
const SENTENCE_WORDS = new SentenceValue((draft, s) => withoutFigures(draft.text, s.start, s.end, draft.figuresIn(s)));

/**
 * Scores every measure of the draft's index for a claim of it, best first, split by the
 * claim's subject (see Ranking); the claim is read with the other figures of its
 * sentence. Measures without any signal are left out.
 */
export function rankMeasures(draft: DraftText, q: Quantity, ctx: ClaimContext, slot?: RespectiveSlot): Ranking {
  // (The closures below keep what they read, not the draft: a memo keeps a settled ranking.)
  const { idx, text } = draft;
  const others = draft.figuresIn(ctx.sentence);
  const stats = quoteStats(idx);
  // A share right after a figure (备案大模型95款，占全市的近七成) is a share of that figure's thing: read both clauses.
  const prev = q.dimension === 'percent' || q.dimension === 'fraction' ? others.filter((o) => o.end <= ctx.clause.start && o.start >= ctx.sentence.start).pop() : undefined;
  const from = prev && !others.some((o) => o.start >= ctx.clause.start && o.end <= q.start) ? clauseStart(text, prev.start, ctx.sentence.start) : ctx.clause.start;
  const clauseText = withoutFigures(text, from, ctx.clause.end, others);
  // The whole sentence helps when the clause alone is generic (全市占比约四分之一 after 人才资源总量…).
  const sentenceText = SENTENCE_WORDS.of(draft, ctx.sentence);
  const occ = TERM_OCCURRENCES.of(draft, ctx.sentence);
  const quoteScore = quoteScoresOf(idx, stats, clauseText, sentenceText);
  const ids = idRanks(idx);
  const infos = MEASURE_INFO.of(idx);
  const score = scorer(text, q, ctx, others, occ, quoteScore, infos, slot);
  // Candidates: measures with a term in the sentence, or with a quote sharing words with it.
  const all = (): Set<Measure> => {
    const measures = new Set<Measure>();
    for (const t of occ.keys()) for (const m of idx.terms.get(t) ?? []) measures.add(m);
    for (const m of quoteScore.strong().keys()) measures.add(m);
    return measures;
  };
  const subject = ctx.subject;
  // With ids the collator finds equal, equal scores keep the order the candidates were
  // found in, which the index by subject does not keep: rank all of them then.
  if (!subject || !ids.unique) return Ranking.of(idx, subject, ranked(all(), score));
  const compatible = compatibleSubjects(idx, subject);
  const mine = new Set<Measure>();
  const add = (m: Measure) => mine.add(m);
  for (const t of occ.keys()) forTermMeasures(idx, t, compatible, add);
  for (const m of quoteScore.strongIn(compatible).keys()) mine.add(m);
  const otherSubjects = (keep?: (m: Measure) => boolean) => ranked([...all()].filter((m) => !compatible.has(m.subject) && (!keep || keep(m))), score);
  return new Ranking(ranked(mine, score), subjectIn(compatible), otherSubjects, dimensionFits(infos, q.dimension));
}

/** Whether a measure's dimensions include the claim's (a candidate's dimensionOk), made outside rankMeasures as subjectIn. */
function dimensionFits(infos: MeasureInfos, d: Dimension): (m: Measure) => boolean {
  return (m) => infos.of(m).dims.includes(d);
}

/** A test of a measure's subject against a set (made outside rankMeasures, so it keeps none of a claim's text). */
function subjectIn(subjects: Set<string>): (m: Measure) => boolean {
  return (m) => subjects.has(m.subject);
}

/** The scoring of one claim's candidate measures (undefined for a measure without any signal). */
function scorer(text: string, q: Quantity, ctx: ClaimContext, others: Quantity[], occ: Map<string, number[]>, quoteScore: QuoteScores, infos: MeasureInfos, slot?: RespectiveSlot): (m: Measure) => Scored | undefined {
  // termScore depends on the measure only through its terms (copies of a measure per district share them).
  const byTerms = new Map<string, number>();
  const claimCounter = q.unit ? counterClass(q.unit) : undefined;
  return (m) => {
    const info = infos.of(m);
    let ts = byTerms.get(info.termsKey);
    if (ts === undefined) byTerms.set(info.termsKey, (ts = termScore(text, info.terms, q, ctx, others, occ, slot)));
    const qs = quoteScore.of(m);
    if (ts === 0 && qs < QUOTE_CANDIDATE) return undefined;
    const dimensionOk = info.dims.includes(q.dimension);
    let unitBonus = 0;
    if (q.dimension === 'count' && claimCounter !== undefined && dimensionOk) {
      unitBonus = claimCounter === info.counter ? 0.2 : -0.4;
    }
    return { c: { measure: m, score: ts + 0.8 * qs + unitBonus, termScore: ts, quoteScore: qs, dimensionOk }, rank: info.rank };
  };
}

/**
 * What ranking needs of a measure beyond a claim: its distinct terms (in order) and their
 * key (measures with the same terms have the same term score for a claim), dimensions,
 * counter class and place in id order.
 */
interface MeasureInfo {
  terms: string[];
  termsKey: string;
  dims: Dimension[];
  counter: string;
  rank: number;
}

function infoOf(m: Measure, ranks: Map<Measure, number>): MeasureInfo {
  const terms = [...new Set(m.terms)];
  return { terms, termsKey: terms.join('\u0000'), dims: dimensionsOf(m), counter: counterClass(m.unit), rank: ranks.get(m) ?? 0 };
}

/** Every measure's MeasureInfo, built for every measure of an index at once: a claim's first look at a measure is a lookup. */
class MeasureInfos {
  private readonly byMeasure = new Map<Measure, MeasureInfo>();

  constructor(private readonly ranks: Map<Measure, number>) {
    for (const m of ranks.keys()) this.byMeasure.set(m, infoOf(m, ranks));
  }

  /** A measure's information (made on the spot for a measure outside the index). */
  of(m: Measure): MeasureInfo {
    return this.byMeasure.get(m) ?? infoOf(m, this.ranks);
  }
}

/** An index's measures' information, kept by the index. */
const MEASURE_INFO = new DerivedValue((idx) => new MeasureInfos(idRanks(idx).ranks));
