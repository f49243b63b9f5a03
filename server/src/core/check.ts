/**
 * The core's entry point: a draft's text and a fact base in, claims and findings out.
 * The CLI and the language server both call checkText, so they never disagree.
 */
import type { CheckOptions, CheckResult, CheckedClaim, FactBase, Finding, Locale, PeriodMention, Quantity } from './types';
import { outline, ContextFinder, DraftText, type ClaimContext, pairRespectively, respectiveSlots, applySuppressions, checkTables, withDraftPeriods } from './draft';
import { indexOf, indexSteps } from './factIndex';
import { objectTermSteps, quoteStatsSteps, rankMeasures, Ranking, addWords } from './match';
import { DEFAULT_POLICY, judgeQuantity, MATCH_THRESHOLD, type QuantityVerdict, judgeRole, quantityFinding, roleFinding, consistencySteps, type JudgedQuantity, message, SEVERITY, directedFinding, judgeStatements } from './judge';
import { unitsDuring } from './numbers';
import { LineIndex, finishSteps } from './util';
import type { CheckMemo, CheckMemory, FigureLine, LineClaim } from './incremental';
import { builtAt, movedContext, NoMemory, type Built } from './incremental';

/**
 * A clause that is only a period, a verb and the figure (2023年超过1.2万亿元) names no
 * measure of its own; nor does the stretch after an earlier figure of the same clause
 * (由2012年的9.31亿元提升至2023年的25.58亿元: the second figure is the first one's measure).
 */
function elliptic(text: string, ctx: ClaimContext, periods: PeriodMention[], q: Quantity, prev: Quantity, finder: ContextFinder): boolean {
  const from = prev.end <= q.start && prev.start >= ctx.clause.start ? prev.end : ctx.clause.start;
  const to = from === ctx.clause.start ? ctx.clause.end : q.end;
  let rest = text.slice(from, to);
  for (const p of periods) if (p.start >= from && p.end <= to) rest = rest.replace(p.text, '');
  // (A subject's name is no measure: 海淀区35.56%，怀柔区77.5%.)
  for (const s of finder.subjectsIn(from, to)) rest = rest.replace(text.slice(s.start, s.end), '');
  rest = rest.replace(/[\d.,，%％]+|提升至|提高到|提高至|增加到|增至|增长到|上升到|上升至|下降到|降至|减少到|[由从到至零〇一二两三四五六七八九十百千万亿余多近约超过逾达到为是了的和及与、，\s]|个百分点|左右|以上|[个家人名项所部场套间条款届元平方米公里顷年]/g, '');
  return rest.length <= 2;
}

/** A claim and its finding, as a judge makes them. */
type Made = { claim: CheckedClaim; finding?: Finding };

/**
 * Settles a check's findings in one pass over its claims in the order of their place in
 * the draft: a claim the consistency checks flag (`own.add`, its last finding there)
 * takes that finding and is contradicted, unless suppressed; a claim with a finding whose
 * figure they explain (`own.drop`) keeps an unverified finding instead and is unverified;
 * any other keeps its own. `findingOf` is each claim's finding (none for a suppressed
 * claim). Unverified findings are left out when not reported. Returns the claims in
 * order and their findings by position, numbered by that order.
 */
function settle(claims: CheckedClaim[], findingOf: (Finding | undefined)[], own: { add: Finding[]; drop: Set<number> }, locale: Locale, reportUnverified: boolean): { claims: CheckedClaim[]; findings: Finding[] } {
  const flagged = new Map<number, Finding>();
  for (const f of own.add) if (claims[f.claim].status !== 'suppressed') flagged.set(f.claim, f);
  // Stable order: by position.
  const order = claims.map((c, i) => ({ c, i })).sort((a, b) => a.c.start - b.c.start || a.c.end - b.c.end);
  const findings: Finding[] = [];
  order.forEach(({ c, i }, k) => {
    let f = flagged.get(i);
    if (f) c.status = 'contradicted';
    else if ((f = findingOf[i]) && own.drop.has(i)) {
      if (c.status !== 'suppressed') c.status = 'unverified';
      f = { ...f, code: 'unverified', severity: SEVERITY.unverified, message: message('unverified', locale, { claimed: c.text }), fix: undefined, expected: undefined };
    }
    if (f && (reportUnverified || f.code !== 'unverified')) findings.push({ ...f, claim: k });
  });
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { claims: order.map((o) => o.c), findings };
}

/**
 * Builds the indexes a check of `base` needs (the fact index, the quote statistics and
 * which of its terms name an object) in steps, so a server can put a large base in use
 * without one long pause; checks then find them built.
 */
export function* prepareSteps(base: FactBase): Generator<void, void, void> {
  const idx = yield* indexSteps(base);
  yield* quoteStatsSteps(idx);
  yield* objectTermSteps(idx);
}

/**
 * Checks one draft. Pure: no I/O; the draft's front matter date wins over `options.asOf`.
 * With a `memo` (one per document, kept between checks), lines and claims unchanged since
 * the last check are not analysed again; the result is the same.
 */
export function checkText(text: string, base: FactBase, options: CheckOptions, memo?: CheckMemo): CheckResult {
  return finishSteps(checkSteps(text, base, options, memo));
}

/**
 * checkText in steps: the generator pauses (yields) every few lines while scanning and
 * every few claims while judging, so a caller can serve other requests between steps of
 * a long check, or drop a check that an edit made stale. Its return value is checkText's.
 */
export function* checkSteps(text: string, base: FactBase, options: CheckOptions, memo?: CheckMemo): Generator<void, CheckResult, void> {
  // The draft is read with the base's units table (its own units extend the bundled ones), step by step.
  return yield* unitsDuring(indexOf(base).units, checkStepsWithUnits(text, base, options, memo));
}

function* checkStepsWithUnits(text: string, base: FactBase, options: CheckOptions, memo?: CheckMemo): Generator<void, CheckResult, void> {
  const locale = options.locale ?? 'zh';
  const idx = indexOf(base);
  addWords(idx.dictionary);
  const ol = outline(text);
  const asOf = ol.date ?? options.asOf;
  const year = Number(asOf.slice(0, 4));
  const policy = { freshnessMonths: options.freshnessMonths ?? DEFAULT_POLICY.freshnessMonths };
  // What a memoized claim was judged as of: the date and the freshness window.
  const judgedAs = `${asOf}#${policy.freshnessMonths}`;
  yield;
  const lines = new LineIndex(text);
  // What earlier checks of the document computed (nothing without a memo: every answer is computed then).
  const memory: CheckMemory = memo ?? new NoMemory();
  memory.begin(idx);
  const scanned = yield* memory.scanSteps(text, ol.bodyStart);
  // Tables are read cell by cell with their headers (tables.ts); their figures are not read as running text.
  const tables = checkTables(text, ol, base, options, checkText);
  const inTable = (q: Quantity) => tables.spans.some((t) => q.start >= t.start && q.end <= t.end);
  const quantities = scanned.quantities.filter((q) => q.start >= ol.bodyStart && !inTable(q));
  const periods = withDraftPeriods(text, quantities, scanned.periods.filter((p) => p.start >= ol.bodyStart), ol.bodyStart);
  yield;
  const finder = new ContextFinder(idx, text, ol, periods, year, scanned.subjects);
  yield;
  const overrides = pairRespectively(text, quantities, periods, year, ol);
  const slots = respectiveSlots(text, quantities, ol);
  yield;

  const claims: CheckedClaim[] = [];
  // Each claim's finding (none for a suppressed claim), settled at the end.
  const findingOf: (Finding | undefined)[] = [];
  const judged: JudgedQuantity[] = [];
  const add = ({ claim, finding }: Made) => {
    claims.push(claim);
    findingOf.push(finding && claim.status !== 'suppressed' ? finding : undefined);
  };
  // The draft as matching and judging read it; it keeps what they derive from each sentence.
  const draft = new DraftText(idx, text, quantities, scanned.periods);
  /** Adds a figure's claim, as judged now or by an earlier check (`built`, moved to the figure). */
  const addFigure = (q: Quantity, ctx: ClaimContext, verdict: QuantityVerdict, built: Built) => {
    judged.push({ q, ctx, verdict, claim: claims.length });
    add(builtAt(built, q, claims.length));
  };
  /** Judges one figure and adds its claim; returns what the memo keeps of it. */
  const judgeFigure = (q: Quantity): { ctx: ClaimContext; verdict: QuantityVerdict; built: Built } | undefined => {
    const ctx = finder.contextOf(q.start, q.end);
    if (!ctx) return undefined;
    const period = overrides.get(q);
    if (period) Object.assign(ctx, period);
    // A duration (连续5年, 经过八年) is a length of time; the years around it do not scope it.
    // (But a date it is counted up to, 截至2023年底…超过70万小时 or 截至2022年…连续4年, dates it.)
    if (q.dimension === 'duration' && !(ctx.period?.kind === 'asof' && ctx.period.date)) Object.assign(ctx, { period: undefined, periodText: undefined });
    const memoized = memory.claim(q, ctx, slots.get(q), judgedAs, () => {
      const ranked = rankMeasures(draft, q, ctx, slots.get(q));
      const verdict = judgeQuantity(draft, q, ctx, ranked, asOf, policy);
      // Without a measure, the claim may take the previous claim's (below) when that is an earlier figure of its sentence
      // with its dimension, and look it up among its candidates, the other subjects' too: keep them then.
      ranked.settle(!verdict.measure && draft.figuresIn(ctx.sentence).some((o) => o.start < q.start && o.dimension === q.dimension));
      return { cands: ranked, verdict };
    });
    const cands = memoized.cands;
    let verdict = memoized.verdict;
    const prev = judged[judged.length - 1];
    // (…the same sentence, or the one before it that a semicolon joins to it: 二〇二三年…；二〇二四年为….)
    const joined = prev && (prev.ctx.sentence === ctx.sentence || (prev.ctx.sentence.end === ctx.sentence.start && prev.ctx.sentence.paragraph === ctx.sentence.paragraph && /[；;]/.test(text[prev.ctx.sentence.end - 1])));
    if (!verdict.measure && prev?.verdict.measure && joined && prev.q.dimension === q.dimension && elliptic(text, ctx, periods, q, prev.q, finder)) {
      // 2021年地区生产总值约9500亿元，2023年超过1.2万亿元: the measure carries over to a clause that names none,
      // matched as well as it was for the figure it comes from; 全市森林覆盖率44.9%，海淀区35.56%: to the same
      // measure of the subject the clause names.
      const from = prev.verdict.measure;
      const measure = ctx.subject && ctx.subject !== from.subject ? (idx.base.measures.find((m) => m.subject === ctx.subject && m.name === from.name) ?? from) : from;
      const carried = cands.find(measure) ?? { measure, score: MATCH_THRESHOLD, termScore: 0, quoteScore: 0, dimensionOk: true };
      verdict = judgeQuantity(draft, q, ctx, Ranking.of(idx, ctx.subject, [{ ...carried, score: Math.max(carried.score, prev.verdict.score ?? MATCH_THRESHOLD, MATCH_THRESHOLD) }]), asOf, policy);
    }
    const built = memory.built(memoized, q, verdict, locale, () => directedFinding(quantityFinding(idx, q, ctx, verdict, asOf, locale, claims.length), idx, text, q, verdict, locale));
    addFigure(q, ctx, verdict, built);
    return { ctx, verdict, built };
  };

  // Line by line (the whole body is one stretch without a memo): a line whose text and surroundings (outsideLine)
  // are those of an earlier check gets that check's claims again, moved; the others are judged.
  // Figures judged so far: a pause every 8 (judging one the first time can take a few milliseconds).
  let figures = 0;
  /** What a line's contexts read outside it, and whether it is a table's (an edit elsewhere can make it one). */
  const lineEnv = (line: FigureLine) => {
    const key = finder.outsideLine(line.start, line.end); // (a new list each time)
    key.push(tables.spans.some((t) => line.start < t.end && line.end > t.start));
    return key;
  };
  for (const line of memory.figureLines()) {
    const kept = memory.lineClaims(line, () => lineEnv(line), judgedAs, locale);
    if (kept) {
      for (const k of kept) {
        if ((claims.length & 31) === 31) yield;
        const by = line.start - k.l0;
        addFigure(line.quantities[k.at], movedContext(k.ctx, by, finder.sentenceAt(k.ctx.sentence.start + by)!), k.verdict, k.built);
      }
      continue;
    }
    const items: LineClaim[] = [];
    for (let at = 0; at < line.quantities.length; at++) {
      if ((++figures & 7) === 0) yield;
      if (inTable(line.quantities[at])) continue;
      const r = judgeFigure(line.quantities[at]);
      if (r) items.push({ at, l0: line.start, ...r });
    }
    memory.keepLineClaims(line, items);
  }
  yield;
  for (const made of yield* memory.roleSteps(asOf, locale, claims.length, (rc, claimIndex) => roleFinding(idx, rc, judgeRole(idx, rc, asOf), asOf, locale, claimIndex))) add(made);
  yield;
  // Ranks, firsts, editions and years of events (judge/judgeStatements.ts).
  for (const made of yield* memory.statementSteps(year, asOf, locale, claims.length, lineEnv, (mentions, first) => judgeStatements(idx, text, mentions, finder, asOf, locale, first))) add(made);
  // The tables' cells (tables.ts), numbered after the claims so far.
  const first = claims.length;
  const cellFindings = new Map(tables.findings.map((f) => [f.claim, f]));
  tables.claims.forEach((claim, k) => {
    const f = cellFindings.get(k);
    add({ claim, finding: f && { ...f, claim: first + k } });
  });
  yield; // the document-level passes below each pause once, so a long draft's tail does not block
  const own = yield* consistencySteps(text, judged, claims, findingOf, lines, locale);
  yield;
  const settled = settle(claims, findingOf, own, locale, options.reportUnverified !== false);
  memory.end();
  yield;
  return applySuppressions(text, { asOf, claims: settled.claims, findings: settled.findings }, options.allow ?? [], lines);
}
