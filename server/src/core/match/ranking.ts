/**
 * A claim's ranked candidate measures, split by the claim's subject: those of compatible
 * subjects, which judging reads for every claim, and those of other subjects, which only
 * the misattribution check reads (and only for some claims), so they are scored and
 * sorted when first asked for. Each list is in the order of the one ranked list of all
 * candidates (score, then id), so reading either is reading that list filtered. Also
 * that order itself: measures by score, then by their place in id order.
 */
import type { Measure } from '../types';
import { DerivedValue, subjectsCompatible, type FactIndex } from '../factIndex';
import type { Candidate } from './rankMeasures';

/** Computes the other subjects' candidates, best first: all, or those of measures `keep` accepts. */
export type OtherCandidates = (keep?: (m: Measure) => boolean) => Candidate[];

/** Candidates of a claim, split by subject compatibility. */
export class Ranking {
  private rest?: Candidate[];

  /**
   * @param compatible candidates whose measure's subject is compatible with the claim's (all, when it has none), best first
   * @param isCompatible whether a measure's subject is compatible with the claim's
   * @param others computes the other candidates
   * @param fits whether a measure's dimensions fit the claim's (a candidate's dimensionOk)
   */
  constructor(
    readonly compatible: Candidate[],
    private readonly isCompatible: (m: Measure) => boolean,
    private others?: OtherCandidates,
    private readonly fits?: (m: Measure) => boolean,
  ) {}

  /** A ranking of an already ranked list of candidates, split by compatibility with `subject`. */
  static of(idx: FactIndex, subject: string | undefined, ranked: Candidate[]): Ranking {
    const isCompatible = (m: Measure) => !subject || subjectsCompatible(idx, subject, m.subject);
    const compatible: Candidate[] = [];
    const rest: Candidate[] = [];
    for (const c of ranked) (isCompatible(c.measure) ? compatible : rest).push(c);
    const r = new Ranking(compatible, isCompatible);
    r.rest = rest;
    return r;
  }

  private compute(keep?: (m: Measure) => boolean): Candidate[] {
    if (!this.others) throw new Error('Ranking: the other subjects’ candidates were settled away');
    return this.others(keep);
  }

  /** The candidates of subjects incompatible with the claim's, best first. */
  incompatible(): Candidate[] {
    return (this.rest ??= this.compute());
  }

  /**
   * incompatible() filtered for dimensionOk and for measures `among` accepts (what
   * misattribution reads: those whose values may agree with the claim): the others,
   * most of them, are neither scored nor sorted.
   */
  incompatibleAmong(among: (m: Measure) => boolean): Candidate[] {
    if (this.rest || !this.fits) return this.incompatible().filter((c) => c.dimensionOk && among(c.measure));
    const fits = this.fits;
    return this.compute((m) => fits(m) && among(m));
  }

  /** The candidate for a measure, or undefined when the measure is not a candidate. */
  find(m: Measure): Candidate | undefined {
    if (this.isCompatible(m)) return this.compatible.find((c) => c.measure === m);
    return this.incompatible().find((c) => c.measure === m);
  }

  /**
   * Drops what computing the other candidates needs (the claim's text among it), first
   * computing them all when `keep`: a ranking kept in a memo then holds no text.
   */
  settle(keep: boolean): void {
    if (keep) this.incompatible();
    this.others = undefined;
  }
}

/** Each measure's place in the order of ids, and whether no two measures share one. */
export interface IdRanks {
  ranks: Map<Measure, number>;
  unique: boolean;
}

/** The id ranks of an index's measures, built on first use. */
const ID_RANKS = new DerivedValue(buildIdRanks);

/**
 * Each measure's place in the order of ids by String.prototype.localeCompare (the same
 * collator: default locale and options); ids the collator finds equal share a place.
 */
export function idRanks(idx: FactIndex): IdRanks {
  return ID_RANKS.of(idx);
}

function buildIdRanks(idx: FactIndex): IdRanks {
  const collator = new Intl.Collator();
  const sorted = [...idx.base.measures].sort((a, b) => collator.compare(a.id, b.id));
  const ranks = new Map<Measure, number>();
  let r = 0;
  let unique = true;
  sorted.forEach((m, i) => {
    if (i > 0 && collator.compare(sorted[i - 1].id, m.id) !== 0) r = i;
    else if (i > 0) unique = false;
    ranks.set(m, r);
  });
  return { ranks, unique };
}

/** A candidate with its measure's place in id order. */
export interface Scored {
  c: Candidate;
  rank: number;
}

/** Scores measures, best first (by id order for equal scores), leaving out those without any signal. */
export function ranked(measures: Iterable<Measure>, score: (m: Measure) => Scored | undefined): Candidate[] {
  const out: Scored[] = [];
  for (const m of measures) {
    const s = score(m);
    if (s) out.push(s);
  }
  // Stable order for equal scores: by measure id (localeCompare's order, as ranks computed once per index).
  if (out.length > SHORT_LIST) out.sort((a, b) => b.c.score - a.c.score || a.rank - b.rank);
  else insertionSort(out);
  return out.map((r) => r.c);
}

/** Lists up to this long (most claims have a few candidates) are sorted without Array.prototype.sort's work array. */
const SHORT_LIST = 12;

/** ranked's order (score, then id rank; stable), by insertion. */
function insertionSort(xs: Scored[]): void {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    let j = i;
    for (; j > 0; j--) {
      const y = xs[j - 1];
      if (!(y.c.score < x.c.score || (y.c.score === x.c.score && y.rank > x.rank))) break;
      xs[j] = y;
    }
    xs[j] = x;
  }
}
