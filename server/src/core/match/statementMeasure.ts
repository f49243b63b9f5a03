/**
 * Which measure a draft's statement is about. A statement is checked only when the
 * sources speak of the same thing: its subject is the measure's subject, and the words
 * that name the thing are the measure's terms —
 *   rank:    the nearest term of any measure before the rank, in its sentence, is one of
 *            the rank measure's (增速全市第一 after 地区生产总值 is about 增速, not GDP);
 *   first:   a term in the category after the counter (首家 农村老年配餐中心);
 *   edition: a term in the event's name (第四届 中国影都发展论坛);
 *   year:    the event's verb is of the class the sources use for the measure (成立, not
 *            建成), and the thing is named: a term in its sentence up to the verb's clause,
 *            or its subject in the clause.
 * Anything else is silent: no claim, no finding.
 */
import type { Measure } from '../types';
import type { ClaimContext } from '../draft';
import { scanStatements, type StatementKind, type StatementMention, eventClass, EVENT_WORD } from '../statements';
import { ancestry, DerivedValue, districtOf, subjectsCompatible, type FactIndex } from '../factIndex';

/** Per index: the statement measures by kind, each year measure's event classes, and every measure term by its first character. */
interface StatementIndex {
  byKind: Map<StatementKind, Measure[]>;
  eventClasses: Map<string, Set<string>>;
  /** Terms naming something other than a streak (连续, 保持 name the streak a rank is held for), by first character, with their measures. */
  termsByFirst: Map<string, { term: string; measures: Measure[] }[]>;
}

/** The statement index of a fact index, built on first use. */
const STATEMENT_INDEX = new DerivedValue(buildStatementIndex);

function statementIndex(idx: FactIndex): StatementIndex {
  return STATEMENT_INDEX.of(idx);
}

function buildStatementIndex(idx: FactIndex): StatementIndex {
  const si: StatementIndex = { byKind: new Map(), eventClasses: new Map(), termsByFirst: new Map() };
  for (const [term, measures] of idx.terms) {
    const named = measures.filter((x) => x.kind !== 'duration');
    if (!named.length) continue;
    const list = si.termsByFirst.get(term[0]) ?? [];
    list.push({ term, measures: named });
    si.termsByFirst.set(term[0], list);
  }
  for (const m of idx.measures.values()) {
    if (m.kind === 'rank' || m.kind === 'first' || m.kind === 'edition' || m.kind === 'year') {
      const list = si.byKind.get(m.kind) ?? [];
      list.push(m);
      si.byKind.set(m.kind, list);
    }
  }
  for (const m of si.byKind.get('year') ?? []) {
    const classes = new Set<string>();
    for (const io of idx.observations.get(m.id) ?? []) {
      const year = Number(io.obs.published.slice(0, 4));
      const at = io.obs.quote.indexOf(io.obs.figure);
      const read = scanStatements(io.obs.quote, year).find((x) => x.kind === 'year' && x.start === at);
      const c = read?.word ? eventClass(read.word) : undefined;
      if (c) classes.add(c);
    }
    si.eventClasses.set(m.id, classes);
  }
  return si;
}


/** Characters that start a figure: a term right before one names that figure (连续 in 连续四年), not what follows. */
const FIGURE_START = /[0-9零〇一二两三四五六七八九十百千万]/;

/**
 * The rank measure the nearest measure term before the rank belongs to (see the file
 * header): the sentence up to the rank read once, each position against the terms
 * starting with its character; terms ending at the same place all count (常住人口比例,
 * 占常住人口比例), a term glued to a figure does not (连续 in 连续四年).
 */
function rankMeasure(text: string, m: StatementMention, ctx: ClaimContext, candidates: Measure[], si: StatementIndex): Measure | undefined {
  const from = ctx.sentence.start;
  const to = m.start; // the ranked thing may stand between the group and the rank (全球…密度最大)
  let bestEnd = -1;
  let owners: Measure[] = [];
  for (let k = from; k < to; k++) {
    const terms = si.termsByFirst.get(text[k]);
    if (!terms) continue;
    for (const { term, measures } of terms) {
      const end = k + term.length;
      if (end > to || end < bestEnd || !text.startsWith(term, k) || FIGURE_START.test(text[end] ?? '')) continue;
      if (end > bestEnd) {
        bestEnd = end;
        owners = measures;
      } else owners = [...owners, ...measures];
    }
  }
  const hit = candidates.filter((c) => owners.includes(c));
  if (hit.length === 1) return hit[0];
  // 最ADJ的X: a superlative's ranked thing may follow it (亚洲最先进的数字制作系统).
  if (!hit.length && m.text.startsWith('最') && text[m.end] === '的') return termWithin(text, m.end, Math.min(ctx.clause.end, m.end + 16), candidates);
  return undefined;
}

/** The candidate with a term inside [start, end) of `text` (the longest term wins; a tie is no answer). */
function termWithin(text: string, start: number, end: number, candidates: Measure[]): Measure | undefined {
  const span = text.slice(start, end);
  let best: Measure[] = [];
  let len = 0;
  for (const c of candidates) {
    const t = Math.max(0, ...c.terms.filter((x) => span.includes(x)).map((x) => x.length));
    if (t > len) {
      best = [c];
      len = t;
    } else if (t > 0 && t === len) best.push(c);
  }
  return best.length === 1 ? best[0] : undefined;
}

/** The measure a statement of the draft is about, or undefined (silent). */
export function statementMeasure(idx: FactIndex, text: string, m: StatementMention, ctx: ClaimContext): Measure | undefined {
  if (!ctx.subject || ctx.subjectScope === 'none') return undefined;
  const si = statementIndex(idx);
  const subject = ctx.subject;
  const all = si.byKind.get(m.kind) ?? [];
  // A rank is of its subject alone. A first may be of a part of the subject (怀柔科学城 in 怀柔's 首家), an
  // edition's or a year's thing of any subject around it (雁栖国际社区二期 in 怀柔), as its name is the evidence.
  const candidates = all.filter(
    (c) =>
      c.subject === subject ||
      (m.kind === 'first' && ancestry(idx, subject).includes(c.subject)) ||
      // (within one district: 北京市第十三次党代会 is the city's congress, not 海淀's thirteenth)
      ((m.kind === 'year' || m.kind === 'edition') && subjectsCompatible(idx, c.subject, subject) && districtOf(idx, c.subject) === districtOf(idx, subject)),
  );
  if (!candidates.length) return undefined;
  switch (m.kind) {
    case 'rank':
      return rankMeasure(text, m, ctx, candidates, si);
    case 'first':
    case 'edition':
      return termWithin(text, m.about.start, m.about.end, candidates);
    case 'year': {
      const cls = m.word ? eventClass(m.word) : undefined;
      const sameEvent = candidates.filter((c) => cls !== undefined && si.eventClasses.get(c.id)?.has(cls));
      const clauseEnd = Math.max(m.end, ctx.clause.end);
      const things = sameEvent.map((c) => ({ ...c, terms: c.terms.filter((t) => !EVENT_WORD.test(t)) }));
      const named = termWithin(text, ctx.sentence.start, clauseEnd, things);
      if (named) return sameEvent.find((c) => c.id === named.id);
      const own = sameEvent.filter((c) => c.subject === subject);
      return ctx.subjectScope === 'clause' && own.length === 1 ? own[0] : undefined;
    }
  }
}
