/**
 * The grammar of years of events: a year next to a verb of an event.
 *
 *   year := verb [于|在|是]? YYYY年[底|初|末]?                      成立于2014年
 *         | [自|于|在]? YYYY年[底|初|末]? … verb (same clause, ≤ 30)    自2017年《…建设方案》获得国家部委批复以来, 2017年建成
 *         | time [将|均|也|已|于|全部|正式 …]* verb                  年内将全部开工, 年底均将进入科研状态, 将于年底交付使用
 *   time := 今年 | 去年 | 明年 | 年底 | 年末 | 年内 | 年初             (resolved against the text's year)
 *
 * Verbs of events are few and specific (成立, 建成, 开工, 开通, 投用, 交付使用, 获批 …),
 * grouped in classes of the same event (建成 and 竣工 are one). A year that opens a
 * period (2021年以来, 2023年度) is not an event's.
 */
import { CLAUSE_PUNCT, type StatementMention } from './mention';
import { charFinder, codeUnitSet } from '../numbers';

/** Verbs of events, each with its class (the same event written another way), longest first. */
const EVENT_VERBS: readonly (readonly [string, string])[] = (
  [
    ['交付使用', 'deliver'], ['进入科研状态', 'research'], ['投入运行', 'operate'], ['正式运行', 'operate'], ['建成投用', 'complete'], ['建成投产', 'complete'],
    ['挂牌成立', 'found'], ['成立', 'found'], ['设立', 'found'], ['组建', 'found'], ['挂牌', 'found'], ['揭牌', 'found'],
    ['建成', 'complete'], ['竣工', 'complete'], ['落成', 'complete'], ['完工', 'complete'],
    ['开工', 'start'], ['动工', 'start'], ['开通', 'open'], ['通车', 'open'], ['开业', 'open'], ['开园', 'open'], ['开馆', 'open'],
    ['投用', 'deliver'], ['投运', 'operate'], ['投产', 'operate'], ['启用', 'deliver'], ['交付', 'deliver'],
    ['获批', 'approve'], ['批复', 'approve'], ['批准', 'approve'], ['启动', 'launch'], ['落户', 'settle'],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

/** Text holding a verb of an event (成立于, 交付使用): a term naming the event, not the thing. */
export const EVENT_WORD = new RegExp(EVENT_VERBS.map(([v]) => v).join('|'));

/** The class of an event verb (建成 and 竣工 → complete), if it is one. */
export function eventClass(verb: string): string | undefined {
  return EVENT_VERBS.find(([v]) => v === verb)?.[1];
}

/** The first characters of the event verbs, by UTF-16 code unit. */
const VERB_FIRST = codeUnitSet(EVENT_VERBS.map(([v]) => v[0]));

/** The event verb starting at `i`, if any. */
function verbAt(s: string, i: number): string | undefined {
  if (VERB_FIRST[s.charCodeAt(i)] !== 1) return undefined;
  for (const [v] of EVENT_VERBS) if (s.startsWith(v, i)) return v;
  return undefined;
}

/** The next character that ends a clause or can start a verb, a year (1, 2) or a relative time. */
const nextStart = charFinder([...CLAUSE_PUNCT, ...EVENT_VERBS.map(([v]) => v[0]), '1', '2', '今', '去', '明', '年']);

/** Relative time words before an event verb, with their year offset and whether they mean the year's end. */
const RELATIVE: readonly (readonly [string, number, boolean])[] = [
  ['今年', 0, false], ['去年', -1, false], ['明年', 1, false], ['年底', 0, true], ['年末', 0, true], ['年内', 0, true], ['年初', 0, false],
];
/** Words that may stand between a time and its verb (将全部开工, 均将进入, 也将于…). */
const FILLER = /^(?:将|均|也|已|于|全部|正式|陆续|相继|前|内|基本|如期|率先|可|要|会|计划|预计|力争)*/;
/** How far after a year its verb may stand in the clause. */
const VERB_REACH = 30;

/** A year written at `i`: 2014年 (and 年底/年初/年末 after it); not a period's start (2021年以来, 2023年度). */
function yearAt(s: string, i: number): { value: number; end: number; yearEnd: boolean } | undefined {
  const c = s.charCodeAt(i);
  if ((c !== 0x31 && c !== 0x32) || s.charCodeAt(i + 4) !== 0x5e74 /* 年 */) return undefined; // a quick refusal before the pattern
  if (!/^(19|20)\d\d年/.test(s.slice(i, i + 5)) || /\d/.test(s[i - 1] ?? '')) return undefined;
  let end = i + 5;
  let yearEnd = false;
  if (/^(底|末)/.test(s.slice(end))) {
    end++;
    yearEnd = true;
  } else if (s[end] === '初') end++;
  const rest = s.slice(end, end + 3);
  if (/^(度|以来|来|和|至|到|、|—|-|的)/.test(rest) || /^年初以来/.test(s.slice(i + 4, i + 9))) return undefined;
  return { value: Number(s.slice(i, i + 4)), end, yearEnd };
}

function mention(s: string, start: number, end: number, value: number, verb: string, clauseFrom: number, extra: Partial<StatementMention> = {}): StatementMention {
  return { kind: 'year', start, end, text: s.slice(start, end), value, word: verb, form: 'arabic', about: { start: clauseFrom, end: start }, ...extra };
}

/** Every year of an event in `s` (width-normalised), in order; relative times resolve against `year`. */
export function findEventYears(s: string, year?: number): StatementMention[] {
  const out: StatementMention[] = [];
  let clause = 0;
  for (let i = nextStart(s, 0); i < s.length; i = nextStart(s, i + 1)) {
    if (CLAUSE_PUNCT.includes(s[i])) {
      clause = i + 1;
      continue;
    }
    // verb [于|在|是] YYYY年
    const verb = verbAt(s, i);
    if (verb) {
      const k = i + verb.length + (/[于在是]/.test(s[i + verb.length] ?? '') ? 1 : 0);
      const y = yearAt(s, k);
      if (y) {
        out.push(mention(s, k, y.end, y.value, verb, clause, y.yearEnd ? { yearEnd: true } : {}));
        i = y.end - 1;
        continue;
      }
      i += verb.length - 1;
      continue;
    }
    // YYYY年 … verb
    const y = yearAt(s, i);
    if (y) {
      const stop = Math.min(s.length, y.end + VERB_REACH);
      let v: string | undefined;
      for (let k = y.end; k < stop && !CLAUSE_PUNCT.includes(s[k]); k++) {
        if (/\d/.test(s[k]) && /^(19|20)\d\d年/.test(s.slice(k, k + 5))) break;
        if ((v = verbAt(s, k))) break;
      }
      if (v) out.push(mention(s, i, y.end, y.value, v, clause, y.yearEnd ? { yearEnd: true } : {}));
      i = y.end - 1;
      continue;
    }
    // time [fillers] verb
    if (year !== undefined && (s[i] === '今' || s[i] === '去' || s[i] === '明' || s[i] === '年')) {
      const r = RELATIVE.find(([w]) => s.startsWith(w, i));
      if (r && !/\d/.test(s[i - 1] ?? '') && s[i - 1] !== '去' && s[i - 1] !== '今') {
        const after = i + r[0].length;
        const filler = FILLER.exec(s.slice(after, after + 10))?.[0] ?? '';
        const v2 = verbAt(s, after + filler.length);
        if (v2) out.push(mention(s, i, after, year + r[1], v2, clause, { relative: true, form: 'word', ...(r[2] ? { yearEnd: true } : {}) }));
        i = after - 1;
      }
    }
  }
  return out;
}
