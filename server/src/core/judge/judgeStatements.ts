/**
 * Judging a draft's ranks, firsts, editions and years of events against the fact base:
 * the measure they are about (statementMeasure.ts; none: silent), the observations of the same
 * group, kind of statement (a plan in the draft against the sources' plans, a fact
 * against their facts) and period, then the verdict — verified, wrong-value with the
 * source's statement as the fix, or unverified when the sources cannot decide (a vague
 * rank, a top-N, another period, a plan whose deadline has passed).
 */
import type { CheckedClaim, Finding, Locale } from '../types';
import type { FactIndex, IndexedObservation } from '../factIndex';
import { publishedBy } from '../factIndex';
import type { ContextFinder } from '../draft';
import { parsePeriod, relatePeriods } from '../draft';
import { SEVERITY, citeObservation, historyOf, subjectName } from './findings';
import { message } from './messages';
import { type StatementMention, normalGroup } from '../statements';
import { statementMeasure } from '../match';
import { relate, writeLike } from './statementCompare';

/** Words in the clause before a statement that make it a plan (将于年底交付使用, 力争全市第一). */
const PLAN = /将(?![近军来])|预计|有望|力争|计划|目标|争取|确保/;

/** The year an observation's period names (2024, 2024H1, @2024-08-26), if one. */
function periodYear(p: string): number | undefined {
  const r = parsePeriod(p);
  if (!r) return undefined;
  if (r.kind === 'year') return r.from;
  if (r.kind === 'part') return r.year;
  if (r.kind === 'asof' && r.date) return Number(r.date.slice(0, 4));
  return undefined;
}

/**
 * True when a rank stated for `claim` (a year, a span) is the observation's: the same
 * period, or a position held as of a date inside it (“十四五”以来…稳居全市前列, as of 2025-07).
 */
function samePeriod(claim: NonNullable<ReturnType<typeof parsePeriod>>, obsPeriod: string): boolean {
  const o = parsePeriod(obsPeriod);
  if (relatePeriods(claim, o) === 'same') return true;
  if (o?.kind !== 'asof' || !o.date) return false;
  const y = Number(o.date.slice(0, 4));
  return (claim.kind === 'span' || claim.kind === 'year') && claim.from <= y && y <= claim.to;
}

/** The observations a statement is compared with, and whether they can only confirm it (never contradict). */
function comparable(list: IndexedObservation[], m: StatementMention, planned: boolean, ctxPeriod: ReturnType<typeof parsePeriod>, asOf: string): { pool: IndexedObservation[]; confirmOnly: boolean } {
  let pool = list.filter((io) => sameGroup(io, m));
  // A plan is checked against the sources' plans (until their deadline), a fact against their facts.
  pool = pool.filter((io) => (io.obs.kind !== 'actual') === planned);
  if (planned) pool = pool.filter((io) => m.kind !== 'year' || `${io.obs.value}-12-31` >= asOf);
  let confirmOnly = false;
  if (m.kind === 'rank' && ctxPeriod) pool = pool.filter((io) => samePeriod(ctxPeriod, io.obs.period));
  if (m.kind === 'edition') {
    const year = m.eventYear ?? (ctxPeriod?.kind === 'year' ? ctxPeriod.from : undefined);
    if (year === undefined) confirmOnly = true;
    else {
      const dated = pool.filter((io) => periodYear(io.obs.period) === year && !io.obs.period.startsWith('@'));
      confirmOnly = dated.length === 0;
      if (dated.length) pool = dated;
    }
  }
  if (m.kind === 'rank' || m.kind === 'edition') {
    // The latest statement decides; a vague one (前列) newer than the latest definite one leaves a contradiction undecided.
    const definite = pool.filter((io) => io.obs.qualifier !== 'about');
    const latest = definite.length ? definite[definite.length - 1].obs.published : undefined;
    if (latest && pool.some((io) => io.obs.qualifier === 'about' && io.obs.published > latest)) confirmOnly = true;
    if (latest && m.vague !== true) pool = [...definite.filter((io) => io.obs.published === latest), ...pool.filter((io) => io.obs.qualifier === 'about')];
  }
  return { pool, confirmOnly };
}

/** True when an observation is within the statement's group (全市, 全国 …; both without one). */
function sameGroup(io: IndexedObservation, m: StatementMention): boolean {
  return normalGroup(io.obs.group) === m.group;
}

/** One judged statement: its claim and, unless verified, its finding. */
export interface JudgedStatement {
  claim: CheckedClaim;
  finding?: Finding;
}

/**
 * The claims and findings of a stretch's statements (`mentions`, in order, as
 * scanStatements reads them), numbered from `firstIndex` in order. Statements about
 * nothing the sources speak of give nothing. A statement's judgment reads only its own
 * line and what its context reads outside the line (ContextFinder.outsideLine), so a
 * document's memo (incremental/memo.ts) keeps it per line.
 */
export function judgeStatements(
  idx: FactIndex,
  text: string,
  mentions: readonly StatementMention[],
  finder: ContextFinder,
  asOf: string,
  locale: Locale,
  firstIndex: number,
): JudgedStatement[] {
  const out: JudgedStatement[] = [];
  for (const m of mentions) judgeOne(m);
  return out;

  function judgeOne(m: StatementMention): void {
    const ctx = finder.contextOf(m.start, m.end);
    if (!ctx) return;
    const measure = statementMeasure(idx, text, m, ctx);
    if (!measure) return;
    const list = publishedBy(idx, measure.id, asOf);
    // Within another group (全国首家 where the sources say 全市首家), the sources do not speak of it: silent.
    if (list.length && !list.some((io) => sameGroup(io, m))) return;
    // A plan word before the statement, or for a year anywhere in its clause (年内将全部开工).
    const planned = PLAN.test(text.slice(ctx.clause.start, m.kind === 'year' ? ctx.clause.end : m.start));
    const ctxPeriod = ctx.period && ctx.period.kind !== 'asof' ? ctx.period : undefined;
    const { pool, confirmOnly } = comparable(list, m, planned, ctxPeriod, asOf);
    const rel = pool.map((io) => ({ io, r: relate(m, io.obs) }));
    const agree = rel.find((x) => x.r === 'agree')?.io;
    const differ = !agree && !confirmOnly && rel.length > 0 && rel.every((x) => x.r === 'differ') ? rel[rel.length - 1].io : undefined;
    const expected = differ ? writeLike(m, differ.obs) : undefined;
    const cited = agree ?? differ ?? pool[pool.length - 1];
    const status = agree ? 'verified' : differ && expected ? 'contradicted' : 'unverified';
    const claim: CheckedClaim = {
      kind: 'quantity',
      start: m.start,
      end: m.end,
      text: m.text,
      status,
      factId: cited?.obs.id ?? measure.id,
      value: m.value,
      unit: measure.unit,
      citations: cited ? [citeObservation(idx, cited)] : [],
      history: historyOf(list, locale),
      reading: { subject: subjectName(idx, ctx.subject), measure: measure.name, period: ctx.periodText },
    };
    const index = firstIndex + out.length;
    if (status === 'verified') {
      out.push({ claim });
      return;
    }
    if (status === 'contradicted' && differ && expected) {
      const src = citeObservation(idx, differ);
      const msg = message('wrong-value', locale, { measure: measure.name, expected, claimed: m.text, publisher: src.publisher, published: src.published });
      out.push({
        claim,
        finding: { code: 'wrong-value', severity: SEVERITY['wrong-value'], message: msg, start: m.start, end: m.end, factId: differ.obs.id, expected, citations: [src], fix: { start: m.start, end: m.end, newText: expected }, claim: index },
      });
      return;
    }
    out.push({
      claim,
      finding: { code: 'unverified', severity: SEVERITY.unverified, message: message('unverified', locale, { claimed: m.text }), start: m.start, end: m.end, factId: measure.id, citations: claim.citations, claim: index },
    });
  }
}

