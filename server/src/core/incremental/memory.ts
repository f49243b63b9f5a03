/**
 * What a check recalls of earlier checks of its document. A check asks the same
 * questions whether or not there were earlier checks: CheckMemo (memo.ts, one per open
 * document) answers from what it kept; NoMemory, a check's own when it has no memo,
 * computes every answer and keeps nothing. So a check has one path, and a claim is
 * judged and its finding built in one place.
 */
import type { CheckedClaim, Finding, Locale, PeriodMention, Quantity } from '../types';
import type { FactIndex } from '../factIndex';
import type { ClaimContext, RespectiveSlot, SubjectMention } from '../draft';
import type { Ranking } from '../match';
import type { QuantityVerdict, RoleClaim } from '../judge';
import { findRoleClaims } from '../judge';
import { scanQuantitiesAndPeriods } from '../numbers';
import { scanStatementsByLine, type StatementMention } from '../statements';
import type { Built } from './memoBuilt';

/** A claim's ranked measures and verdict. */
export interface ClaimMemo {
  cands: Ranking;
  verdict: QuantityVerdict;
}

/** One claim of a line as a check judged it: its figure's index in the line, the line's start then, its context, verdict, claim and finding. */
export interface LineClaim {
  at: number;
  l0: number;
  ctx: ClaimContext;
  verdict: QuantityVerdict;
  built: Built;
}

/** A stretch of the current check's text (a line, for CheckMemo) and its figures there. */
export interface FigureLine {
  start: number;
  end: number;
  quantities: Quantity[];
}

/** A claim and its finding, as a judge makes them. */
type Made = { claim: CheckedClaim; finding?: Finding };

/** Judges statements (in order, offsets of the text), numbering their findings from `claimIndex`. */
export type StatementJudge = (mentions: readonly StatementMention[], claimIndex: number) => Made[];

/** Lines whose statements NoMemory reads and judges between two pauses. */
const LINES_PER_STEP = 512;

/** The questions a check asks of what earlier checks of its document computed (see the header). */
export interface CheckMemory {
  /** Starts a check against `idx`. */
  begin(idx: FactIndex): void;
  /** Ends a check. */
  end(): void;
  /** The figures, periods and (maybe) subject mentions (subjectMentions) of `text` from `from` (a line start) on, pausing now and then. */
  scanSteps(text: string, from: number): Generator<void, { quantities: Quantity[]; periods: PeriodMention[]; subjects?: SubjectMention[] }, void>;
  /** The stretches of the text scanned that hold figures, in order. */
  figureLines(): FigureLine[];
  /** The claims an earlier check made of the same line in the same surroundings (`env`, asked only when needed), date and locale. */
  lineClaims(line: FigureLine, env: () => unknown[], asOf: string, locale: Locale): LineClaim[] | undefined;
  /** Keeps the claims this check made of a line, under what lineClaims was last asked of it. */
  keepLineClaims(line: FigureLine, items: LineClaim[]): void;
  /** A claim's ranked measures and verdict: kept ones for the same inputs, else `compute`'s. */
  claim(q: Quantity, ctx: ClaimContext, slot: RespectiveSlot | undefined, asOf: string, compute: () => ClaimMemo): ClaimMemo;
  /** A judged claim's claim and finding: kept ones for the same verdict and locale, else `build`'s (builtAt moves them to the figure). */
  built(memo: ClaimMemo, q: Quantity, verdict: QuantityVerdict, locale: Locale, build: () => Made): Built;
  /** The claims and findings of the role claims of the text scanned, in order, numbered from `first`, judged by `judge`. */
  roleSteps(asOf: string, locale: Locale, first: number, judge: (rc: RoleClaim, claimIndex: number) => Made): Generator<void, Made[], void>;
  /**
   * The claims and findings of the statements (ranks, firsts, editions, years of events;
   * relative years read against `year`) of the text scanned, in order, numbered from
   * `first`, judged by `judge`; `env` is what the contexts of a line read outside it
   * (see lineClaims).
   */
  statementSteps(year: number, asOf: string, locale: Locale, first: number, env: (line: FigureLine) => unknown[], judge: StatementJudge): Generator<void, Made[], void>;
}

/** A check without a memo: every answer computed, nothing kept; the figures are one stretch, the text from where the scan began. */
export class NoMemory implements CheckMemory {
  private idx?: FactIndex;
  private text = '';
  private from = 0;
  private quantities: Quantity[] = [];

  /** Takes the index to read. */
  begin(idx: FactIndex): void {
    this.idx = idx;
  }

  /** Nothing to drop. */
  end(): void {}

  /** scanQuantitiesAndPeriods of the whole text (the check keeps what lies from `from` on); no pause. */
  // eslint-disable-next-line require-yield
  *scanSteps(text: string, from: number): Generator<void, { quantities: Quantity[]; periods: PeriodMention[] }, void> {
    const scanned = scanQuantitiesAndPeriods(text);
    this.text = text;
    this.from = from;
    this.quantities = scanned.quantities.filter((q) => q.start >= from);
    return scanned;
  }

  /** One stretch, the text from where the scan began, with its figures. */
  figureLines(): FigureLine[] {
    return this.quantities.length ? [{ start: this.from, end: this.text.length, quantities: this.quantities }] : [];
  }

  /** None: there was no earlier check. */
  lineClaims(): undefined {
    return undefined;
  }

  /** Nothing is kept. */
  keepLineClaims(): void {}

  /** `compute`'s. */
  claim(_q: Quantity, _ctx: ClaimContext, _slot: RespectiveSlot | undefined, _asOf: string, compute: () => ClaimMemo): ClaimMemo {
    return compute();
  }

  /** `build`'s, with what it was built from. */
  built(_memo: ClaimMemo, q: Quantity, verdict: QuantityVerdict, locale: Locale, build: () => Made): Built {
    const made = build();
    return { verdict, locale, q, claim: made.claim, finding: made.finding };
  }

  /** findRoleClaims on the text from where the scan began, each judged; pauses every 32 claims. */
  *roleSteps(_asOf: string, _locale: Locale, first: number, judge: (rc: RoleClaim, claimIndex: number) => Made): Generator<void, Made[], void> {
    const out: Made[] = [];
    for (const rc of findRoleClaims(this.idx!, this.text, this.from)) {
      if (((first + out.length) & 31) === 31) yield;
      out.push(judge(rc, first + out.length));
    }
    return out;
  }

  /** The statements of the text from where the scan began, read and judged a few hundred lines at a time, with a pause between. */
  *statementSteps(year: number, _asOf: string, _locale: Locale, first: number, _env: (line: FigureLine) => unknown[], judge: StatementJudge): Generator<void, Made[], void> {
    const out: Made[] = [];
    const text = this.text;
    for (let from = this.from; from < text.length; ) {
      let to = from;
      for (let n = 0; n < LINES_PER_STEP && to < text.length; n++) {
        const eol = text.indexOf('\n', to);
        to = eol < 0 ? text.length : eol + 1;
      }
      for (const made of judge(scanStatementsByLine(text, year, from, to), first + out.length)) out.push(made);
      from = to;
      if (from < text.length) yield;
    }
    return out;
  }
}
