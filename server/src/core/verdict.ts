/**
 * Judging a quantity claim against the fact base: pick the measure, compare the value
 * with the observations known at the draft's date, and name the verdict (verified,
 * wrong-value, wrong-unit, wrong-period, misattributed, outdated-value,
 * qualifier-mismatch) or leave it unverified.
 */
import type { FindingCode, Measure, Quantity } from './types';
import type { FactIndex, IndexedObservation } from './factIndex';
import { publishedBy } from './factIndex';
import { mayAgree } from './valueIndex';
import type { ClaimContext } from './context';
import type { Candidate } from './match';
import type { Ranking } from './ranking';
import { parsePeriod, relatePeriods } from './periods';
import { unitInfo, valueInterval } from './numbers';

/** Minimum measure score to trust a match. */
export const MATCH_THRESHOLD = 0.6;
/**
 * A claim is only called wrong when its measure is matched this well, and its subject is
 * known: agreeing with an observation confirms a weak match, disagreeing does not.
 */
export const CONTRADICT_THRESHOLD = 1.0;
/** Candidates this close to the best are considered equally likely. */
const TIE_MARGIN = 0.15;

/** The outcome of judging one quantity claim. */
export interface QuantityVerdict {
  code?: FindingCode; // undefined = verified (when measure set) or unverified
  verified: boolean;
  measure?: Measure;
  /** The observation the claim's value agrees with (verified, outdated, wrong period, misattributed). */
  agreeing?: IndexedObservation;
  /** The observation that should have been cited (the current value, for fixes). */
  expected?: IndexedObservation;
  /** For wrong-unit: the unit text to write. */
  unitFix?: string;
  /** How well the measure matched (see MATCH_THRESHOLD, CONTRADICT_THRESHOLD). */
  score?: number;
}

type Agreement = 'equal' | 'qualifier' | 'differ';

/** Compares a claim's value with an observation, honouring precision, ranges and qualifiers. */
export function agreement(q: Quantity, io: IndexedObservation): Agreement {
  const v = io.value;
  const fig = io.figure;
  // A coarse source figure (一万亿元) does not make every nearby value equal: its precision counts up to 2%.
  const figTol = Math.min((fig?.precision ?? 0) / 2, 0.02 * Math.abs(v));
  const tol = Math.max(q.precision / 2, figTol) + 1e-9 * Math.max(1, Math.abs(v));
  if (q.high !== undefined || io.obs.high !== undefined) {
    const oh = io.obs.high !== undefined ? io.obs.high * (v / (io.obs.value || 1)) : v;
    const qh = q.high ?? q.value;
    return Math.abs(q.value - v) <= tol && Math.abs(qh - oh) <= tol ? 'equal' : 'differ';
  }
  const cq = q.qualifier;
  const oq = io.obs.qualifier;
  if (Math.abs(q.value - v) <= tol) {
    if ((cq === 'under' && oq === 'over') || (cq === 'over' && oq === 'under')) return 'qualifier';
    return 'equal';
  }
  if (cq !== 'exact' && oq === 'exact') {
    const [lo, hi] = valueInterval(q);
    if (v >= lo && v <= hi) return 'equal';
  }
  if (cq === 'exact' && oq !== 'exact' && fig) {
    const [lo, hi] = valueInterval(fig);
    if (q.value >= lo && q.value <= hi) return 'equal';
  }
  return 'differ';
}

/** The number as written, before the unit's factor (1007万平方公里 → 10070000). */
function writtenNumber(q: Quantity): number {
  const base = q.scaleWord && q.unitText.startsWith(q.scaleWord) ? q.unitText.slice(q.scaleWord.length) : q.unitText;
  const f = unitInfo(base)?.factor ?? 1;
  return q.value / f;
}

/** The digits as written, before scale and unit (18万平方米 → 18). */
function mantissa(q: Quantity): number {
  return q.value / (unitInfo(q.unitText)?.factor ?? 1);
}

function baseUnitText(q: Quantity): string {
  return q.scaleWord && q.unitText.startsWith(q.scaleWord) ? q.unitText.slice(q.scaleWord.length) : q.unitText;
}

/** True when the claim's stated period is the observation's; a span phrase the source itself uses (“十三五”时期布局的…) counts too. */
function samePeriod(ctx: ClaimContext, io: IndexedObservation): boolean {
  const stated = statedPeriod(ctx);
  if (relatePeriods(stated, obsPeriod(io.obs.period)) === 'same') return true;
  if (!stated || !ctx.periodText || (stated.kind !== 'span' && stated.kind !== 'recent')) return false;
  const bare = (s: string) => s.replace(/[“”"‘’]/g, '');
  return bare(io.obs.quote).includes(bare(ctx.periodText)) || bare(io.obs.periodText ?? '') === bare(ctx.periodText);
}

/** Observations' periods parsed, by their syntax (a few dozen distinct: years, parts, spans). */
const obsPeriods = new Map<string, ReturnType<typeof parsePeriod>>();

/** An observation's period, parsed once per distinct syntax (read only: the parse is shared). */
function obsPeriod(p: string): ReturnType<typeof parsePeriod> {
  let r = obsPeriods.get(p);
  if (r === undefined && !obsPeriods.has(p)) {
    if (obsPeriods.size >= 10_000) obsPeriods.clear(); // a generated or user base may have more
    obsPeriods.set(p, (r = parsePeriod(p)));
  }
  return r;
}

/** The claim's period when it names one; 目前/现有/累计 (as of now) state none. */
function statedPeriod(ctx: ClaimContext) {
  return ctx.period && ctx.period.kind !== 'asof' ? ctx.period : undefined;
}

/** Observations known at the draft's date. */
function known(idx: FactIndex, m: Measure, asOf: string): IndexedObservation[] {
  return publishedBy(idx, m.id, asOf);
}

/** The observations that count as current: for the stated period, or the latest known; actuals beat estimates. */
function currentOf(list: IndexedObservation[], ctx: ClaimContext): IndexedObservation[] {
  const stated = statedPeriod(ctx);
  let pool = stated ? list.filter((io) => samePeriod(ctx, io)) : list;
  if (!stated && pool.length) {
    const latest = pool[pool.length - 1].obs.published;
    pool = pool.filter((io) => io.obs.published === latest);
  }
  const actual = pool.filter((io) => io.obs.kind === 'actual');
  return actual.length ? actual : pool;
}

function hasAgreeing(idx: FactIndex, c: Candidate, q: Quantity, asOf: string): boolean {
  return known(idx, c.measure, asOf).some((io) => agreement(q, io) === 'equal');
}

/** Judges a quantity claim (`cands` split by compatibility with ctx.subject). */
export function judgeQuantity(idx: FactIndex, q: Quantity, ctx: ClaimContext, cands: Ranking, asOf: string): QuantityVerdict {
  const v = judge(idx, q, ctx, cands, asOf);
  if (v.measure) v.score = cands.find(v.measure)?.score;
  return v;
}

function judge(idx: FactIndex, q: Quantity, ctx: ClaimContext, cands: Ranking, asOf: string): QuantityVerdict {
  const subj = ctx.subject;
  const primary = cands.compatible.filter((c) => c.dimensionOk && c.score >= MATCH_THRESHOLD);
  // Value-aware tie-break: among near-equal candidates, prefer one the value agrees with.
  let best = primary[0];
  if (best) {
    const near = primary.filter((c) => c.score >= best.score - TIE_MARGIN);
    best = near.find((c) => hasAgreeing(idx, c, q, asOf)) ?? best;
  }
  // Wrong unit: the best-scoring compatible measure, in any dimension, has the same written number.
  const unitCand = cands.compatible.find((c) => c.score >= MATCH_THRESHOLD);
  const wrongUnit = unitCand && (!best || unitCand.score >= best.score - TIE_MARGIN) ? checkUnit(idx, q, unitCand, asOf) : undefined;

  if (!best) {
    if (wrongUnit) return wrongUnit;
    return misattribution(idx, q, cands, ctx, asOf) ?? { verified: false };
  }
  const list = known(idx, best.measure, asOf);
  if (!list.length) return misattribution(idx, q, cands, ctx, asOf) ?? { verified: false, measure: best.measure };
  const current = currentOf(list, ctx);
  const latest = current[current.length - 1];
  const eq = current.find((io) => agreement(q, io) === 'equal');
  if (eq) return { verified: true, measure: best.measure, agreeing: eq, expected: eq };
  const qual = current.find((io) => agreement(q, io) === 'qualifier');
  if (qual) return { code: 'qualifier-mismatch', verified: false, measure: best.measure, agreeing: qual, expected: qual };
  if (wrongUnit && wrongUnit.measure === best.measure) return wrongUnit;
  // The observation the value belongs to: exact figures before open-ended ones (12155.2亿元 is 2023's, not 2021's 突破万亿元).
  const other = closest(q, list.filter((io) => !current.includes(io) && agreement(q, io) === 'equal'));
  const stated = statedPeriod(ctx);
  if (other && stated && !samePeriod(ctx, other)) {
    return { code: 'wrong-period', verified: false, measure: best.measure, agreeing: other, expected: latest };
  }
  if (other && !stated) {
    return { code: 'outdated-value', verified: false, measure: best.measure, agreeing: other, expected: latest };
  }
  const mis = misattribution(idx, q, cands, ctx, asOf, best.score);
  if (mis) return mis;
  if (wrongUnit) return wrongUnit;
  if (!current.length || best.score < CONTRADICT_THRESHOLD || !subj || isChange(ctx, best.measure)) {
    return { verified: false, measure: best.measure };
  }
  return { code: 'wrong-value', verified: false, measure: best.measure, expected: latest };
}

const CHANGE = /新增|新引进|新建|新落地|净增|增加了?|减少了?|新开工/;

/** The claim counts an addition (新增科研人员3000名) while the measure and its sources count a total. */
function isChange(ctx: ClaimContext, m: Measure): boolean {
  return CHANGE.test(ctx.lead) && !CHANGE.test(m.name) && !m.terms.some((t) => CHANGE.test(t));
}

/** The agreeing observation nearest the claim: exact before approximate, then by distance. */
function closest(q: Quantity, list: IndexedObservation[]): IndexedObservation | undefined {
  const rank = (io: IndexedObservation) => (io.obs.qualifier === 'exact' ? 0 : 1) * 1e300 + Math.abs(io.value - q.value);
  return [...list].sort((a, b) => rank(a) - rank(b))[0];
}

/** The value belongs to the same kind of measure of a subject the draft does not name. */
function misattribution(idx: FactIndex, q: Quantity, cands: Ranking, ctx: ClaimContext, asOf: string, minScore = MATCH_THRESHOLD): QuantityVerdict | undefined {
  const subj = ctx.subject;
  if (!subj || (ctx.subjectScope !== 'clause' && ctx.subjectScope !== 'sentence')) return undefined;
  // Only the measures whose values may agree are scored (valueIndex.ts).
  for (const c of cands.incompatibleAmong((m) => mayAgree(idx, m, q))) {
    if (!c.dimensionOk || c.score < Math.max(MATCH_THRESHOLD, minScore - TIE_MARGIN)) continue;
    const agree = known(idx, c.measure, asOf).find((io) => agreement(q, io) === 'equal');
    if (agree) return { code: 'misattributed', verified: false, measure: c.measure, agreeing: agree, expected: agree };
  }
  return undefined;
}

/** Same written number as an observation of the measure, different unit or scale. */
function checkUnit(idx: FactIndex, q: Quantity, c: Candidate, asOf: string): QuantityVerdict | undefined {
  const n = writtenNumber(q);
  const m = mantissa(q);
  const same = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
  for (const io of [...known(idx, c.measure, asOf)].reverse()) {
    const f = io.figure;
    if (!f) continue;
    if (f.unitText === q.unitText) continue;
    // 1007万平方公里 for 1007万平方米 (same written number), or 18万平方米 for 18平方公里 (same digits, other scale).
    if (!same(writtenNumber(f), n) && !same(mantissa(f), m)) continue;
    if (f.dimension === q.dimension && Math.abs(f.value - q.value) <= 1e-9 * Math.max(1, Math.abs(q.value))) continue;
    const unitFix = f.scaleWord === q.scaleWord ? baseUnitText(f) : f.unitText;
    return { code: 'wrong-unit', verified: false, measure: c.measure, agreeing: io, expected: io, unitFix };
  }
  return undefined;
}
