/**
 * Checks of a draft against itself: `arithmetic` (a share stated next to the counts it is
 * computed from: 37个…其中29个…占九成 is 78%, not 90%; a total after its parts: 23家、34家，
 * 合计60家 is 57) and `inconsistent` (the same measure
 * and period stated twice with different values).
 */
import type { CheckedClaim, Finding, Locale, Quantity } from '../types';
import type { ClaimContext } from '../draft';
import type { QuantityVerdict } from './verdict';
import type { LineIndex } from '../util';
import { SEVERITY } from './findings';
import { message } from './messages';
import { chineseNumeral, formatLike, parseQuantity, plainNumber, renderFigure, valueInterval, simpleFraction } from '../numbers';
import { CONTRADICT_THRESHOLD } from './verdict';

const SHARE_WORDS = /占|比例|比重|其中|之中/;
/** Words making a share each figure's own (均占, 都占, 分别占, 各占): no count of the sentence is its whole. */
const DISTRIBUTIVE = /[均都各]占|分别占|均为|均达|这些|上述|以上数据/;
const TOTAL_WORDS = /(合计|共计|总计|总共|共)[达为有]?$/;
const CHANGE_WORDS = /增长|下降|提高|增加|减少|降低|增速|同比|环比/;

/** A change between two figures of one clause: 由21.8%提高到24%, 从12家增至20家, 21.8%—24%. */
const CHANGE_LINK = /^(?:[^，,。；;！？!?\n]{0,12}?(?:提高|提升|增加|增长|上升|下降|降低|减少|扩大|缩小|攀升|跃升|增|升|降|减|变化|发展)了?(?:到|至|为)|到|至|—|–|-|～|~)$/;

/** True when `b` is what `a` changed to in the same clause (two values of one measure over time, not a contradiction). */
function isChange(text: string, a: Quantity, b: Quantity): boolean {
  if (a.end > b.start) return false;
  return CHANGE_LINK.test(text.slice(a.end, b.start).trim());
}

/** A judged quantity, kept for the consistency checks. */
export interface JudgedQuantity {
  q: Quantity;
  ctx: ClaimContext;
  verdict: QuantityVerdict;
  claim: number;
}

/** An arithmetic finding on a claim: what it is computed from, the computed value and the fix writing it. */
function arithmeticFinding(j: JudgedQuantity, from: string, expected: string, locale: Locale): Finding {
  const { q, claim } = j;
  return {
    code: 'arithmetic',
    severity: SEVERITY.arithmetic,
    message: message('arithmetic', locale, { measure: from, expected, claimed: q.text }),
    start: q.start,
    end: q.end,
    expected,
    citations: [],
    fix: { start: q.start, end: q.end, newText: expected },
    claim,
  };
}

/**
 * A computed share written for the draft: exactly where the draft's form writes it exactly
 * (4/5 → 八成 where the draft writes 成; 2/3 → 三分之二 where it writes a fraction; 1/4 →
 * 25%), else to a tenth of a percent with 约 (6902/14800 → 约46.6%; 4/6 → 约66.7% for 七成).
 */
export function computedShare(ratio: number, like: Quantity): string {
  const f = like.form === 'fraction' ? simpleFraction(ratio) : undefined;
  const tenths = Math.round(ratio * 10) / 10;
  const text = f
    ? `${chineseNumeral(f[1])}分之${chineseNumeral(f[0])}`
    : `${Math.abs(ratio - tenths) < 1e-9 * Math.max(1, ratio) ? '' : '约'}${plainNumber(tenths)}%`;
  const computed = parseQuantity(text);
  return computed ? renderFigure(computed, like) : text;
}

/** Claims visited between two pauses of consistencySteps. */
const CLAIMS_PER_STEP = 256;

/**
 * Findings of the draft's internal consistency, in steps: pauses (yields) every
 * CLAIMS_PER_STEP claims of each pass, so a draft of thousands of claims does not hold a
 * caller (the server) for one long stretch.
 */
export function* consistencySteps(
  text: string,
  judged: JudgedQuantity[],
  claims: CheckedClaim[],
  findings: readonly (Finding | undefined)[],
  lines: LineIndex,
  locale: Locale,
): Generator<void, { add: Finding[]; drop: Set<number> }, void> {
  const out: Finding[] = [];
  const drop = new Set<number>();
  const flagged = new Set<number>();
  for (const f of findings) if (f && (f.severity === 'error' || f.severity === 'warning')) flagged.add(f.claim);
  // Arithmetic: share after two counts of the same counter in one sentence.
  for (let i = 2; i < judged.length; i++) {
    if (i % CLAIMS_PER_STEP === 0) yield;
    const s = judged[i];
    if (s.q.dimension !== 'percent' && s.q.dimension !== 'fraction') continue;
    // The draft's own counts beat a share matched only by generic words (占比): a wrong-value there is replaced.
    const replaceable = s.verdict.code === 'wrong-value';
    if ((flagged.has(s.claim) && !replaceable) || claims[s.claim].status === 'verified') continue;
    const [a, b] = [judged[i - 2], judged[i - 1]];
    if (a.ctx.sentence !== s.ctx.sentence || b.ctx.sentence !== s.ctx.sentence) continue;
    if (a.q.dimension !== b.q.dimension || a.q.unit !== b.q.unit || !a.q.unit || a.q.dimension === 'percent') continue;
    const between = text.slice(a.q.end, s.q.start);
    if (!SHARE_WORDS.test(between) || CHANGE_WORDS.test(text.slice(b.q.end, s.q.start))) continue;
    // 这些数据均占全市四成以上: each figure's share of something else, not one count's share of the other.
    if (DISTRIBUTIVE.test(text.slice(b.q.end, s.q.start))) continue;
    if (b.q.value > a.q.value || a.q.value === 0) continue;
    const ratio = (100 * b.q.value) / a.q.value;
    const [lo, hi] = valueInterval(s.q);
    const slack = 0.5; // rounding; the qualifier's meaning is in valueInterval
    if (ratio >= lo - slack && ratio <= hi + slack) {
      if (replaceable) drop.add(s.claim);
      continue;
    }
    if (replaceable) drop.add(s.claim);
    const expected = computedShare(ratio, s.q);
    out.push(arithmeticFinding(s, `${b.q.text}/${a.q.text}`, expected, locale));
    flagged.add(s.claim);
  }
  // Arithmetic: a total right after its parts (三级医院23家、二级医院34家，合计57家).
  for (let i = 2; i < judged.length; i++) {
    if (i % CLAIMS_PER_STEP === 0) yield;
    const t = judged[i];
    // (At least two parts: the two figures before it, of its sentence, dimension and unit.)
    const [p1, p2] = [judged[i - 1], judged[i - 2]];
    if (p1.ctx.sentence !== t.ctx.sentence || p2.ctx.sentence !== t.ctx.sentence || p1.q.dimension !== t.q.dimension || p2.q.dimension !== t.q.dimension || p1.q.unit !== t.q.unit || p2.q.unit !== t.q.unit) continue;
    if (flagged.has(t.claim) || claims[t.claim].status === 'verified') continue;
    if (!TOTAL_WORDS.test(text.slice(judged[i - 1].q.end, t.q.start))) continue;
    const parts: JudgedQuantity[] = [];
    for (let j = i - 1; j >= 0 && judged[j].ctx.sentence === t.ctx.sentence; j--) {
      const p = judged[j];
      if (p.q.dimension !== t.q.dimension || p.q.unit !== t.q.unit) break;
      parts.unshift(p);
    }
    if (parts.length < 2 || [t, ...parts].some((x) => x.q.qualifier !== 'exact' || x.q.high !== undefined)) continue;
    const sum = parts.reduce((acc, p) => acc + p.q.value, 0);
    const tol = Math.max(t.q.precision, ...parts.map((p) => p.q.precision)) / 2 + 1e-9 * Math.abs(sum);
    if (Math.abs(sum - t.q.value) <= tol) continue;
    out.push(arithmeticFinding(t, parts.map((p) => p.q.text).join('+'), formatLike(sum, t.q), locale));
    flagged.add(t.claim);
  }
  // Inconsistent: same measure, same stated period, different values, neither otherwise flagged.
  // Only claims whose wording establishes the measure (subject, object, scope) can disagree with each other.
  const strong = (j: JudgedQuantity) => (j.verdict.score ?? 0) >= CONTRADICT_THRESHOLD && j.verdict.established === true;
  // The earlier strong claims of each measure, in order, each with its period as a key (written once, when first compared).
  const earlier = new Map<unknown, { j: JudgedQuantity; period?: string }[]>();
  const periodKey = (e: { j: JudgedQuantity; period?: string }) => (e.period ??= JSON.stringify(e.j.ctx.period) ?? '');
  for (let i = 0; i < judged.length; i++) {
    if (i % CLAIMS_PER_STEP === 0) yield;
    const b = judged[i];
    if (!b.verdict.measure || !strong(b)) continue;
    let sameMeasure = earlier.get(b.verdict.measure);
    if (!sameMeasure) earlier.set(b.verdict.measure, (sameMeasure = []));
    const self = { j: b, period: undefined as string | undefined };
    if (!flagged.has(b.claim) && claims[b.claim].status !== 'verified') {
      for (const e of sameMeasure) {
        const a = e.j;
        if ((a.ctx.periodText ?? '') !== (b.ctx.periodText ?? '') && periodKey(e) !== periodKey(self)) continue;
        if (!a.ctx.period !== !b.ctx.period) continue;
        if (a.ctx.subject !== b.ctx.subject) continue;
        if (isChange(text, a.q, b.q)) continue;
        const sameValue = Math.abs(a.q.value - b.q.value) <= Math.max(a.q.precision, b.q.precision) / 2;
        if (sameValue || a.q.dimension !== b.q.dimension) continue;
        out.push({
          code: 'inconsistent',
          severity: SEVERITY.inconsistent,
          message: message('inconsistent', locale, { measure: b.verdict.measure.name, expected: a.q.text, line: lines.positionAt(a.q.start).line + 1 }),
          start: b.q.start,
          end: b.q.end,
          factId: b.verdict.measure.id,
          expected: a.q.text,
          citations: [],
          claim: b.claim,
        });
        flagged.add(b.claim);
        break;
      }
    }
    sameMeasure.push(self);
  }
  return { add: out, drop };
}
