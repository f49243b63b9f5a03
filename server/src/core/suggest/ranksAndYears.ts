/**
 * The figures the quantity scanner leaves out on purpose but a fact base records: ranks
 * (排名全市第1, 连续4年全市第一), read by the number parser's own rank rule, and the years
 * events happened in (成立于2014年, 2017年…获得批复), from the period scanner's years.
 */
import type { Quantity } from '../types';
import { parseQuantity } from '../numbers';
import type { SourceReading } from './read';

/** A rank or an event year found in a source. */
export interface SpecialFigure {
  reading: 'rank' | 'year';
  start: number;
  end: number;
  figure: string;
  value: number;
  /** Words naming what is ranked or what happened (for a proposed measure's name). */
  phrase: string;
}

/** What stands before a rank that says it is one: a ranking word or the field ranked in. */
const RANK_CONTEXT = /((排名|排在|位居|位列|居于|名列|全市|全国|全省|全区|全球|城六区|中心城区|同类|榜单?)[^，,；;。“”]{0,4}|[居列])$/;
/** 第N standing alone (全市第1，…; 第一。), or before 名/位: not an ordinal of a thing (第一站, 第十六届). */
const RANK = /第([0-9]{1,3}|[一二三四五六七八九十]{1,3})(?=[名位]|[^\u4e00-\u9fff0-9]|$)/g;

/** Verbs an event year stands with (成立于2014年; 2017年…获得批复). */
const EVENT_BEFORE = /(成立|始建|建于|始于|创建|创办|设立|落户|挂牌|开园|获批|启用|建成)于?$/;
const EVENT_AFTER = /^[^，,；;。0-9]{0,30}?(正式成立|成立|获批|获得[^，,；;。]{0,8}批复|批复|设立|挂牌|开园|启用|建成投用|建成)/;

/** Ranks of a text: 第N after a ranking word or field (全市第一), not an ordinal of a list (第一,…). */
export function findRanks(r: SourceReading): SpecialFigure[] {
  const out: SpecialFigure[] = [];
  for (const m of r.text.matchAll(RANK)) {
    const start = m.index!;
    const end = start + m[0].length;
    const lineStart = r.text.lastIndexOf('\n', start - 1) + 1;
    const before = r.text.slice(Math.max(lineStart, start - 12), start);
    if (!RANK_CONTEXT.test(before)) continue;
    const q = parseQuantity(m[0]);
    if (!q || q.dimension !== 'rank') continue;
    const clauseStart = Math.max(lineStart, ...['，', ',', '；', ';', '。', '、'].map((c) => r.text.lastIndexOf(c, start - 1) + 1));
    out.push({ reading: 'rank', start, end, figure: m[0], value: q.value, phrase: r.text.slice(clauseStart, start).replace(/(连续[0-9一二三四五六七八九十两]+年|排名|位居|位列|全市|全国|全区|稳居|保持|均)/g, '') });
  }
  return out;
}

/** Years events happened in: a year of the period scanner written YYYY年 with an event verb before or just after it. */
export function findEventYears(r: SourceReading): SpecialFigure[] {
  const out: SpecialFigure[] = [];
  for (const p of r.periods) {
    if (!p.period || !/^\d{4}$/.test(p.period) || p.text !== `${p.period}年`) continue;
    const lineStart = r.text.lastIndexOf('\n', p.start - 1) + 1;
    const before = r.text.slice(Math.max(lineStart, p.start - 4), p.start);
    const after = r.text.slice(p.end, p.end + 40);
    const verbBefore = EVENT_BEFORE.exec(before);
    const verbAfter = verbBefore ? undefined : EVENT_AFTER.exec(after);
    if (!verbBefore && !verbAfter) continue;
    // 2017年…获得批复以来 names an event and opens a period; 2023年…建成 a figure's period when figures follow in the clause.
    if (verbAfter && r.quantities.some((q: Quantity) => q.start >= p.end && q.start < p.end + verbAfter[0].length)) continue;
    const clauseStart = Math.max(lineStart, ...['，', ',', '；', ';', '。'].map((c) => r.text.lastIndexOf(c, p.start - 1) + 1));
    const phrase = verbBefore ? r.text.slice(clauseStart, p.start).replace(/于$/, '') : verbAfter![0].replace(/[《》“”]/g, '');
    out.push({ reading: 'year', start: p.start, end: p.end, figure: p.text, value: Number(p.period), phrase });
  }
  return out;
}
