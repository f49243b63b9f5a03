/**
 * The round trip of quick fixes, shared by the tests on real and generated drafts: apply
 * each fix a check offers, check again, and say what broke the promise.
 */
import { checkText } from '../../server/src/core';
import type { CheckOptions, CheckResult, FactBase } from '../../server/src/core';
import { today } from '../../server/src/node';

/** Findings whose fix writes the computed share or sum of the draft's own numbers, not a source's figure. */
const OWN_NUMBERS = new Set(['arithmetic']);

/** The outcome of applying every fix of a draft, one at a time. */
export interface RoundTrip {
  /** Fixes applied. */
  applied: number;
  /** What went wrong, one line per broken promise. */
  failures: string[];
  /** Each fix applied: the finding's code, the text replaced and the text written. */
  fixes: { code: string; replaced: string; written: string }[];
}

const flagged = (res: CheckResult, claim: number) =>
  res.findings.filter((f) => f.claim === claim && (f.severity === 'error' || f.severity === 'warning'));

/** A claim's place and reading, for comparing before and after a fix. */
const describe = (res: CheckResult, i: number): string => {
  const c = res.claims[i];
  const fs = res.findings.filter((f) => f.claim === i).map((f) => `${f.code}:${f.expected ?? ''}`);
  return `${c.kind} ${c.text} ${c.status} [${fs.join(', ')}]`;
};

/** Applies each fix of `text`'s check in turn (to the original text) and checks the promise of each. */
export function roundTrip(text: string, base: FactBase, options: CheckOptions = { asOf: today() }): RoundTrip {
  const before = checkText(text, base, options);
  const out: RoundTrip = { applied: 0, failures: [], fixes: [] };
  for (const f of before.findings) {
    if (!f.fix) continue;
    out.applied++;
    const { start, end, newText } = f.fix;
    out.fixes.push({ code: f.code, replaced: text.slice(start, end), written: newText });
    const where = `line ${text.slice(0, f.start).split('\n').length}: ${f.code} ${text.slice(start, end)} → ${newText}`;
    const fixed = text.slice(0, start) + newText + text.slice(end);
    const after = checkText(fixed, base, options);
    const delta = newText.length - (end - start);
    const map = (x: number): number | undefined => (x <= start ? x : x >= end ? x + delta : undefined);
    const claim = before.claims[f.claim];
    // The claim fixed: the new text itself (a figure, a name), or the name after a new title.
    const sameRange = claim.start === start && claim.end === end;
    // A fix that rewrites words around the figure too (增长9.9% → 下降9.9%): the claim within the new text.
    const inside = !sameRange && claim.start >= start && claim.end <= end;
    const want = sameRange ? { start, end: start + newText.length } : { start: map(claim.start), end: map(claim.end) };
    const i = inside
      ? after.claims.findIndex((c) => c.kind === claim.kind && c.start >= start && c.end <= start + newText.length)
      : after.claims.findIndex((c) => c.kind === claim.kind && c.start === want.start && c.end === want.end);
    if (i < 0) {
      out.failures.push(`${where}: no claim reads the fixed text (${after.claims.filter((c) => c.end > start && c.start < start + newText.length).map((c) => c.text).join(', ') || 'none'})`);
      continue;
    }
    const now = after.claims[i];
    const still = flagged(after, i);
    if (still.length || now.status === 'contradicted' || now.status === 'outdated') {
      out.failures.push(`${where}: still ${now.status} ${still.map((x) => `${x.code} ${x.message}`).join('; ')}`);
    } else if (!OWN_NUMBERS.has(f.code) && now.status !== 'verified') {
      out.failures.push(`${where}: ${now.status}, not verified`);
    }
    // Every other claim: the same text, status and findings, moved by the edit.
    const others = before.claims.map((c, k) => ({ c, k })).filter(({ k }) => k !== f.claim);
    for (const { c, k } of others) {
      const s = map(c.start);
      const e = map(c.end);
      const j = s === undefined || e === undefined ? -1 : after.claims.findIndex((x) => x.kind === c.kind && x.start === s && x.end === e);
      if (j < 0) out.failures.push(`${where}: the claim ${c.text} (${c.status}) is gone`);
      else if (describe(before, k) !== describe(after, j)) out.failures.push(`${where}: ${describe(before, k)} became ${describe(after, j)}`);
    }
    if (after.claims.length !== before.claims.length) out.failures.push(`${where}: ${before.claims.length} claims became ${after.claims.length}`);
  }
  return out;
}
