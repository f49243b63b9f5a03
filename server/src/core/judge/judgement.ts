/**
 * Builds the CheckedClaim and Finding of one judged claim (quantity or role): status,
 * citations, the value history for hover, the expected value, the fix and the message.
 */
import type { CheckedClaim, Finding, Locale, Quantity } from '../types';
import { DerivedValue, publishedBy, type FactIndex, type IndexedObservation } from '../factIndex';
import { PairCache } from '../util';
import type { ClaimContext } from '../draft';
import type { QuantityVerdict } from './verdict';
import type { RoleClaim, RoleVerdict } from './roles';
import { SEVERITY, citeObservation, citePair, citeRole, expectedLike, historyOf, statusOf, subjectName } from './findings';
import { belowReached, message, unverifiedNote } from './messages';
import { holdsAll, titleFix } from './titleFix';
import { describePeriod } from '../draft';

/** A measure's known observations and their history, by measure id and date (emptied past 10,000). */
const KNOWN = new DerivedValue(() => new PairCache<string, string, { list: IndexedObservation[]; history: Map<Locale, CheckedClaim['history']> }>(10_000));

/** A measure's observations published by `asOf`, and their history for hover (memoized per index, measure and date). */
function knownOf(idx: FactIndex, measureId: string, asOf: string, locale: Locale): { list: IndexedObservation[]; history: CheckedClaim['history'] } {
  const memo = KNOWN.of(idx);
  const k = memo.get(measureId, asOf) ?? memo.set(measureId, asOf, { list: publishedBy(idx, measureId, asOf), history: new Map() });
  let history = k.history.get(locale);
  if (!history) k.history.set(locale, (history = historyOf(k.list, locale)));
  return { list: k.list, history };
}

function periodLabel(ctx: ClaimContext, locale: Locale): string | undefined {
  const p = ctx.period;
  if (!p) return undefined;
  // Name the resolved year when the draft's words leave it implicit (前三季度, 今年上半年).
  const syntax = p.kind === 'year' ? `${p.from}` : p.kind === 'part' ? `${p.year}${p.part}` : p.kind === 'span' ? `${p.from}/${p.to}` : undefined;
  if (syntax && !(ctx.periodText && /\d{4}/.test(ctx.periodText))) return describePeriod(syntax, locale);
  return ctx.periodText ?? (locale === 'zh' ? '所述时期' : 'the stated period');
}

/** What an unverified claim's message says of the observation nearby: its figure, period, source and date. */
function nearbyArgs(idx: FactIndex, io: IndexedObservation, locale: Locale): { known: string; knownPeriod: string; publisher?: string; published: string } {
  const src = idx.sources.get(io.obs.source);
  const date = io.obs.period.startsWith('@') ? io.obs.period.slice(1) : io.obs.published;
  return { known: io.obs.figure, knownPeriod: describePeriod(io.obs.period, locale), publisher: src?.publisher, published: date };
}

/** The observation a finding's fix writes, by code: none where the remedy is not a figure of the sources. */
function fixTarget(code: string, v: QuantityVerdict): IndexedObservation | undefined {
  switch (code) {
    case 'wrong-value':
    case 'wrong-unit':
    case 'outdated-value':
    case 'qualifier-mismatch':
      return v.expected;
    case 'wrong-period':
      return v.expected !== v.agreeing ? v.expected : undefined; // the stated period's own value, when known
    case 'misattributed':
      return v.own;
    default:
      return undefined;
  }
}

/** Claim and (optional) finding for a judged quantity. */
export function quantityFinding(
  idx: FactIndex,
  q: Quantity,
  ctx: ClaimContext,
  v: QuantityVerdict,
  asOf: string,
  locale: Locale,
  claimIndex: number,
): { claim: CheckedClaim; finding?: Finding } {
  const known = v.measure ? knownOf(idx, v.measure.id, asOf, locale) : undefined;
  // A misattributed figure cites whose it is, then the draft subject's own figure its fix writes.
  const cited = citePair(idx, v.agreeing, v.code === 'misattributed' && v.own ? v.own : v.expected);
  const factId = (v.expected ?? v.agreeing)?.obs.id ?? v.measure?.id;
  const claim: CheckedClaim = {
    kind: 'quantity',
    start: q.start,
    end: q.end,
    text: q.text,
    status: statusOf(v.code, v.verified),
    factId,
    value: q.value,
    unit: q.unit,
    citations: cited,
    history: known?.history,
    reading: {
      subject: ctx.subject ? subjectName(idx, ctx.subject) : undefined,
      subjectFrom: ctx.subjectScope,
      measure: v.measure?.name,
      identity: v.identity,
      period: ctx.periodText,
      quantity: q,
    },
  };
  if (v.verified) return { claim };
  const code = v.code ?? 'unverified';
  if (v.nearby && !claim.citations.length) claim.citations = [citeObservation(idx, v.nearby)];
  // The observation whose figure the fix writes: the expected one, or for a misattributed
  // figure the draft subject's own observation of the same measure.
  // A source that gives a range in words (两位数增长) has no figure to write in the draft's place.
  const aimed = fixTarget(code, v);
  const target = aimed && !/位数/.test(aimed.obs.figure) ? aimed : undefined;
  const expected = target ? expectedLike(idx, q, target) : undefined;
  const newText = expected;
  const src = v.expected ? citeObservation(idx, v.expected) : undefined;
  const ownSrc = code === 'misattributed' && v.own ? citeObservation(idx, v.own) : undefined;
  const args = {
    measure: v.measure?.name,
    claimed: q.text,
    expected: code === 'qualifier-mismatch' || code === 'plan-as-done' || expected === undefined ? v.expected?.obs.figure : expected,
    period: periodLabel(ctx, locale),
    otherPeriod: v.agreeing ? describePeriod(v.agreeing.obs.period, locale) : undefined,
    subject: subjectName(idx, ctx.subject),
    otherSubject: v.measure ? subjectName(idx, v.measure.subject) : undefined,
    publisher: src?.publisher,
    published: src?.published,
    olderPublished: v.agreeing?.obs.published,
    own: ownSrc && expected ? { value: expected, publisher: ownSrc.publisher, published: ownSrc.published } : undefined,
  };
  // An unverified claim near what the sources do give says what that is (never that the draft's figure is it).
  const msg =
    code === 'unverified' && v.nearby && v.why && v.why !== 'reached'
      ? unverifiedNote(v.why, locale, { ...args, ...nearbyArgs(idx, v.nearby, locale) })
      : code === 'wrong-value' && v.why === 'reached' && v.expected
        ? belowReached(locale, { ...args, ...nearbyArgs(idx, v.expected, locale) })
        : message(code, locale, args);
  const finding: Finding = {
    code,
    severity: SEVERITY[code],
    message: msg,
    start: q.start,
    end: q.end,
    factId,
    expected,
    citations: cited,
    fix: newText !== undefined && newText !== q.text ? { start: q.start, end: q.end, newText } : undefined,
    claim: claimIndex,
  };
  return { claim, finding };
}

/** Claim and (optional) finding for a judged role. */
export function roleFinding(
  idx: FactIndex,
  rc: RoleClaim,
  v: RoleVerdict,
  asOf: string,
  locale: Locale,
  claimIndex: number,
): { claim: CheckedClaim; finding?: Finding } {
  const roles = v.successor ? [...v.roles, v.successor] : v.roles;
  const citations = roles.map((r) => citeRole(idx, r));
  const factId = (v.successor ?? roles[roles.length - 1])?.id;
  const claim: CheckedClaim = {
    kind: 'role',
    start: rc.start,
    end: rc.end,
    text: rc.person,
    status: statusOf(v.code, v.verified),
    factId,
    citations,
    reading: { subject: rc.titles.map((t) => t.text).join('、') },
  };
  if (v.verified || !v.code) return { claim };
  const titles = [...new Set(v.roles.flatMap((r) => r.titles))].join('、');
  let fix: Finding['fix'];
  let expected: string | undefined;
  if (v.code === 'outdated-role' && v.successor && holdsAll(idx, v.successor, rc)) {
    expected = v.successor.person;
    fix = { start: rc.start, end: rc.end, newText: v.successor.person };
  }
  if (v.code === 'wrong-role' && rc.titles.length) {
    // Correct the title: the whole title run before the name becomes the titles the sources record.
    const newText = titleFix(idx, rc, v.roles, asOf);
    if (newText) {
      expected = newText;
      // Titles before the name run up to it; titles after it (in brackets, or 区长 after 李俊杰) end with the last.
      const last = rc.titles[rc.titles.length - 1];
      fix = rc.after ? { start: rc.titles[0].start, end: last.start + last.text.length, newText } : { start: rc.titles[0].start, end: rc.start, newText };
    }
  }
  const msg = message(v.code, locale, {
    person: rc.person,
    title: v.title,
    titles,
    successor: v.successor?.person,
    published: v.successor?.asOf,
    publisher: v.successor ? idx.sources.get(v.successor.source)?.publisher : undefined,
  });
  return {
    claim,
    finding: { code: v.code, severity: SEVERITY[v.code], message: msg, start: rc.start, end: rc.end, factId, expected, citations, fix, claim: claimIndex },
  };
}
