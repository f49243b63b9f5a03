/**
 * A claim's CheckedClaim and Finding kept between checks (see memo.ts), and their copies
 * moved to where the claim's figure stands now. Only offsets and the claim's number
 * change; every copy is a new object, so a check may change its claims' status without
 * touching what the memo keeps.
 */
import type { CheckedClaim, Finding, Locale, Quantity } from '../types';
import type { QuantityVerdict } from '../judge';
import type { ClaimContext, Sentence } from '../draft';

/** quantityFinding's result for one claim, and what it was built from. */
export interface Built {
  verdict: QuantityVerdict;
  locale: Locale;
  /** The figure it was built for (its offsets are those of claim and finding). */
  q: Quantity;
  claim: CheckedClaim;
  finding?: Finding;
}

/** The claim and finding of `b` for figure `q` (the same figure of the same line, maybe moved), numbered `claimIndex`. */
export function builtAt(b: Built, q: Quantity, claimIndex: number): { claim: CheckedClaim; finding?: Finding } {
  const by = q.start - b.q.start;
  const c = b.claim;
  const claim: CheckedClaim = { ...c, start: c.start + by, end: c.end + by, reading: { ...c.reading, quantity: q } };
  return b.finding ? { claim, finding: movedFinding(b.finding, by, claimIndex) } : { claim };
}

/** A finding moved by `by` with its fix, numbered `claimIndex`; a new object (a finding without a fix gets none). */
function movedFinding(f: Finding, by: number, claimIndex: number): Finding {
  const finding: Finding = { ...f, start: f.start + by, end: f.end + by, claim: claimIndex };
  if (f.fix) finding.fix = { ...f.fix, start: f.fix.start + by, end: f.fix.end + by };
  return finding;
}

/** A role's or statement's claim and finding (as roleFinding or judgeStatements made them) moved by `by`, numbered `claimIndex`; new objects. */
export function movedClaim(made: { claim: CheckedClaim; finding?: Finding }, by: number, claimIndex: number): { claim: CheckedClaim; finding?: Finding } {
  const c = made.claim;
  const claim: CheckedClaim = { ...c, start: c.start + by, end: c.end + by };
  return made.finding ? { claim, finding: movedFinding(made.finding, by, claimIndex) } : { claim };
}

/** A claim's context moved by `by` with its line, in the current check's `sentence` (the same span, moved). */
export function movedContext(ctx: ClaimContext, by: number, sentence: Sentence): ClaimContext {
  return { ...ctx, clause: { start: ctx.clause.start + by, end: ctx.clause.end + by }, sentence };
}
