/**
 * The measure of a suggested observation: an existing measure when the checker's own
 * ranking (rankMeasures) matches one of the claim's subject well enough, else a proposed
 * new measure named from the words of the claim's clause (segmented with jieba), with
 * the unit the source writes and a kind read from the figure and its verb.
 */
import type { Measure, MeasureKind, Quantity } from '../types';
import { ancestry, type FactIndex } from '../factIndex';
import type { ClaimContext } from '../draft';
import { rankMeasures, words } from '../match';
import { MATCH_THRESHOLD } from '../judge';
import { unitInfo } from '../numbers';
import { within } from '../util';
import type { SourceReading } from './read';
import type { ProposedMeasure } from './suggestionTypes';
import { slug, type IdRegistry } from './ids';

/** The measure found for a figure: existing (with its ranking score) or proposed. */
export type MeasureChoice = { measure: Measure; score: number; proposed?: undefined } | { proposed: ProposedMeasure; measure?: undefined; score: number };

/** Verbs, periods and function words left out of a proposed measure's name. */
const NOISE = /^(其中|目前|现有|已经|已|共有|共计|共|累计|达到|达|为|是|有|实现|超过|突破|超|逾|近|约|接近|将近|拥有|全区|全市|我们|我区|今年|去年|同比|分别|新增|建成|布局|落地|了|的|和|与|及|在|将|预计|有望|力争|保持|稳居|连续)+/;
const TAIL = /(达到|达|为|是|有|实现|超过|突破|超|逾|近|约|共|累计|了|的|分别|提高|增长|增加|下降|减少|年均|占)+$/;

/** The noun phrase a figure counts: its clause's words before it (or after it, when none come before), trimmed of verbs. */
export function measurePhrase(r: SourceReading, ctx: ClaimContext, q: { start: number; end: number }): string {
  // 生态环境质量连续五年全市第一: a streak's length is of what holds over it (生态环境质量连续全市第一的年数).
  if (r.text.slice(Math.max(ctx.clause.start, q.start - 2), q.start) === '连续') {
    const held = r.text.slice(q.end, ctx.clause.end).replace(/^(保持|位居|稳居|居)/, '');
    return `${lastWords(r, ctx, r.text.slice(ctx.clause.start, q.start - 2))}连续${held}的年数`;
  }
  return phraseOf(r, ctx, q);
}

/** The last words of `s` (text of the figure's clause) that can name a thing: without periods, subject names, figures, verbs. */
function lastWords(r: SourceReading, ctx: ClaimContext, s: string): string {
  let t = s;
  for (const p of within(r.periods, ctx.clause.start, ctx.clause.end)) t = t.replace(p.text, ' ');
  for (const m of r.finder.subjectsIn(ctx.clause.start, ctx.clause.end)) t = t.replace(r.text.slice(m.start, m.end), ' ');
  t = t.replace(/[\d.%]+[^\s，,、]*|[“”"‘’《》（）()]/g, ' ');
  const parts = t.split(/[\s、，,]+/).map((x) => x.replace(NOISE, '').replace(TAIL, '').replace(/(较|比)$/, '')).filter((x) => x.length >= 2);
  return parts.pop() ?? '';
}

/** measurePhrase of a figure that is not a streak's length. */
function phraseOf(r: SourceReading, ctx: ClaimContext, q: { start: number; end: number }): string {
  const clean = (s: string): string => lastWords(r, ctx, s);
  // The noun the figure counts, when it follows the figure (布局了37个科学设施, 建设13.14公里雁栖环湖步道).
  const after = /^[\u4e00-\u9fff]{2,12}/.exec(r.text.slice(q.end, ctx.clause.end).split(/[，,；;。、和与及的]/)[0]);
  if (after && !/^(以上|左右|之多|以内|上下)/.test(after[0])) return after[0].replace(TAIL, '');
  const phrase = clean(r.text.slice(ctx.clause.start, q.start)).replace(/^等/, '');
  return phrase.length >= 2 ? phrase : clean(r.text.slice(q.end, ctx.clause.end).split(/[，,；;。]/)[0]);
}

/** The kind of measure a figure is of. */
export function measureKind(q: Quantity, lead: string): MeasureKind {
  switch (q.dimension) {
    case 'percent':
      return /(增长|增速|增幅|同比|年均|提高|下降)/.test(lead) ? 'growth' : 'share';
    case 'points':
      return 'points';
    case 'money':
      return 'money';
    case 'area':
      return 'area';
    case 'length':
      return 'length';
    case 'duration':
      return 'duration';
    case 'fraction':
      return 'fraction';
    case 'rank':
      return 'rank';
    default:
      return 'count';
  }
}

/** The unit a new measure's values are in: as the source writes it, without the scale word (万人 → 人), except money (亿元 stays). */
export function measureUnit(q: Quantity): string {
  if (q.dimension === 'fraction' || q.dimension === 'percent') return '%';
  if (q.dimension === 'money') return q.unitText === '万亿元' || q.unitText === '亿元' ? '亿元' : q.unitText.includes('万') ? '万元' : '元';
  const unit = q.scaleWord && q.unitText.startsWith(q.scaleWord) ? q.unitText.slice(q.scaleWord.length) : q.unitText;
  return unit === '' && q.scaleWord ? '' : unit;
}

/** A figure's value in a unit (2.3万人 in 人 → 23000; 一万亿元 in 亿元 → 10000), rounded to the figure's digits. */
export function valueIn(q: Quantity, unit: string, v: number = q.value): number {
  const factor = unitInfo(unit)?.factor ?? 1;
  return Number((v / factor).toPrecision(12));
}

/** Name of a proposed measure: the phrase, with what is counted (数) or rated. */
function measureName(phrase: string, kind: MeasureKind): string {
  if (!phrase) return '';
  if (kind === 'count' && !/(数|量|率)$/.test(phrase)) return `${phrase}数`;
  if (kind === 'growth' && !/(增长|增速|增幅|率)$/.test(phrase)) return `${phrase}增速`;
  return phrase;
}

/** Terms writers may use for a proposed measure: the phrase when short, then its words, the head noun (last word) first. */
function measureTerms(phrase: string): string[] {
  const ws = words(phrase).filter((w) => w.length >= 2 && !NOISE.test(w));
  const out = new Set<string>();
  if (phrase.length >= 2 && phrase.length <= 12) out.add(phrase);
  for (let i = ws.length - 1; i >= 0 && out.size < 5; i--) out.add(ws[i]);
  if (!out.size && phrase) out.add(phrase);
  return [...out];
}

/**
 * Chooses the measure of a figure: the best existing measure of a compatible subject
 * whose unit fits, as the checker would match a draft's claim there; else a proposal.
 * `excluded`: measures and proposals not to take (another figure of the source has them).
 */
export function chooseMeasure(idx: FactIndex, r: SourceReading, q: Quantity, ctx: ClaimContext, subject: string, proposals: MeasureProposals, excluded: ReadonlySet<string> = new Set()): MeasureChoice {
  const ranking = rankMeasures(r.draft, q, ctx, r.slots.get(q));
  const fits = ranking.compatible.filter((c) => c.dimensionOk && c.score >= MATCH_THRESHOLD && !excluded.has(c.measure.id));
  const best = fits.find((c) => c.measure.subject === subject);
  if (best) return { measure: best.measure, score: best.score };
  // A measure of a part of the subject that the clause's words name (建设13.14公里雁栖环湖步道 in a paragraph about 怀柔: 雁栖湖国际会都's): the figure is that part's.
  const part = fits.find((c) => ancestry(idx, c.measure.subject).includes(subject));
  if (part) return { measure: part.measure, score: part.score };
  let phrase = measurePhrase(r, ctx, q);
  const kind = measureKind(q, r.text.slice(ctx.clause.start, q.start));
  // 实现地区生产总值78.6亿元，同比增长5.2%: a rate without a noun of its own is the rate of the figure before it.
  const before = within(r.quantities, ctx.sentence.start, q.start).pop();
  if (phrase.length < 2 && before) phrase = measurePhrase(r, r.finder.contextOf(before.start, before.end) ?? ctx, before);
  return { proposed: proposals.propose(subject, phrase, measureUnit(q), kind, [], excluded.size ? { excluded, figure: q.text } : undefined), score: 0 };
}

/** The measures proposed for one run, one per subject, name and unit (two figures of the same thing share it). */
export class MeasureProposals {
  private readonly byKey = new Map<string, ProposedMeasure>();

  constructor(private readonly ids: IdRegistry) {}

  /**
   * The proposal for a phrase of a subject, made once (id: subject.pinyin-of-the-head-term);
   * `given`: its terms, when known. `other`: the figure must not share an excluded proposal
   * (two figures of different things read with the same words): it gets one named after it.
   */
  propose(subject: string, phrase: string, unit: string, kind: MeasureKind, given: string[] = [], other?: { excluded: ReadonlySet<string>; figure: string }): ProposedMeasure {
    let name = measureName(phrase, kind) || kind;
    const taken = (n: string) => other?.excluded.has(this.byKey.get(`${subject}\u0000${n}\u0000${unit}\u0000${kind}`)?.id ?? '');
    if (other && taken(name)) name = `${name}（${other.figure}）`;
    const key = `${subject}\u0000${name}\u0000${unit}\u0000${kind}`;
    let m = this.byKey.get(key);
    if (!m) {
      const terms = given.length ? given : measureTerms(phrase);
      // A statement's measure is named after its thing and its kind (…-rank, …-first, …-edition, …-year), as the curated ones are.
      const head = slug(terms[0] ?? phrase);
      const statement = kind === 'rank' || kind === 'first' || kind === 'edition' || kind === 'year';
      const id = this.ids.claim(`${subject}.${head ? (statement ? `${head}-${kind}` : head) : kind}`);
      m = { id, subject, name, terms: terms.length ? terms : [name], unit, kind };
      this.byKey.set(key, m);
    }
    return m;
  }

  /** Every proposal so far. */
  all(): ProposedMeasure[] {
    return [...this.byKey.values()];
  }
}
