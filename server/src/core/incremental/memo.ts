/**
 * Incremental checking: what checkText computes per line (figures, periods, subject
 * mentions, the claims of its roles and statements) and per claim (the ranked measures,
 * the verdict, the claim and finding built from them), kept between checks of one
 * document, so a check after a small edit analyses only the lines and claims whose
 * inputs changed. A claim is recognised by every input its steps read, with offsets made
 * relative to the line, so a hit returns exactly what the steps would compute: a check
 * with a memo gives the same result as a fresh one (test/unit/incremental.test.ts). The
 * document-level passes (outline, contexts, 分别, tables, consistency) always run again.
 */
import type { CheckedClaim, Finding, Locale, PeriodMention, Quantity } from '../types';
import type { FactIndex } from '../factIndex';
import type { ClaimContext, SubjectMention, RespectiveSlot } from '../draft';
import { subjectMentions } from '../draft';
import type { QuantityVerdict } from '../judge';
import { scanQuantitiesAndPeriods } from '../numbers';
import { movedClaim, type Built } from './memoBuilt';
import { findRoleClaims, type RoleClaim } from '../judge';
import { detached, finishSteps } from '../util';
import { movedMention, scanStatements, type StatementMention } from '../statements';
import type { CheckMemory, ClaimMemo, FigureLine, LineClaim, StatementJudge } from './memory';

/** A line's figures, periods and subject names placed at one start offset. */
interface Placed {
  quantities: Quantity[];
  periods: PeriodMention[];
  subjects: SubjectMention[];
  used: number;
}

/** What one line holds, offsets relative to the line's start. */
interface LineScan {
  quantities: Quantity[];
  periods: PeriodMention[];
  /** Its subject mentions as contexts read them (subjectMentions), found when first placed. */
  subjects?: SubjectMention[];
  used: number;
  /** The same, shifted to each start offset the line stood at lately (a line may occur more than once). */
  places: Map<number, Placed>;
  /** Claims of this line, by the index of their figure in the line. */
  claims?: Map<number, ClaimEntry[]>;
  /** The role claims of this line's text (offsets relative to its start). */
  roles?: RoleClaim[];
  /** Their claims and findings, by date and locale. */
  judgedRoles?: Map<string, { made: { claim: CheckedClaim; finding?: Finding }[]; used: number }>;
  /** All the claims of this line, by what the line's contexts read outside it, the date and the locale. */
  judged?: { env: unknown[]; asOf: string; locale: Locale; items: LineClaim[]; used: number }[];
  /** The statements of this line's text (offsets relative to its start), read against a year. */
  statements?: { year: number; mentions: StatementMention[] };
  /** Their claims and findings (offsets of the line at `l0`), by what the line's contexts read outside it, the date and the locale. */
  judgedStatements?: { env: unknown[]; asOf: string; locale: Locale; l0: number; made: { claim: CheckedClaim; finding?: Finding }[]; used: number }[];
}

/** A line of the current check, with its scan and placement. */
interface CurrentLine extends FigureLine {
  text: string;
  scan: LineScan;
  placed: Placed;
  /** What lineClaims was asked of the line: what its contexts read outside it, the date and the locale. */
  asked?: { env: unknown[]; asOf: string; locale: Locale };
}

/** A memoized claim: its inputs (the context with its line start, the 分别 slot, the date) and results. */
interface ClaimEntry extends ClaimMemo {
  ctx: ClaimContext;
  l0: number;
  slot?: RespectiveSlot;
  asOf: string;
  used: number;
  built?: Built;
}

function shiftQuantity(q: Quantity, by: number): Quantity {
  return { ...q, start: q.start + by, end: q.end + by, numberStart: q.numberStart + by, numberEnd: q.numberEnd + by };
}

/** Flat objects with the same keys and values (resolved periods). */
function sameFlat(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] !== y[k]) return false;
    n++;
  }
  for (const _ in y) n--;
  return n === 0;
}

/** Lists of the same length whose items are equal or flat objects with the same keys and values. */
function sameList(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameFlat(a[i], b[i])) return false;
  return true;
}

/** Spans at the same place relative to their lines' starts. */
function sameSpan(a: { start: number; end: number }, l0: number, b: { start: number; end: number }, m0: number): boolean {
  return a.start - l0 === b.start - m0 && a.end - l0 === b.end - m0;
}

/** True when a memoized claim's inputs are this claim's: every field of the context, the slot and the date. */
function sameInputs(e: ClaimEntry, ctx: ClaimContext, l0: number, slot: RespectiveSlot | undefined, asOf: string): boolean {
  if (e.asOf !== asOf) return false;
  if (e.slot !== slot) {
    if (!e.slot || !slot || e.slot.index !== slot.index || e.slot.groups.length !== slot.groups.length) return false;
    for (let i = 0; i < slot.groups.length; i++) if (!sameSpan(e.slot.groups[i], e.l0, slot.groups[i], l0)) return false;
  }
  const a = e.ctx as unknown as Record<string, unknown>;
  const b = ctx as unknown as Record<string, unknown>;
  let n = 0;
  for (const k in b) {
    n++;
    if (k === 'sentence' || k === 'clause') {
      if (!sameSpan(a[k] as { start: number; end: number }, e.l0, b[k] as { start: number; end: number }, l0)) return false;
    } else if (!sameFlat(a[k], b[k])) return false;
  }
  for (const _ in a) n--;
  return n === 0;
}

/** The per-line and per-claim results of one document's checks (create one per open document). */
export class CheckMemo implements CheckMemory {
  private idx?: FactIndex;
  private generation = 0;
  private readonly lines = new Map<string, LineScan>();
  /** The lines of the text being checked, in order (start offsets, scans and placements). */
  private current: CurrentLine[] = [];
  /** Hits and misses of the last check, for tests and the benchmark. */
  readonly stats = { lineHits: 0, lineMisses: 0, claimHits: 0, claimMisses: 0, builtHits: 0, lineClaimHits: 0, statementHits: 0 };

  /** Starts a check against `idx` (a different fact base empties the memo). */
  begin(idx: FactIndex): void {
    if (this.idx !== idx) {
      this.lines.clear();
      this.idx = idx;
    }
    this.generation++;
    this.current = [];
    Object.assign(this.stats, { lineHits: 0, lineMisses: 0, claimHits: 0, claimMisses: 0, builtHits: 0, lineClaimHits: 0, statementHits: 0 });
  }

  /** Ends a check: entries unused by this check and the one before are dropped. */
  end(): void {
    const keep = this.generation - 1;
    for (const [k, v] of this.lines) {
      if (v.used < keep) {
        this.lines.delete(k);
        continue;
      }
      for (const [at, p] of v.places) if (p.used < keep) v.places.delete(at);
      if (v.judged?.some((j) => j.used < keep)) v.judged = v.judged.filter((j) => j.used >= keep);
      if (v.judgedStatements?.some((j) => j.used < keep)) v.judgedStatements = v.judgedStatements.filter((j) => j.used >= keep);
      if (v.judgedRoles) for (const [k, j] of v.judgedRoles) if (j.used < keep) v.judgedRoles.delete(k);
      if (v.claims) {
        for (const [at, list] of v.claims) {
          const kept = list.filter((m) => m.used >= keep);
          if (!kept.length) v.claims.delete(at);
          else if (kept.length < list.length) v.claims.set(at, kept);
        }
      }
    }
    this.current = [];
  }

  private line(text: string): LineScan {
    let scan = this.lines.get(text);
    if (scan) this.stats.lineHits++;
    else {
      this.stats.lineMisses++;
      // Object.assign, not a spread: keys added to a spread copy give it a hidden class of
      // its own in V8 (see factbase/validate.ts), and every read of a memo megamorphic.
      scan = Object.assign({}, scanQuantitiesAndPeriods(text), { used: 0, places: new Map<number, Placed>() });
      this.lines.set(detached(text), scan);
    }
    scan.used = this.generation;
    return scan;
  }

  /** A line's figures, periods and subject names at `start` (copied once per place it stands at). */
  private place(line: LineScan, lineText: string, start: number): Placed {
    let p = line.places.get(start);
    if (!p) {
      line.subjects ??= subjectMentions(this.idx!, lineText);
      p = {
        quantities: line.quantities.map((q) => shiftQuantity(q, start)),
        periods: line.periods.map((x) => ({ ...x, start: x.start + start, end: x.end + start })),
        subjects: line.subjects.map((m) => ({ ...m, start: m.start + start, end: m.end + start })),
        used: 0,
      };
      line.places.set(start, p);
    }
    p.used = this.generation;
    return p;
  }

  /**
   * The figures, periods and subject mentions of `text` from `from` (a line start) on: the
   * same as scanQuantities, scanPeriods and subjectMentions on the whole text, whose rules
   * never cross a line break, computed line by line.
   */
  scan(text: string, from: number): { quantities: Quantity[]; periods: PeriodMention[]; subjects: SubjectMention[] } {
    return finishSteps(this.scanSteps(text, from));
  }

  /** scan in steps: pauses every 64 lines (see checkSteps). */
  *scanSteps(text: string, from: number): Generator<void, { quantities: Quantity[]; periods: PeriodMention[]; subjects: SubjectMention[] }, void> {
    const quantities: Quantity[] = [];
    const periods: PeriodMention[] = [];
    const subjects: SubjectMention[] = [];
    for (let start = from; start <= text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end > start) {
        if ((this.current.length & 63) === 63) yield;
        const lineText = text.slice(start, end);
        const line = this.line(lineText);
        const placed = this.place(line, lineText, start);
        this.current.push({ start, end, text: lineText, scan: line, placed, quantities: placed.quantities, asked: undefined });
        for (const q of placed.quantities) quantities.push(q);
        for (const p of placed.periods) periods.push(p);
        for (const m of placed.subjects) subjects.push(m);
      }
      start = end + 1;
    }
    return { quantities, periods, subjects };
  }

  /**
   * The memo of a claim, computing it when missing. A line's text fixes its figures,
   * sentences and clauses (scan and outline never look past a line break), so the claim
   * is recognised by its line, its figure's index in the line and everything else its
   * context holds.
   */
  claim(q: Quantity, ctx: ClaimContext, slot: RespectiveSlot | undefined, asOf: string, compute: () => ClaimMemo): ClaimMemo {
    const line = this.lineAt(q.start);
    const at = line && ctx.sentence.start >= line.start ? line.placed.quantities.indexOf(q) : -1;
    if (!line || at < 0) {
      this.stats.claimMisses++;
      return compute();
    }
    line.scan.claims ??= new Map();
    let list = line.scan.claims.get(at);
    if (!list) line.scan.claims.set(at, (list = []));
    let hit = list.find((e) => sameInputs(e, ctx, line.start, slot, asOf));
    if (hit) this.stats.claimHits++;
    else {
      this.stats.claimMisses++;
      hit = Object.assign({}, compute(), { ctx, l0: line.start, slot, asOf, used: 0 }); // not a spread: see line()
      list.push(hit);
    }
    hit.used = this.generation;
    return hit;
  }

  /**
   * The claim and finding of a judged claim (quantityFinding's result, with what it was
   * built from), kept in the claim's memo: reused when built there from the same verdict
   * in the same locale, built and kept otherwise. builtAt moves it to the figure.
   */
  built(memo: ClaimMemo, q: Quantity, verdict: QuantityVerdict, locale: Locale, build: () => { claim: CheckedClaim; finding?: Finding }): Built {
    const e = memo as Partial<ClaimEntry>;
    const b = e.built;
    if (b && b.verdict === verdict && b.locale === locale) {
      this.stats.builtHits++;
      return b;
    }
    const made = build();
    const fresh = { verdict, locale, q, claim: made.claim, finding: made.finding };
    if (e.used !== undefined) e.built = fresh;
    return fresh;
  }

  /** The lines of the current check (after scan) that hold figures. */
  figureLines(): FigureLine[] {
    return this.current.filter((l) => l.quantities.length);
  }

  /**
   * The claims an earlier check made of a line with the same text, where everything its
   * contexts read outside the line (`env`), the date and the locale were the same.
   */
  lineClaims(line: FigureLine, env: () => unknown[], asOf: string, locale: Locale): LineClaim[] | undefined {
    const current = line as CurrentLine;
    const asked = (current.asked = { env: env(), asOf, locale });
    const kept = current.scan.judged?.find((j) => j.asOf === asOf && j.locale === locale && sameList(j.env, asked.env));
    if (!kept) return undefined;
    kept.used = this.generation;
    this.stats.lineClaimHits += kept.items.length;
    this.stats.claimHits += kept.items.length;
    return kept.items;
  }

  /** Keeps the claims a check made of a line, under what lineClaims was asked of it (see lineClaims). */
  keepLineClaims(line: FigureLine, items: LineClaim[]): void {
    const { scan, asked } = line as CurrentLine;
    (scan.judged ??= []).push({ env: asked!.env, asOf: asked!.asOf, locale: asked!.locale, items, used: this.generation });
  }

  /**
   * The claims and findings of the role claims of the current check's lines, in order,
   * numbered from `first`: findRoleClaims on each line's text (a title run and the name
   * after it never cross a line break), judged by `judge` (offsets relative to the line)
   * once per line text, date and locale, and moved to where the line stands. Pauses
   * every 32 claims judged.
   */
  *roleSteps(asOf: string, locale: Locale, first: number, judge: (rc: RoleClaim, claimIndex: number) => { claim: CheckedClaim; finding?: Finding }): Generator<void, { claim: CheckedClaim; finding?: Finding }[], void> {
    const out: { claim: CheckedClaim; finding?: Finding }[] = [];
    const key = `${asOf}\u0001${locale}`;
    let judged = 0;
    for (const line of this.current) {
      const scan = line.scan;
      scan.roles ??= findRoleClaims(this.idx!, line.text, 0);
      if (!scan.roles.length) continue;
      scan.judgedRoles ??= new Map();
      let kept = scan.judgedRoles.get(key);
      if (!kept) {
        const made: { claim: CheckedClaim; finding?: Finding }[] = [];
        for (const rc of scan.roles) {
          if ((++judged & 31) === 0) yield;
          made.push(judge(rc, 0));
        }
        scan.judgedRoles.set(key, (kept = { made, used: 0 }));
      }
      kept.used = this.generation;
      for (const m of kept.made) out.push(movedClaim(m, line.start, first + out.length));
    }
    return out;
  }

  /**
   * The claims and findings of the statements of the current check's lines, in order,
   * numbered from `first`: each line's statements read once per text and year (the
   * grammars never look past a line break), judged by `judge` once per text, surroundings
   * (`env`, as for lineClaims), date and locale, and moved to where the line stands.
   * Pauses every 32 lines judged.
   */
  *statementSteps(year: number, asOf: string, locale: Locale, first: number, env: (line: FigureLine) => unknown[], judge: StatementJudge): Generator<void, { claim: CheckedClaim; finding?: Finding }[], void> {
    const out: { claim: CheckedClaim; finding?: Finding }[] = [];
    let judged = 0;
    for (const line of this.current) {
      const scan = line.scan;
      if (scan.statements?.year !== year) scan.statements = { year, mentions: scanStatements(line.text, year) };
      if (!scan.statements.mentions.length) continue;
      // (A line with figures was asked its surroundings already, with the same env.)
      const around = line.asked?.env ?? env(line);
      let kept = scan.judgedStatements?.find((j) => j.asOf === asOf && j.locale === locale && sameList(j.env, around));
      if (kept) this.stats.statementHits += kept.made.length;
      else {
        if ((++judged & 31) === 0) yield;
        const mentions = scan.statements.mentions.map((m) => movedMention(m, line.start));
        kept = { env: around, asOf, locale, l0: line.start, made: judge(mentions, first + out.length), used: 0 };
        (scan.judgedStatements ??= []).push(kept);
      }
      kept.used = this.generation;
      for (const m of kept.made) out.push(movedClaim(m, line.start - kept.l0, first + out.length));
    }
    return out;
  }

  /** The line of the current check holding an offset. */
  private lineAt(offset: number): CurrentLine | undefined {
    const ls = this.current;
    let lo = 0;
    let hi = ls.length - 1;
    let found: CurrentLine | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ls[mid].start <= offset) {
        found = ls[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
