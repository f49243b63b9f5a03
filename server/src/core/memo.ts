/**
 * Incremental checking: what checkText computes per line (figures, periods, subject
 * names) and per claim (the ranked measures and the verdict), kept between checks of
 * one document, so a check after a small edit analyses only the lines and claims whose
 * inputs changed. Keys hold every input the step reads, with offsets made relative to
 * the line or sentence, so a hit returns exactly what the step would compute: a check
 * with a memo gives the same result as a fresh one (test/unit/incremental.test.ts). The
 * document-level passes (outline, contexts, 分别, roles, consistency) always run again.
 */
import type { PeriodMention, Quantity } from './types';
import type { FactIndex } from './factIndex';
import type { ClaimContext, SubjectMention } from './context';
import { findSubjects } from './context';
import type { Candidate } from './match';
import type { QuantityVerdict } from './verdict';
import type { RespectiveSlot } from './respectively';
import { scanQuantitiesAndPeriods } from './numbers';

/** What one line holds, offsets relative to the line's start. */
interface LineScan {
  quantities: Quantity[];
  periods: PeriodMention[];
  subjects?: SubjectMention[];
  used: number;
  /** The same, shifted to where the line stood in the last check (reused while it stays there). */
  at?: { start: number; quantities: Quantity[]; periods: PeriodMention[]; subjects: SubjectMention[] };
  /** Claims of this line: key of the claim's place and context in it → memo. */
  claims?: Map<string, ClaimMemo & { used: number }>;
}

/** A claim's ranked measures and verdict. */
export interface ClaimMemo {
  cands: Candidate[];
  verdict: QuantityVerdict;
}

function shiftQuantity(q: Quantity, by: number): Quantity {
  return { ...q, start: q.start + by, end: q.end + by, numberStart: q.numberStart + by, numberEnd: q.numberEnd + by };
}

/** A quantity with its offsets relative to `origin`, as key text. */
function relative(q: Quantity, origin: number): string {
  return JSON.stringify(shiftQuantity(q, -origin));
}

/** The per-line and per-claim results of one document's checks (create one per open document). */
export class CheckMemo {
  private idx?: FactIndex;
  private generation = 0;
  private readonly lines = new Map<string, LineScan>();
  /** The lines of the text being checked, in order (start offsets and scans). */
  private current: { start: number; scan: LineScan }[] = [];
  /** Hits and misses of the last check, for tests and the benchmark. */
  readonly stats = { lineHits: 0, lineMisses: 0, claimHits: 0, claimMisses: 0 };

  /** Starts a check against `idx` (a different fact base empties the memo). */
  begin(idx: FactIndex): void {
    if (this.idx !== idx) {
      this.lines.clear();
      this.idx = idx;
    }
    this.generation++;
    this.current = [];
    Object.assign(this.stats, { lineHits: 0, lineMisses: 0, claimHits: 0, claimMisses: 0 });
  }

  /** Ends a check: entries unused by this check and the one before are dropped. */
  end(): void {
    const keep = this.generation - 1;
    for (const [k, v] of this.lines) {
      if (v.used < keep) this.lines.delete(k);
      else if (v.claims) for (const [c, m] of v.claims) if (m.used < keep) v.claims.delete(c);
    }
    this.current = [];
  }

  private line(text: string): LineScan {
    let scan = this.lines.get(text);
    if (scan) this.stats.lineHits++;
    else {
      this.stats.lineMisses++;
      scan = { ...scanQuantitiesAndPeriods(text), used: 0 };
      this.lines.set(text, scan);
    }
    scan.used = this.generation;
    return scan;
  }

  /**
   * The figures, periods and subject names of `text` from `from` (a line start) on: the
   * same as scanQuantities, scanPeriods and findSubjects on the whole text, whose rules
   * never cross a line break, computed line by line.
   */
  scan(text: string, from: number): { quantities: Quantity[]; periods: PeriodMention[]; subjects: SubjectMention[] } {
    const steps = this.scanSteps(text, from);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
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
        this.current.push({ start, scan: line });
        if (line.at?.start !== start) {
          line.subjects ??= findSubjects(this.idx!, lineText);
          line.at = {
            start,
            quantities: line.quantities.map((q) => shiftQuantity(q, start)),
            periods: line.periods.map((p) => ({ ...p, start: p.start + start, end: p.end + start })),
            subjects: line.subjects.map((m) => ({ ...m, start: m.start + start, end: m.end + start })),
          };
        }
        quantities.push(...line.at.quantities);
        periods.push(...line.at.periods);
        subjects.push(...line.at.subjects);
      }
      start = end + 1;
    }
    return { quantities, periods, subjects };
  }

  /**
   * The memo of a claim, computing it when missing. A line's text fixes its figures,
   * sentences and clauses (scan and outline never look past a line break), so the claim
   * is keyed by its line, its place in the line and everything else its context holds.
   */
  claim(q: Quantity, ctx: ClaimContext, slot: RespectiveSlot | undefined, asOf: string, compute: () => ClaimMemo): ClaimMemo {
    const line = this.lineAt(q.start);
    if (!line || ctx.sentence.start < line.start) {
      this.stats.claimMisses++;
      return compute();
    }
    const l0 = line.start;
    const own = { ...ctx, sentence: [ctx.sentence.start - l0, ctx.sentence.end - l0], clause: [ctx.clause.start - l0, ctx.clause.end - l0] };
    const groups = slot ? [slot.index, ...slot.groups.map((g) => [g.start - l0, g.end - l0])] : null;
    const at = line.scan.at?.quantities.indexOf(q) ?? -1;
    const key = `${at >= 0 ? at : relative(q, l0)}\u0001${JSON.stringify(own)}\u0001${JSON.stringify(groups)}\u0001${asOf}`;
    line.scan.claims ??= new Map();
    let hit = line.scan.claims.get(key);
    if (hit) this.stats.claimHits++;
    else {
      this.stats.claimMisses++;
      hit = { ...compute(), used: 0 };
      line.scan.claims.set(key, hit);
    }
    hit.used = this.generation;
    return hit;
  }

  /** The line of the current check holding an offset. */
  private lineAt(offset: number): { start: number; scan: LineScan } | undefined {
    const ls = this.current;
    let lo = 0;
    let hi = ls.length - 1;
    let found: { start: number; scan: LineScan } | undefined;
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
