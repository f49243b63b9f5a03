/**
 * Quote similarity of a claim's clause and sentence to the sources' quotes, as
 * rankMeasures defines it (IDF-weighted share of the claim's words found in a quote;
 * 0.6 × clause + 0.4 × sentence; per measure, the best of its observations), computed
 * without visiting every observation that shares a common word with the claim: words
 * whose postings are long can together add less than the candidate threshold, so an
 * observation reaching it must hold one of the rarer words, and only the postings of
 * those are visited. Each observation's score is then summed word by word in the same
 * order as a full pass would, so the numbers are exactly the same.
 */
import type { Measure } from '../types';
import type { FactIndex } from '../factIndex';
import { forSubjects } from './candidateIndex';

/** Word statistics of the sources' quotes, with an inverted index word → quote classes. */
export interface QuoteStats {
  /** Each quote word's inverse document frequency over the observations: log(1 + n / observations whose quote has it). */
  idf: Map<string, number>;
  maxIdf: number;
  /** Terms by first character, for finding term occurrences in a sentence in one pass. */
  termsByChar: Map<string, string[]>;
  /** termsByChar's lists narrowed to the terms that can start with a pair of code units (see termsAt in rankMeasures.ts), filled as pairs are met. */
  termsByPair: Map<number, string[]>;
  /** 1 for each UTF-16 code unit some term starts with (a table lookup before the Map's). */
  termFirst: Uint8Array;
  /** Word ids of the quotes' words, and the words by id. */
  wordIds: Map<string, number>;
  wordList: string[];
  /** Each class's quote words, as sorted word ids. */
  classWords: Int32Array[];
  /** The measures of each class's observations. */
  classMeasures: Measure[][];
  /** For each word id, the classes whose quotes have it. */
  classPostings: number[][];
  /** Each measure's distinct quote classes by measure id, in the order of its observations. */
  measureClasses: Map<string, number[]>;
  /** For each word id, the quote classes holding it by their measures' subjects (built on first use: subjectPostings). */
  subjectPostings?: Map<string, number[]>[];
}

/** A quote scores at least this to make its measure a candidate on its own. */
export const QUOTE_CANDIDATE = 0.3;

/** The words of one side (clause or sentence): ids and weights in first-occurrence order, and the total weight. */
interface Side {
  ids: Int32Array;
  weights: Float64Array;
  total: number;
}

function sideOf(ws: string[], stats: QuoteStats): Side {
  const ids: number[] = [];
  const weights: number[] = [];
  let total = 0;
  for (const w of new Set(ws)) {
    const weight = stats.idf.get(w) ?? stats.maxIdf;
    total += weight;
    const id = stats.wordIds.get(w);
    // A word no quote has adds to the total only.
    if (id !== undefined) {
      ids.push(id);
      weights.push(weight);
    }
  }
  return { ids: Int32Array.from(ids), weights: Float64Array.from(weights), total };
}

function has(sorted: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Quote scores of one clause and sentence (words already segmented). */
export class QuoteScores {
  private readonly clause: Side;
  private readonly sentence: Side;
  private readonly same: boolean;
  private strongMeasures?: Map<Measure, number>;
  private readonly byMeasure = new Map<Measure, number>();
  /** value() per quote class, NaN until computed. */
  private readonly byClass: Float64Array;

  constructor(
    private readonly idx: FactIndex,
    private readonly stats: QuoteStats,
    private readonly clauseWords: string[],
    sentenceWords: string[],
  ) {
    this.clause = sideOf(clauseWords, stats);
    this.same = sentenceWords === clauseWords;
    this.sentence = this.same ? this.clause : sideOf(sentenceWords, stats);
    this.byClass = new Float64Array(stats.classWords.length).fill(NaN);
  }

  /** Share of one side's weight found in a quote's words, or 0 when it has none of them. */
  private sim(side: Side, qw: Int32Array): number {
    let h: number | undefined;
    for (let k = 0; k < side.ids.length; k++) if (has(qw, side.ids[k])) h = (h ?? 0) + side.weights[k];
    return h === undefined ? 0 : h / side.total;
  }

  /** 0.6 × clause similarity + 0.4 × sentence similarity of a quote class's words (memoized). */
  private classValue(c: number): number {
    let v = this.byClass[c];
    if (Number.isNaN(v)) {
      const qw = this.stats.classWords[c];
      const cs = this.sim(this.clause, qw);
      const ss = this.same ? cs : this.sim(this.sentence, qw);
      this.byClass[c] = v = 0.6 * cs + 0.4 * ss;
    }
    return v;
  }

  /** The distinct quote classes of a measure's observations (computed with the stats). */
  private classesOf(m: Measure): number[] {
    return this.stats.measureClasses.get(m.id) ?? [];
  }

  /** The quote score of a measure: the best of its observations (0 when none shares a word). */
  of(m: Measure): number {
    let best = this.strongMeasures?.get(m) ?? this.byMeasure.get(m);
    if (best !== undefined) return best;
    best = 0;
    for (const c of this.classesOf(m)) {
      const v = this.classValue(c);
      if (v > best) best = v;
    }
    this.byMeasure.set(m, best);
    return best;
  }

  /** Measures whose quote score reaches QUOTE_CANDIDATE, with that score. */
  strong(): Map<Measure, number> {
    if (this.strongMeasures) return this.strongMeasures;
    const out = new Map<Measure, number>();
    this.collect((id, visit) => {
      for (const c of this.stats.classPostings[id] ?? []) visit(c);
    }, out);
    this.strongMeasures = out;
    return out;
  }

  /**
   * strong() restricted to the measures of `subjects`, visiting only the quote classes of
   * those subjects' measures (a base that repeats a quote per district has as many
   * classes of it): the same measures with the same scores as strong() filtered.
   */
  strongIn(subjects: Set<string>): Map<Measure, number> {
    if (this.strongMeasures) return filterBySubject(this.strongMeasures, subjects);
    let out = this.strongBySubjects.get(subjects);
    if (out) return out;
    out = new Map();
    const bySubject = subjectPostings(this.stats);
    this.collect((id, visit) => {
      const by = bySubject[id];
      if (by) forSubjects(by, subjects, visit);
    }, out, subjects);
    this.strongBySubjects.set(subjects, out);
    return out;
  }

  private readonly strongBySubjects = new Map<Set<string>, Map<Measure, number>>();

  /**
   * The measures (of `subjects`, when given) whose quote score reaches QUOTE_CANDIDATE,
   * into `out`: `postingsOf` visits the quote classes holding a word, given its id.
   */
  private collect(postingsOf: (id: number, visit: (c: number) => void) => void, out: Map<Measure, number>, subjects?: Set<string>): void {
    // Each word's most possible contribution to an observation's score.
    const gain = new Map<number, number>();
    const add = (side: Side, share: number) => {
      for (let k = 0; k < side.ids.length; k++) gain.set(side.ids[k], (gain.get(side.ids[k]) ?? 0) + (share * side.weights[k]) / side.total);
    };
    if (this.same) add(this.clause, 1);
    else {
      add(this.clause, 0.6);
      add(this.sentence, 0.4);
    }
    // The words with the longest postings that together stay safely under the threshold need not be visited.
    // (Which words are skipped does not change the result, only the work: a quote reaching
    // the threshold holds a word that is not skipped, and the best quote of its measure too.)
    const byLength = [...gain.keys()].map((id) => ({ id, length: this.stats.classPostings[id]?.length ?? 0 })).sort((a, b) => b.length - a.length);
    let common = 0;
    let k = 0;
    for (; k < byLength.length; k++) {
      const g = gain.get(byLength[k].id)!;
      if (common + g >= QUOTE_CANDIDATE - 1e-6) break;
      common += g;
    }
    const candidates = new Set<number>();
    const visit = (c: number) => void candidates.add(c);
    for (; k < byLength.length; k++) postingsOf(byLength[k].id, visit);
    for (const c of candidates) {
      const v = this.classValue(c);
      if (v < QUOTE_CANDIDATE) continue;
      for (const m of this.stats.classMeasures[c]) if ((!subjects || subjects.has(m.subject)) && v > (out.get(m) ?? 0)) out.set(m, v);
    }
  }
}

function filterBySubject(scores: Map<Measure, number>, subjects: Set<string>): Map<Measure, number> {
  const out = new Map<Measure, number>();
  for (const [m, v] of scores) if (subjects.has(m.subject)) out.set(m, v);
  return out;
}

/** For each word id, the quote classes holding it by the subjects of the classes' measures (built once per stats, kept by them). */
function subjectPostings(stats: QuoteStats): Map<string, number[]>[] {
  if (stats.subjectPostings) return stats.subjectPostings;
  const by: Map<string, number[]>[] = [];
  const subjectsOf = stats.classMeasures.map((ms) => [...new Set(ms.map((m) => m.subject))]);
  stats.classPostings.forEach((list, id) => {
    if (!list) return;
    const m = new Map<string, number[]>();
    for (const c of list) {
      for (const s of subjectsOf[c]) {
        const l = m.get(s);
        if (l) l.push(c);
        else m.set(s, [c]);
      }
    }
    by[id] = m;
  });
  stats.subjectPostings = by;
  return by;
}
