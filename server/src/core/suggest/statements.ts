/**
 * The statements of a source that are not quantities — ranks (全市第1, 首位, 前两名, 前列,
 * 最大, 之首, 领跑), firsts (首家, 第一个, 首批, 率先), editions (第十六届…会议) and years of
 * events (成立于2014年, 年底交付使用) — read by the engine's own grammars
 * (statements/scanStatements.ts, with the source's publication year as facts check reads them), with
 * what an observation of them records: value, top-N (high), vagueness (qualifier about),
 * the group as written, the measure the checker takes the statement to be about
 * (match/statementMeasure.ts), else a proposal named by the words the grammar says it is
 * about, its period and its kind.
 */
import type { ClaimContext } from '../draft';
import { findSubjects } from '../draft';
import { ancestry, type FactIndex } from '../factIndex';
import type { Measure, Qualifier, Source } from '../types';
import { scanStatements, type StatementMention, groupEndingAt } from '../statements';
import { statementMeasure } from '../match';
import { within } from '../util';
import { measurePhrase, type MeasureChoice, type MeasureProposals } from './measureChoice';
import { figureContext, mentionOf, type SourceReading } from './read';
import type { Topics } from './topic';

/** The statements of a source's body, as facts check reads them (relative years against its publication year). */
export function readStatements(source: Source): StatementMention[] {
  return scanStatements(source.body, Number(source.published.slice(0, 4)));
}

/** The unit of a statement's measure: 名 for a rank, the counter of a first or an edition (家, 批, 届, 次), 年 for a year. */
export function statementUnit(m: StatementMention): string {
  switch (m.kind) {
    case 'rank':
      return '名';
    case 'first':
      return m.word ?? '个';
    case 'edition':
      return m.word ?? '届';
    case 'year':
      return '年';
  }
}

/** What an observation of a statement records of its figure: value, top-N and vagueness (前列, 领跑, 最强…之一 are `about`). */
export function statementValue(m: StatementMention): { value: number; high?: number; qualifier: Qualifier } {
  return { value: m.value, ...(m.high !== undefined ? { high: m.high } : {}), qualifier: m.vague ? 'about' : 'exact' };
}

/**
 * The period of a statement: a year of an event and a first are as of the source; an
 * edition is of the year written before it (2024年第四届), else of the year its clause
 * states (今年成功举办了第十六届…), else as of the source. A rank is of the period its own
 * clause states (2023年群众安全感指数排名全市第1); a rank of the figure before it
 * (森林覆盖率达到77.5%、排名全市第1; 改造启动实施1007万平方米，规模全市最大) is of that figure's
 * period; a rank right after its sentence's topic period is of that period (“十三五”以来，
 * 经济总量保持全市第一), but after figures of other things (“十四五”以来…年均增长5.7%，
 * 高质量发展指数稳居全市前列) it states a standing as of the source; a streak (连续四年全市
 * 第一) says how long the position has been held, and the position is as of the source.
 */
export function statementPeriod(r: SourceReading, topics: Topics, m: StatementMention, ctx: ClaimContext): Pick<ClaimContext, 'period' | 'periodText'> {
  const none = { period: undefined, periodText: undefined };
  const p = ctx.period;
  switch (m.kind) {
    case 'year':
    case 'first':
      return none;
    case 'edition':
      if (m.eventYear !== undefined) return { period: { kind: 'year', from: m.eventYear, to: m.eventYear }, periodText: `${m.eventYear}年` };
      return p?.kind === 'year' && p.from === p.to ? { period: p, periodText: ctx.periodText } : none;
    case 'rank': {
      const own = mentionOf(r, ctx, m.start);
      if (p && own && own.start >= m.about.start && own.end <= m.start) return streak(p, ctx.periodText) ? none : { period: p, periodText: ctx.periodText };
      // (A streak's length, 连续五年, is not the ranked figure.)
      const before = within(r.quantities, ctx.sentence.start, m.start).filter((q) => q.dimension !== 'duration').pop();
      if (before && (before.start >= m.about.start || GENERIC_RANKED.test(rankedWords(r, m)))) {
        const fctx = figureContext(r, before.start, before.end, before);
        if (!fctx) return none;
        const fp = topics.periodOf(fctx, before.start);
        return fp.period && !streak(fp.period, fp.periodText) ? fp : none;
      }
      if (!p || streak(p, ctx.periodText)) return none;
      const from = own?.end ?? ctx.sentence.start;
      return within(r.quantities, from, m.start).length ? none : { period: p, periodText: ctx.periodText };
    }
  }
}

/** Whether a period is a streak (连续四年): how long something held, not when. */
function streak(p: NonNullable<ClaimContext['period']>, text: string | undefined): boolean {
  return (p.kind === 'recent' && p.streak === true) || /^连续/.test(text ?? '');
}

/** Words of a rank that name no ranked thing of their own but the size of the figure before it. */
const GENERIC_RANKED = /^(规模|总量|数量|水平|增速|增幅|占比|比重)?$/;

/** The words a rank's clause names the ranked thing with (its clause before it, without ranking verbs and the group). */
function rankedWords(r: SourceReading, m: StatementMention): string {
  const words = r.text.slice(m.about.start, m.start);
  return (m.groupText ? words.replace(m.groupText, '') : words).replace(/[“”"《》\s]/g, '').replace(RANK_NOISE, '');
}

/** Streaks, ranking verbs and linking words around a rank that do not name what is ranked. */
const RANK_NOISE = /连续[0-9一二三四五六七八九十两]+年|排名|排在|位居|位列|居于|名列|稳居|保持|始终|继续|均|居|排|列|的|已成为|成为|规模/g;
/** Fillers between a relative time and its event's verb (也将于年底交付使用). */
const YEAR_FILLER = /[也均已将于在是全部正式陆续相继]+$/;

/** The text of [start, end) without subject names, group words and the figures of the clause. */
function wordsOf(idx: FactIndex, r: SourceReading, start: number, end: number): string {
  let t = r.text.slice(start, end);
  for (const s of findSubjects(idx, t).reverse()) t = t.slice(0, s.start) + t.slice(s.end);
  for (const p of within(r.periods, start, end)) t = t.replace(p.text, '');
  let g: { text: string; start: number } | undefined;
  while ((g = groupEndingAt(t, t.length))) t = t.slice(0, g.start);
  return t.replace(/^[在自从于,，、]+/, '').replace(/[“”"《》（）()]/g, '').trim();
}

/**
 * A proposed measure's name and terms for a statement the base has no measure of: a
 * rank's ranked thing (森林覆盖率 → 森林覆盖率全市排名), a first's category (全市首家农村老年配餐中心),
 * an edition's event (中国影都发展论坛届次), a year's thing and its event's verb.
 */
function proposalFor(idx: FactIndex, r: SourceReading, m: StatementMention, ctx: ClaimContext): { name: string; terms: string[] } {
  const about = r.text.slice(m.about.start, m.about.end).replace(/[“”"《》]/g, '').trim();
  const listed = m.groupText?.startsWith('“') || m.groupText?.startsWith('《');
  const group = m.groupText && !listed ? m.groupText : '';
  const terms = (...ts: string[]) => [...new Set(ts.filter((t) => t.length >= 2))];
  switch (m.kind) {
    case 'rank': {
      if (listed) {
        const list = m.groupText!.replace(/[“”"《》]/g, '');
        return { name: `在${m.groupText}中的排名`, terms: terms(list) };
      }
      // The ranked thing: the words between the group and the rank (全市空气质量最好: 空气质量), else its clause's before the group.
      const groupEnd = m.about.end + (m.groupText?.length ?? 0);
      const between = m.groupText && r.text.startsWith(m.groupText, m.about.end) ? wordsOf(idx, r, groupEnd, m.start).replace(RANK_NOISE, '') : '';
      let phrase = between.length >= 2 ? between : wordsOf(idx, r, m.about.start, m.about.end).replace(RANK_NOISE, '');
      // 森林覆盖率达到77.5%、排名全市第1: the rank of what the figure before it measures.
      const before = within(r.quantities, ctx.sentence.start, m.start).pop();
      const bctx = before && r.finder.contextOf(before.start, before.end);
      if ((phrase.length < 2 || /[0-9]/.test(phrase)) && before && bctx) phrase = measurePhrase(r, bctx, before);
      return { name: `${phrase}${group}排名`, terms: terms(phrase) };
    }
    case 'first':
      return { name: `${group}${m.text}${about}`, terms: terms(about) };
    case 'edition':
      return { name: `${about}届次`, terms: terms(about) };
    case 'year': {
      // 成立于2014年: the words before the year end with the verb; 2017年…获得批复, 年底…交付使用: it follows.
      const verb = m.word ?? '';
      const thing = wordsOf(idx, r, m.about.start, m.about.end).replace(/[于在是]$/, '').replace(new RegExp(`${verb}$`), '').replace(YEAR_FILLER, '');
      return { name: `${thing}${verb}的年份`, terms: terms(thing, verb) };
    }
  }
}

/**
 * The measure of a statement: the one the checker takes it to be about (its grammar's
 * words and the subject read for it; a first, an edition or a year may be of another
 * subject around it, whose measure names it), else a proposal of the statement's kind.
 * `excluded`: measures and proposals not to take (another statement of the source has them).
 */
export function statementChoice(
  idx: FactIndex,
  r: SourceReading,
  m: StatementMention,
  ctx: ClaimContext,
  subject: string,
  proposals: MeasureProposals,
  excluded: ReadonlySet<string> = new Set(),
): MeasureChoice {
  const scope = ctx.subjectScope === 'none' || ctx.subjectScope === 'outside' ? 'title' : ctx.subjectScope;
  const about = (s: string) => {
    const found = statementMeasure(idx, r.text, m, { ...ctx, subject: s, subjectScope: scope });
    return found && !excluded.has(found.id) ? found : undefined;
  };
  const measure = about(subject);
  if (measure) return { measure, score: 4 };
  // A statement about a part of the subject, whose measure its words name (完成国内第一部虚拟短剧 in a paragraph about 怀柔: 中国影都's).
  const parts = new Set<Measure>();
  for (const part of idx.subjects.keys()) if (part !== subject && ancestry(idx, part).includes(subject)) parts.add(about(part)!);
  parts.delete(undefined!);
  if (parts.size === 1) return { measure: [...parts][0], score: 4 };
  const { name, terms } = proposalFor(idx, r, m, ctx);
  return { proposed: proposals.propose(subject, name, statementUnit(m), m.kind, terms, excluded.size ? { excluded, figure: m.text } : undefined), score: 0 };
}
