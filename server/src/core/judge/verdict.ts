/**
 * Judging a quantity claim against the fact base: pick the measure, compare the value
 * with the observations known at the draft's date, and name the verdict (verified,
 * wrong-value, wrong-unit, wrong-period, misattributed, outdated-value,
 * qualifier-mismatch) or leave it unverified.
 */
import type { FindingCode, Measure, Quantity } from '../types';
import type { FactIndex, IndexedObservation } from '../factIndex';
import { DerivedValue, districtOf, publishedBy } from '../factIndex';
import { identityOf, readSentence, type Identity, type SentenceReading, mayAgree } from '../match';
import { TextMemo, within } from '../util';
import { SentenceValue, type ClaimContext, type DraftText } from '../draft';
import type { Candidate, Ranking } from '../match';
import { parsePeriod, relatePeriods } from '../draft';
import { unitInfo, valueInterval } from '../numbers';

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
  /** For misattributed: the draft subject's own observation of the same measure (what a fix writes), when known. */
  own?: IndexedObservation;
  /** How well the measure matched (see MATCH_THRESHOLD, CONTRADICT_THRESHOLD). */
  score?: number;
  /** The claim's wording establishes the measure's subject, object and scope (see match/identity.ts). */
  established?: boolean;
  /** How the wording establishes the measure's object (match/identity.ts). */
  identity?: Identity['object'];
  /** For an unverified claim: the observation the message mentions (what the sources do give), and why it does not decide. */
  nearby?: IndexedObservation;
  /** Why a nearby observation does not decide an unverified claim; 'reached' for a wrong cumulative total below one the sources reached. */
  why?: 'within' | 'bound' | 'forecast' | 'stale' | 'period' | 'reached';
}

/** equal: the claim states the observation's figure; within: an exact claim inside a bound (突破万亿元), consistent but not stated; qualifier: same value, opposite approximation. */
type Agreement = 'equal' | 'within' | 'near' | 'qualifier' | 'differ';

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
    // 近两千 for 两千余 is the opposite approximation of one number; 近两千 and 1900余 agree.
    const sameNumber = Math.abs(q.value - v) <= 1e-9 * Math.max(1, Math.abs(v));
    if (sameNumber && ((cq === 'under' && oq === 'over') || (cq === 'over' && oq === 'under'))) return 'qualifier';
    if ((cq === 'under' && oq === 'over' && q.value < v) || (cq === 'over' && oq === 'under' && q.value > v)) return 'differ';
    // 四分之一强 (more than 25%) is not an exact 24%, however coarse the fraction.
    const margin = 1e-9 * Math.max(1, Math.abs(v)) + (fig?.precision ?? 0) / 2;
    if (oq === 'exact' && ((cq === 'over' && v < q.value - margin) || (cq === 'under' && v > q.value + margin))) return 'differ';
    // 24.5% against 四分之一强 (more than a quarter): below the bound the source sets; neither stated nor contradicted
    // (the source's word is coarse).
    if (cq === 'exact' && ((oq === 'over' && q.value < v - 1e-9 * Math.max(1, Math.abs(v))) || (oq === 'under' && q.value > v + 1e-9 * Math.max(1, Math.abs(v))))) return 'near';
    return 'equal';
  }
  if (cq !== 'exact' && oq === 'exact') {
    const [lo, hi] = valueInterval(q);
    if (v >= lo && v <= hi) return 'equal';
  }
  if (cq === 'exact' && oq !== 'exact' && fig) {
    const [lo, hi] = valueInterval(fig);
    if (q.value >= lo && q.value <= hi) return 'within';
  }
  return 'differ';
}

/** The number as written, before the unit's factor (1007万平方公里 → 10070000). */
function writtenNumber(q: Quantity): number {
  const base = q.scaleWord && q.unitText.startsWith(q.scaleWord) ? q.unitText.slice(q.scaleWord.length) : q.unitText;
  const f = unitInfo(base)?.factor ?? 1;
  return q.value / f;
}

/** The written numbers and digits of a measure's source figures (writtenNumber and mantissa of each), by measure. */
const WRITTEN = new DerivedValue(() => new Map<Measure, number[]>());

function writtenNumbers(idx: FactIndex, m: Measure): number[] {
  const memo = WRITTEN.of(idx);
  let list = memo.get(m);
  if (!list) {
    list = (idx.observations.get(m.id) ?? []).flatMap((io) => (io.figure ? [writtenNumber(io.figure), mantissa(io.figure)] : []));
    memo.set(m, list);
  }
  return list;
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
  if (relatePeriods(stated, OBSERVATION_PERIODS.get(io.obs.period)) === 'same') return true;
  if (!stated || !ctx.periodText || (stated.kind !== 'span' && stated.kind !== 'recent')) return false;
  const bare = (s: string) => s.replace(/[“”"‘’]/g, '');
  return bare(io.obs.quote).includes(bare(ctx.periodText)) || bare(io.obs.periodText ?? '') === bare(ctx.periodText);
}

/**
 * Observations' periods parsed, by their syntax (a few dozen distinct: years, parts,
 * spans; a generated or user base may have more). Read only: the parse is shared.
 */
const OBSERVATION_PERIODS = new TextMemo(10_000, parsePeriod);

/** The claim's period when it names one; 目前/现有/累计 (as of now) state none. */
function statedPeriod(ctx: ClaimContext) {
  return ctx.period && ctx.period.kind !== 'asof' ? ctx.period : undefined;
}

/** Verbs of a change to an end value, after the starting value (由22.5%逐步提高到…). */
const CHANGE_TO_AFTER = /^[^，,。；;！？!?\n]{0,8}?(?:增至|增加到|增长到|增长至|提高到|提高至|提升到|提升至|上升到|上升至|下降到|下降至|降至|降低到|减少到|减少至|扩大到|扩大至|发展到|跃升至|升至|增加至)/;

/** True when `q` is the value a change starts from: 由/从 right before it, a change to an end value right after. */
function isStartingValue(text: string, ctx: ClaimContext, q: Quantity): boolean {
  const before = text.slice(Math.max(ctx.clause.start, q.start - 2), q.start);
  return /[由从]\s*$/.test(before) && CHANGE_TO_AFTER.test(text.slice(q.end, ctx.clause.end));
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

/** A sentence read for identity, with the clauses a semicolon joins to it before it: the claims of a sentence share one. */
const READING = new SentenceValue((draft, s) => {
  const from = runStart(draft.text, s.start);
  return readSentence(draft.idx, draft.text.slice(from, s.end), from, within(draft.quantities, from, s.end), draft.periods && within(draft.periods, from, s.end));
});

/** Where the claim's sentence starts, with the clauses joined to it by semicolons before it (2021年地区生产总值突破万亿元；2023年…分别达…). */
function runStart(text: string, sentenceStart: number): number {
  let i = sentenceStart;
  while (i > 0 && /[；;]/.test(text[i - 1])) {
    let j = i - 1;
    while (j > 0 && !/[。！？!?\n]/.test(text[j - 1])) j--;
    i = j;
  }
  return i;
}

/** How judging treats time: how long an undated figure's latest observation stays current. */
export interface JudgePolicy {
  /** Months after which the latest observation no longer decides a figure stated without a period (default 6). */
  freshnessMonths: number;
}

/** The default policy: a six-month freshness window. */
export const DEFAULT_POLICY: JudgePolicy = { freshnessMonths: 6 };

/** Judges a quantity claim of a draft (`cands` split by compatibility with ctx.subject). */
export function judgeQuantity(draft: DraftText, q: Quantity, ctx: ClaimContext, cands: Ranking, asOf: string, policy: JudgePolicy = DEFAULT_POLICY): QuantityVerdict {
  const idx = draft.idx;
  const identities = new Map<Measure, Identity>();
  // The sentence is read when a candidate's identity is first asked (a figure no measure matches needs none).
  let reading: SentenceReading | undefined;
  const identity = (m: Measure): Identity => {
    let id = identities.get(m);
    if (!id) identities.set(m, (id = identityOf(idx, m, (reading ??= READING.of(draft, ctx.sentence)), q)));
    return id;
  };
  const v = judge(idx, q, ctx, cands, asOf, identity, policy, claimKind(draft.text, ctx, q), draft.text);
  if (v.measure) {
    v.score = cands.find(v.measure)?.score;
    v.identity = identity(v.measure).object;
  }
  return v;
}

/** The measure's subject is the claim's: the same, or the district and one of its areas. */
function sameSubject(idx: FactIndex, ctx: ClaimContext, m: Measure): boolean {
  if (!ctx.subject) return false;
  if (m.subject === ctx.subject) return true;
  // A district and its own areas (怀柔区 and 中国影都) speak of one place; a city's figure is not a district's
  // (北京市 ≠ 海淀区), nor one area's another's (怀柔科学城 ≠ 雁栖湖).
  const district = districtOf(idx, m.subject);
  if (districtOf(idx, ctx.subject) !== district) return false;
  return ctx.subject === district || m.subject === district;
}

function judge(idx: FactIndex, q: Quantity, ctx: ClaimContext, cands: Ranking, asOf: string, identity: (m: Measure) => Identity, policy: JudgePolicy, kind: ClaimKind, text: string): QuantityVerdict {
  // Candidates whose object the wording contradicts (another object or scope) are out of the running.
  const fits = (c: Candidate) => c.dimensionOk && c.score >= MATCH_THRESHOLD && identity(c.measure).object !== 'foreign' && identity(c.measure).scope !== 'other';
  // The fitting candidates, best first, read only as far as they are needed: up to the first the wording
  // establishes, and on while they score within the tie margin of it (identity is the costly part).
  const primary: Candidate[] = [];
  let established: Candidate | undefined;
  for (const c of cands.compatible) {
    if (!(c.dimensionOk && c.score >= MATCH_THRESHOLD)) continue;
    if (established && c.score < established.score - TIE_MARGIN) break;
    if (!fits(c)) continue;
    primary.push(c);
    if (!established && identity(c.measure).established) established = c;
  }
  // Value-aware tie-break: among near-equal candidates, prefer one the value agrees with; a candidate the
  // wording establishes comes before one it does not.
  let best = established ?? primary[0];
  if (best) {
    const near = primary.filter((c) => c.score >= best.score - TIE_MARGIN);
    // (best is among them: alone, it stays best, and its observations need not be read.)
    if (near.length > 1) best = near.find((c) => hasAgreeing(idx, c, q, asOf)) ?? best;
  }
  // (The subject first: it is cheap, and identity reads the sentence.)
  const firm = (m: Measure) => sameSubject(idx, ctx, m) && identity(m).established;
  // Wrong unit: the best-scoring compatible measure, in any dimension, has the same written number.
  const unitCand = cands.compatible.find((c) => c.score >= MATCH_THRESHOLD && firm(c.measure));
  const wrongUnit = unitCand && (!best || unitCand.score >= best.score - TIE_MARGIN) ? checkUnit(idx, q, unitCand, asOf) : undefined;
  const mis = (minScore?: number) => misattribution(idx, q, cands, ctx, asOf, identity, minScore);

  if (!best) return wrongUnit ?? mis() ?? { verified: false };
  const m = best.measure;
  // 截至2024年底: a figure as of a date the draft names is compared with the sources' figure as of that month;
  // what they gave as of another date neither confirms nor contradicts it.
  const stock = ctx.period?.kind === 'asof' && ctx.period.date && ctx.period.date < asOf ? ctx.period.date : undefined;
  const ref = stock ?? asOf;
  const everything = known(idx, m, asOf);
  const list = stock ? everything.filter((io) => endOf(io) <= stock && endOf(io).slice(0, 7) === stock.slice(0, 7)) : everything;
  if (stock && !list.length) {
    const before = everything.filter((io) => endOf(io) <= stock);
    return { verified: false, measure: m, nearby: before[before.length - 1] ?? everything[0], why: 'period', established: firm(m) };
  }
  if (!list.length) return mis() ?? { verified: false, measure: m };
  if (!firm(m)) return { verified: false, measure: m, established: false };
  const stated = statedPeriod(ctx);
  // 由22.5%提高到…: the value a change starts from is of the change's first year; without that year stated it is
  // no figure of any period the sources give (nor their latest).
  if (!stated && isStartingValue(text, ctx, q)) return { verified: false, measure: m, nearby: list[list.length - 1], why: 'period', established: true };
  const actuals = list.filter((io) => io.obs.kind === 'actual');
  const forecasts = list.filter((io) => io.obs.kind !== 'actual');
  const current = currentOf(actuals, ctx);
  const latest = current[current.length - 1];
  const eq = current.find((io) => agreement(q, io) === 'equal');
  if (eq) return { verified: true, measure: m, agreeing: eq, expected: eq, established: true };
  const inside = current.find((io) => agreement(q, io) === 'within');
  if (inside) return { verified: false, measure: m, nearby: inside, why: 'within', established: true };
  const near = current.find((io) => agreement(q, io) === 'near');
  if (near) return { verified: false, measure: m, nearby: near, why: 'bound', established: true };
  // The sources forecast or plan it; no actual figure for the period.
  // Forecasts for the stated period, or (for an undated figure) the latest one when it is newer than the actuals.
  const planned = currentOf(forecasts, ctx).filter((io) => (stated && samePeriod(ctx, io)) || (!stated && (!latest || io.obs.published > latest.obs.published)));
  const plan = planned.find((io) => agreement(q, io) === 'equal');
  // A forecast or plan is checked against the sources' forecasts and plans only, never against actual figures
  // (but the source's number in another unit is a slip in a plan too).
  if (kind === 'forecast' && wrongUnit && wrongUnit.measure === m && !plan) return wrongUnit;
  if (kind === 'forecast' && !(plan && !current.length)) {
    const said = plan ?? planned[planned.length - 1];
    if (said && plan) return { verified: true, measure: m, agreeing: plan, expected: plan, established: true };
    return said ? { verified: false, measure: m, nearby: said, why: 'forecast', established: true } : { verified: false, measure: m, established: true };
  }
  if (plan && !current.length) {
    if (kind === 'forecast' || (kind === 'plain' && restates(text, ctx, q, plan))) return { verified: true, measure: m, agreeing: plan, expected: plan, established: true };
    if (kind === 'achieved') return { code: 'plan-as-done', verified: false, measure: m, agreeing: plan, expected: plan, established: true };
    return { verified: false, measure: m, nearby: plan, why: 'forecast', established: true };
  }
  const fresh = !!latest && (!!stated || monthsBetween(dateOf(latest), ref) <= policy.freshnessMonths);
  // The source's number with the opposite approximation (近两千 for 两千余) is a slip whatever the age.
  const qual = current.find((io) => agreement(q, io) === 'qualifier');
  if (qual) return { code: 'qualifier-mismatch', verified: false, measure: m, agreeing: qual, expected: qual, established: true };
  if (wrongUnit && wrongUnit.measure === m) return wrongUnit;
  // The value is another period's actual figure, written the same way (a value inside a bound is not evidence).
  const other = closest(q, actuals.filter((io) => !current.includes(io) && sameFigure(q, io)));
  // (A stock as of a date is no evidence against a span or year: the sources give no figure of that kind.)
  if (other && stated && !samePeriod(ctx, other) && !other.obs.period.startsWith('@')) {
    return { code: 'wrong-period', verified: false, measure: m, agreeing: other, expected: latest, established: true };
  }
  if (other && !stated && latest && other.obs.published < latest.obs.published) {
    return { code: 'outdated-value', verified: false, measure: m, agreeing: other, expected: latest, established: true };
  }
  const misattributed = mis(best.score);
  // The draft subject's own figure is what a fix writes, when it would have decided the claim.
  if (misattributed) return current.length && best.score >= CONTRADICT_THRESHOLD && !isChange(ctx, m) ? withOwnFigure(misattributed, m, latest) : misattributed;
  if (wrongUnit) return wrongUnit;
  if (!current.length) {
    if (planned.length) return { verified: false, measure: m, nearby: planned[planned.length - 1], why: 'forecast', established: true };
    return { verified: false, measure: m, nearby: actuals[actuals.length - 1], why: stated ? 'period' : undefined, established: true };
  }
  // (An addition, 新增科研人员2500名, is not the total the measure counts: nor the same measure as the total beside it.)
  if (isChange(ctx, m)) return { verified: false, measure: m, established: false };
  if (best.score < CONTRADICT_THRESHOLD) return { verified: false, measure: m, established: true };
  // 2024年度…达到约2.5万人 against a stock as of 2024-08-26: a year's figure may be the year's end; a snapshot
  // taken before December confirms an equal one but contradicts no other.
  if (stated?.kind === 'year' && /^@\d{4}-(0\d|1[01])-/.test(latest.obs.period) && latest.obs.period.slice(1, 5) === String(stated.from)) {
    return { verified: false, measure: m, nearby: latest, why: 'period', established: true };
  }
  // Past the freshness window a different value may be a newer figure; not so a cumulative total below one the
  // sources already reached, or the latest figure with two digits swapped (272 for 227: a copying slip).
  const belowReached = isCumulative(m, latest) && valueInterval(q)[1] < valueInterval(latest.figure ?? q)[0];
  if (!fresh && !belowReached && !(latest.figure && swappedDigits(q, latest.figure))) {
    return { verified: false, measure: m, nearby: latest, why: 'stale', established: true };
  }
  return { code: 'wrong-value', verified: false, measure: m, expected: latest, established: true, why: !fresh && belowReached ? 'reached' : undefined };
}

/** How a claim states its figure: as done (已实现, 建成), as a forecast or plan (预计, 有望, 力争, 计划, 将), or plainly. */
export type ClaimKind = 'achieved' | 'forecast' | 'plain';

/** Words in a claim's own clause that make it a forecast or plan (将 only before a verb: 将传统酒店体验延展至 is 把). */
const FORECAST_WORDS =
  /预计|有望|力争|争取|预期|可望|拟于|拟将|拟在|将要|将会|将(?=[于在达新建举实完开全陆推进投形成有加提突超])|计划(?=[于在将到完投建实推新开达用])|(?<![需主重纲只])要(?=[新实完达建推加打举再])|明年|下一步|今后|目标(?=[是为])/;
/** Words opening a clause that make the rest of the sentence a plan (力争全区…，推动科学城再有2个…). */
const GOVERNING_FORECAST = /(?:^|[，,；;：:])\s*(?:力争|预计|计划|争取|目标是|今后|下一步|明年)/;
const ACHIEVED_WORDS = /已经|已|实现了|实现|达到了|完成了|建成|投用|突破了/;

/**
 * The kind of a claim, from the words before the figure: a forecast or plan word anywhere
 * in its sentence before it (力争全区…增长5.5%左右，推动科学城再有2个… is a plan throughout),
 * an achievement word in its clause.
 */
function claimKind(text: string, ctx: ClaimContext, q: Quantity): ClaimKind {
  const lead = text.slice(ctx.clause.start, q.start);
  if (FORECAST_WORDS.test(lead)) return 'forecast';
  // 用好已建成的64万平米城市客厅: done, whatever plan the sentence opens with.
  if (ACHIEVED_WORDS.test(lead)) return 'achieved';
  return GOVERNING_FORECAST.test(text.slice(ctx.sentence.start, ctx.clause.start)) ? 'forecast' : 'plain';
}

/**
 * The claim uses the source's own words right before the figure (统筹布局一到两所 for the
 * source's 统筹布局1至2所): it restates the source's statement, in the source's mode (a plan
 * stays a plan), without the draft's own 已 or 预计.
 */
function restates(text: string, ctx: ClaimContext, q: Quantity, io: IndexedObservation): boolean {
  const at = io.obs.quote.indexOf(io.obs.figure);
  if (at < 2) return false;
  const lead = text.slice(ctx.clause.start, q.start);
  const quoted = io.obs.quote.slice(Math.max(0, at - 4), at);
  for (let n = quoted.length; n >= 2; n--) if (lead.endsWith(quoted.slice(quoted.length - n))) return true;
  return false;
}

/** The date an observation speaks of (an as-of date, else its publication). */
function dateOf(io: IndexedObservation): string {
  return io.obs.period.startsWith('@') ? io.obs.period.slice(1) : io.obs.published;
}

/** The last day an observation speaks of: its as-of date, or the end of its year, half or span. */
function endOf(io: IndexedObservation): string {
  const p = io.obs.period;
  if (p.startsWith('@')) return p.slice(1);
  const month = /^(\d{4})M(\d{2})(?:-(\d{2}))?$/.exec(p);
  if (month) return `${month[1]}-${month[3] ?? month[2]}-31`;
  const m = /^(\d{4})(?:\/(\d{4}))?(H1|H2|Q1|Q2|Q3|Q4|Q1-3)?$/.exec(p);
  if (!m) return io.obs.published;
  const year = m[2] ?? m[1];
  const ends: Record<string, string> = { H1: '06-30', Q1: '03-31', Q2: '06-30', Q3: '09-30', 'Q1-3': '09-30', Q4: '12-31', H2: '12-31' };
  return `${year}-${m[3] ? ends[m[3]] : '12-31'}`;
}

/** Whole months from date a to date b (YYYY-MM-DD), counting a partial month as past when its day is reached. */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma, da] = a.split('-').map(Number);
  const [yb, mb, db] = b.split('-').map(Number);
  return (yb - ya) * 12 + (mb - ma) - (db < da ? 1 : 0);
}

/** Counters of events: how many happened up to a date, which only grows. */
const EVENT_COUNTERS = new Set(['场', '场次', '次', '人次', '届', '趟']);

/**
 * A measure that only grows: a cumulative total (累计, …以来), or a total as of a date of
 * time spent (开放机时近90万小时) or of events that happened (举办会议活动2.25万场).
 */
function isCumulative(m: Measure, io: IndexedObservation): boolean {
  if (/累计|累积/.test(m.name) || m.terms.some((t) => /累计|累积/.test(t)) || /累计|以来/.test(io.obs.periodText ?? '')) return true;
  if (!io.obs.period.startsWith('@') || !io.figure) return false;
  return io.figure.dimension === 'duration' || EVENT_COUNTERS.has(io.figure.unit);
}

/** The digits of a figure as written (7146.8 → "71468"), with the position of its decimal point. */
function digitsOf(q: Quantity): string | undefined {
  const written = q.text.slice(q.numberStart - q.start, q.numberEnd - q.start);
  return /^[\d.]+$/.test(written) ? written : undefined;
}

/** Two figures whose written numbers differ only by two adjacent digits swapped (272 and 227), or two digits around the decimal point (7.5 and 5.7, 75.7 and 77.5). */
export function swappedDigits(q: Quantity, f: Quantity): boolean {
  const a = digitsOf(q);
  const b = digitsOf(f);
  if (!a || !b || a.length !== b.length || a === b || q.unitText !== f.unitText) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length !== 2 || a[diff[0]] !== b[diff[1]] || a[diff[1]] !== b[diff[0]]) return false;
  // 35.65% for 35.56% moves the value by a quarter of a percent: as likely an update as a slip.
  if (Math.abs(q.value - f.value) < 0.01 * Math.abs(f.value)) return false;
  // Adjacent digits, or digits on both sides of the decimal point (7.5 for 5.7, 75.7 for 77.5).
  const between = a.slice(diff[0] + 1, diff[1]);
  return between === '' || between === '.';
}

/** The claim writes the observation's figure: the same value with the same kind of qualifier (an exact number is not inside a bound). */
function sameFigure(q: Quantity, io: IndexedObservation): boolean {
  if (agreement(q, io) !== 'equal') return false;
  const tol = Math.max(q.precision / 2, 1e-9 * Math.max(1, Math.abs(io.value)));
  return Math.abs(q.value - io.value) <= tol + (io.figure ? io.figure.precision / 2 : 0) && (q.qualifier === 'exact') === (io.obs.qualifier === 'exact');
}

const CHANGE = /新增|新引进|新建|新落地|净增|增加了?|减少了?|新开工|再有|又有|还有|另有|再(?=[\d一二三四五六七八九十两])/;

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
function misattribution(idx: FactIndex, q: Quantity, cands: Ranking, ctx: ClaimContext, asOf: string, identity: (m: Measure) => Identity, minScore = MATCH_THRESHOLD): QuantityVerdict | undefined {
  const subj = ctx.subject;
  if (!subj || (ctx.subjectScope !== 'clause' && ctx.subjectScope !== 'sentence')) return undefined;
  // Only the measures whose values may agree are scored (match/valueIndex.ts).
  for (const c of cands.incompatibleAmong((m) => mayAgree(idx, m, q))) {
    if (!c.dimensionOk || c.score < Math.max(MATCH_THRESHOLD, minScore - TIE_MARGIN) || !identity(c.measure).established) continue;
    const agree = known(idx, c.measure, asOf).find((io) => io.obs.kind === 'actual' && sameFigure(q, io));
    if (agree) return { code: 'misattributed', verified: false, measure: c.measure, agreeing: agree, expected: agree, established: true };
  }
  return undefined;
}

/**
 * A misattributed figure with the draft subject's own figure for the same measure: the
 * measure the claim would be contradicted by were the value not another subject's (matched
 * as well as a wrong-value needs, its stated period's current observation), when it is of
 * the same kind and dimension as the other subject's.
 */
function withOwnFigure(mis: QuantityVerdict, own: Measure, latest: IndexedObservation): QuantityVerdict {
  const other = mis.measure;
  const dim = (m: Measure) => unitInfo(m.unit)?.dimension;
  if (!other || other.kind !== own.kind || dim(other) !== dim(own)) return mis;
  return { ...mis, own: latest };
}

/** Same written number as an observation of the measure, different unit or scale. */
function checkUnit(idx: FactIndex, q: Quantity, c: Candidate, asOf: string): QuantityVerdict | undefined {
  const n = writtenNumber(q);
  const m = mantissa(q);
  const same = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
  // Most figures share no written number with the measure's observations: nothing to look at.
  if (!writtenNumbers(idx, c.measure).some((x) => same(x, n) || same(x, m))) return undefined;
  const list = known(idx, c.measure, asOf);
  for (let i = list.length - 1; i >= 0; i--) {
    const io = list[i];
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
