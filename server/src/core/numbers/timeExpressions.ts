/**
 * Time expressions: years (2023年, 2023年和2024年, 2021-2025年), parts of years (今年上半年,
 * 2022年前三季度), months and month ranges (2024年7月, 今年7月份, 2025年1—11月), plan periods (“十四五”以来, 十三五时期, 十三五末), spans (近3年, 未来3年,
 * 五年来), as-of markers (目前, 截至目前, 现有, 累计) and dates and times (7月17日,
 * 2025-12-01, 14:02). scanPeriods returns those that say which period a figure belongs
 * to; the quantity scanner skips every number inside any of them. One left-to-right
 * pass: each position is tried once, and a digit or numeral run is read once.
 */
import type { PeriodMention } from '../types';
import { CN_DIGITS, CN_MULTIPLIERS, CN_NUMERAL_CODES, charFinder, codeUnitSet, isDigit, normalizeWidth, oneOf } from './chars';
import { readChinese } from './numerals';

/** A time expression; `period`/`relative` are unset for dates and times without a year. */
export interface TimeSpan extends PeriodMention {
  kind: 'period' | 'date' | 'time';
}

type Rel = NonNullable<PeriodMention['relative']>;

const PLANS: ReadonlyMap<string, [number, number]> = new Map([
  ['十一五', [2006, 2010]], ['十二五', [2011, 2015]], ['十三五', [2016, 2020]], ['十四五', [2021, 2025]], ['十五五', [2026, 2030]],
]);

const RELATIVE_YEARS: readonly (readonly [string, number])[] = [['今年', 0], ['去年', -1], ['前年', -2], ['明年', 1]];

const SPAN_WORDS = [['最近', -1], ['近', -1], ['过去', -1], ['未来', 1], ['今后', 1]] as const;

const AS_OF = ['截至目前为止', '截止目前', '截至目前', '截至当前', '目前', '现有', '累计', '至今', '迄今', '当前'];

const CN_PART_DIGIT: ReadonlyMap<string, number> = new Map([['一', 1], ['二', 2], ['三', 3], ['四', 4], ['1', 1], ['2', 2], ['3', 3], ['4', 4]]);

/** A part of a year written at `i` (上半年, 前三季度, 第二季度, 一季度, 1-6月), with its length. */
function partAt(s: string, i: number): { part: string; len: number } | undefined {
  if (s.startsWith('上半年', i)) return { part: 'H1', len: 3 };
  if (s.startsWith('下半年', i)) return { part: 'H2', len: 3 };
  if (s.startsWith('前三季度', i) || s.startsWith('前3季度', i)) return { part: 'Q1-3', len: 4 };
  if (s.startsWith('前两季度', i) || s.startsWith('前二季度', i)) return { part: 'H1', len: 4 };
  const first = s[i] === '第' ? 1 : 0;
  const q = CN_PART_DIGIT.get(s[i + first] ?? '');
  if (q !== undefined && s.startsWith('季度', i + first + 1)) return { part: `Q${q}`, len: first + 3 };
  // 1-6月, 1至9月, 1—3月
  if (s[i] === '1' && oneOf('-至到—–~～', s[i + 1]) && oneOf('369', s[i + 2]) && s[i + 3] === '月') {
    return { part: s[i + 2] === '6' ? 'H1' : s[i + 2] === '9' ? 'Q1-3' : 'Q1', len: 4 };
  }
  // 1—11月, 3至5月: months from the first to the last, cumulative
  const a = monthAt(s, i);
  if (a && oneOf('-至到—–~～', s[a.end])) {
    const b = monthAt(s, a.end + 1);
    if (b && b.value > a.value && s[b.end] === '月') return { part: `M${pad(a.value)}-${pad(b.value)}`, len: b.end + 1 + (s[b.end + 1] === '份' ? 1 : 0) - i };
  }
  return undefined;
}

/** The years of the party congresses a period may be counted from (党的十八大以来). */
const CONGRESS_YEARS: Record<string, number> = { 十八: 2012, 十九: 2017, 二十: 2022 };

/** Holidays (the part of a year a figure is stated for), each with the words that may follow its name. */
const HOLIDAYS: readonly (readonly [string, string, boolean])[] = [
  // [name, part, stands alone (a period without 假期/期间)]
  ['元旦', 'Vnewyear', false], ['春节', 'Vspring', false], ['清明', 'Vqingming', false], ['五一', 'Vlabour', false],
  ['劳动节', 'Vlabour', false], ['端午', 'Vdragonboat', false], ['中秋', 'Vmidautumn', false], ['国庆', 'Vnational', false],
  ['十一黄金周', 'Vnational', true], ['暑期', 'Vsummer', true], ['暑假', 'Vsummer', true], ['寒假', 'Vwinter', true],
];
const HOLIDAY_TAILS = ['小长假', '长假', '假期', '黄金周', '期间'];

/** A holiday written at `i` (国庆假期, 春节期间, 五一小长假, 暑期), with its part of the year and length. */
function holidayAt(s: string, i: number): { part: string; len: number } | undefined {
  for (const [name, part, alone] of HOLIDAYS) {
    if (!s.startsWith(name, i)) continue;
    let end = i + name.length;
    if (s[end] === '节' && !name.endsWith('节')) end++;
    const tail = HOLIDAY_TAILS.find((t) => s.startsWith(t, end));
    if (tail) return { part, len: end + tail.length - i };
    if (alone) return { part, len: end - i };
  }
  return undefined;
}

/** A month number (1 to 12, one or two digits) at i, not part of a longer digit run. */
function monthAt(s: string, i: number): { value: number; end: number } | undefined {
  const end = digitRun(s, i);
  const n = Number(s.slice(i, end));
  return end > i && end - i <= 2 && n >= 1 && n <= 12 && !isDigit(s[i - 1]) ? { value: n, end } : undefined;
}

/** A single month at i (7月, 7月份), not a date (7月17日): its part and length. */
function singleMonthAt(s: string, i: number): { part: string; len: number } | undefined {
  const m = monthAt(s, i);
  if (!m || s[m.end] !== '月' || isDigit(s[m.end + 1]) || s[i - 1] === '个') return undefined;
  return { part: `M${pad(m.value)}`, len: m.end + 1 + (s[m.end + 1] === '份' ? 1 : 0) - i };
}

function digitRun(s: string, i: number): number {
  let j = i;
  while (isDigit(s[j])) j++;
  return j;
}

function isYear(n: number): boolean {
  return n >= 1900 && n <= 2099;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A small integer (Arabic or Chinese) at i: 3, 三, 十: value and end. */
function smallNumberAt(s: string, i: number): { value: number; end: number } | undefined {
  if (isDigit(s[i])) {
    const end = digitRun(s, i);
    return end - i <= 3 ? { value: Number(s.slice(i, end)), end } : undefined;
  }
  const t = readChinese(s, i);
  if (t && (t.shape === 'int' || t.shape === 'bare') && t.value < 1000) return { value: t.value, end: t.end };
  return undefined;
}

/** Matches a time expression that starts with a word (not a number) at i. */
function wordAt(s: string, i: number): Omit<TimeSpan, 'start' | 'text'> | undefined {
  const c = s[i];
  // 党的十八大以来: since the year of that party congress
  const congress = c === '党' || c === '十' || c === '二' ? /^(?:党的)?(十[八九]|二十)大以来/.exec(s.slice(i, i + 9)) : null;
  if (congress) return { kind: 'period', end: i + congress[0].length, relative: { since: CONGRESS_YEARS[congress[1]], asOf: true } };
  // 国庆假期, 春节期间: a holiday of the year in context
  if (HOLIDAY_FIRST.has(c)) {
    const h = holidayAt(s, i);
    if (h && s[i - 1] !== '年') return { kind: 'period', end: i + h.len, relative: { yearOffset: 0, part: h.part, implicit: true } };
  }
  // “十四五”以来, 十四五时期, 十三五末
  const quoted = c === '“' || c === '"' || c === '‘';
  const pi = quoted ? i + 1 : i;
  const plan = s[pi] === '十' ? PLANS.get(s.slice(pi, pi + 3)) : undefined;
  if (quoted && !plan) return undefined;
  if (plan && (!quoted || oneOf('”"’', s[pi + 3]))) {
    let end = pi + 3 + (quoted ? 1 : 0);
    if (s[end] === '末') return { kind: 'period', end: end + 1, period: String(plan[1]) };
    if (s[end] === '初') return { kind: 'period', end: end + 1, period: String(plan[0]) };
    // “十三五”以来: cumulative since the plan's first year, up to the text's year.
    if (s.startsWith('以来', end)) return { kind: 'period', end: end + 2, relative: { since: plan[0], asOf: true } };
    for (const w of ['时期', '期间', '规划', '期']) {
      if (s.startsWith(w, end)) {
        end += w.length;
        break;
      }
    }
    return { kind: 'period', end, period: `${plan[0]}/${plan[1]}` };
  }
  if (oneOf('今去前明', c)) for (const [w, off] of RELATIVE_YEARS) {
    if (!s.startsWith(w, i)) continue;
    let end = i + w.length;
    const rel: Rel = { yearOffset: off };
    const p = partAt(s, end) ?? singleMonthAt(s, end);
    if (p) {
      rel.part = p.part;
      end += p.len;
    } else if (s.startsWith('以来', end)) {
      rel.asOf = true;
      end += 2;
    }
    return { kind: 'period', end, relative: rel };
  }
  const p = oneOf('上下前第一二三四1', c) ? partAt(s, i) : undefined;
  if (p && s[i - 1] !== '年') return { kind: 'period', end: i + p.len, relative: { yearOffset: 0, part: p.part, implicit: true } };
  if (oneOf('最近过未今', c)) for (const [w, dir] of SPAN_WORDS) {
    if (!s.startsWith(w, i)) continue;
    const n = smallNumberAt(s, i + w.length);
    if (!n || n.value < 1 || s[n.end] !== '年' || s.startsWith('年级', n.end)) continue;
    return { kind: 'period', end: n.end + 1, relative: { span: n.value, yearOffset: dir < 0 ? -n.value : 1 } };
  }
  if (oneOf('截目现累至迄当', c)) for (const w of AS_OF) if (s.startsWith(w, i)) return { kind: 'period', end: i + w.length, relative: { asOf: true } };
  return undefined;
}

/** After 'YYYY年' ending at `at`: 上半年, 年底, 以来, 7月17日 …, extending the mention. */
function afterYear(s: string, y: number, at: number): { end: number; period?: string; relative?: Rel } {
  let end = at;
  if (s[end] === '度') return { end: end + 1, period: String(y) };
  const p = partAt(s, end) ?? holidayAt(s, end);
  if (p) return { end: end + p.len, period: `${y}${p.part}` };
  if (s.startsWith('年底', end) || s.startsWith('年末', end) || s.startsWith('底', end) || s.startsWith('末', end)) {
    return { end: end + (s[end] === '年' ? 2 : 1), period: `@${y}-12-31` };
  }
  const since = (k: number): { end: number; relative: Rel } | undefined =>
    s.startsWith('以来', k) ? { end: k + 2, relative: { since: y, asOf: true } } : undefined;
  if (s.startsWith('年初', end) || s.startsWith('初', end)) {
    end += s[end] === '年' ? 2 : 1;
    return since(end) ?? { end, period: String(y) };
  }
  const sn = since(end);
  if (sn) return sn;
  // 7月17日 / 7月
  const mEnd = digitRun(s, end);
  if (mEnd > end && mEnd - end <= 2 && s[mEnd] === '月') {
    const month = Number(s.slice(end, mEnd));
    const dEnd = digitRun(s, mEnd + 1);
    if (month >= 1 && month <= 12 && dEnd > mEnd + 1 && dEnd - mEnd - 1 <= 2 && (s[dEnd] === '日' || s[dEnd] === '号')) {
      return { end: dEnd + 1, period: `@${y}-${pad(month)}-${pad(Number(s.slice(mEnd + 1, dEnd)))}` };
    }
    if (month >= 1 && month <= 12) return { end: mEnd + (s[mEnd + 1] === '份' ? 2 : 1), period: `${y}M${pad(month)}` };
  }
  return { end, period: String(y) };
}

/** Matches a time expression starting with an Arabic digit run [i, j). */
function digitsAt(s: string, i: number, j: number): Omit<TimeSpan, 'start' | 'text'> | undefined {
  const n = Number(s.slice(i, j));
  const len = j - i;
  if (len === 4 && isYear(n)) {
    // 2025-12-01, 2025/12/01, 2025.12.01
    const sep = s[j];
    if (sep === '-' || sep === '/' || sep === '.') {
      const m = digitRun(s, j + 1);
      const d = s[m] === sep ? digitRun(s, m + 1) : m;
      if (m - j - 1 >= 1 && m - j - 1 <= 2 && d - m - 1 >= 1 && d - m - 1 <= 2) {
        return { kind: 'period', end: d, period: `@${n}-${pad(Number(s.slice(j + 1, m)))}-${pad(Number(s.slice(m + 1, d)))}` };
      }
    }
    if (s[j] === '年') {
      const a = afterYear(s, n, j + 1);
      // 截至2022年，… (the year alone after 截至/截止/到): as of that year's end.
      if (a.end === j + 1 && !a.relative && /(?:截至|截止|截止到)$/.test(s.slice(Math.max(0, i - 3), i)) && !s.startsWith('以来', j + 1)) return { kind: 'period', end: a.end, period: `@${n}-12-31` };
      return { kind: 'period', ...a };
    }
    // 2021-2025年, 2021至2025年: a span; 2022、2023年: the first of a list
    const k = j + 1;
    const e = digitRun(s, k);
    if (e - k === 4 && isYear(Number(s.slice(k, e))) && s[e] === '年') {
      const m = Number(s.slice(k, e));
      if (oneOf('-至到—–~～', sep) && m > n) return { kind: 'period', end: e + 1, period: `${n}/${m}` };
      if (oneOf('、和与及,，', sep)) return { kind: 'period', end: j, period: String(n) };
    }
    return undefined;
  }
  // 14:02
  if (len <= 2 && (s[j] === ':' || s[j] === '：') && isDigit(s[j + 1]) && isDigit(s[j + 2]) && !isDigit(s[j + 3])) {
    return { kind: 'time', end: j + 3 };
  }
  // 7月17日, 7月份, 17日
  if (len <= 2 && s[j] === '月' && n >= 1 && n <= 12 && s[i - 1] !== '个') {
    const dEnd = digitRun(s, j + 1);
    if (dEnd > j + 1 && dEnd - j - 1 <= 2 && (s[dEnd] === '日' || s[dEnd] === '号')) return { kind: 'date', end: dEnd + 1 };
    const end = j + (s[j + 1] === '份' ? 2 : 1);
    // 3月，全区接待游客…: a month opening a clause is the period of what follows (in the year of the text).
    if (i === 0 || /[\s，,；;：:。！？!?（(]/.test(s[i - 1])) {
      if (!oneOf('-至到—–~～、', s[end]) && /^[\s，,]/.test(s.slice(end, end + 1))) return { kind: 'period', end, relative: { yearOffset: 0, part: `M${pad(n)}`, implicit: true } };
    }
    return { kind: 'date', end };
  }
  if (len <= 2 && s[j] === '日' && n >= 1 && n <= 31) return { kind: 'date', end: j + 1 };
  // 3年来, 5年以来
  if (len <= 2 && n > 0 && (s.startsWith('年来', j) || s.startsWith('年以来', j))) {
    return { kind: 'period', end: j + (s[j + 1] === '来' ? 2 : 3), relative: { span: n, yearOffset: -n, asOf: true } };
  }
  return undefined;
}

/** Matches a time expression starting with a Chinese numeral run at i (五年来, 二〇二三年). */
function numeralsAt(s: string, i: number): { span?: Omit<TimeSpan, 'start' | 'text'>; runEnd: number } {
  const t = readChinese(s, i);
  if (!t) return { runEnd: i + 1 };
  const j = t.end;
  if (t.shape === 'digits' && j - i === 4 && isYear(t.value) && s[j] === '年') {
    return { span: { kind: 'period', ...afterYear(s, t.value, j + 1) }, runEnd: j };
  }
  if ((t.shape === 'int' || (t.shape === 'bare' && t.value === 10)) && t.value > 0 && t.value < 100 && (s.startsWith('年来', j) || s.startsWith('年以来', j))) {
    const end = j + (s[j + 1] === '来' ? 2 : 3);
    return { span: { kind: 'period', end, relative: { span: t.value, yearOffset: -t.value, asOf: true } }, runEnd: j };
  }
  return { runEnd: j };
}

/** Characters a word-led time expression can start with. */
const HOLIDAY_FIRST = new Set(HOLIDAYS.map(([name]) => name[0]));
const WORD_FIRST = new Set([...'“"‘十今去前明上下第一二三四1近最过未截目现累至迄当党', ...HOLIDAY_FIRST]);
/** WORD_FIRST by code unit. */
const WORD_FIRST_CODES = codeUnitSet(WORD_FIRST);
/** The next character where a time expression can start: a first character of a time word, a digit or a Chinese numeral. */
const nextTimeStart = charFinder([...WORD_FIRST, ...'0123456789', ...CN_DIGITS.keys(), ...CN_MULTIPLIERS.keys()]);

/**
 * A time expression found at `start`, as a TimeSpan: the object the matcher returned
 * (always a fresh one), completed in place — an object spread per span cost a third of
 * scanning a figure-dense text.
 */
function placed(m: Omit<TimeSpan, 'start' | 'text'>, start: number, orig: string): TimeSpan {
  const t = m as TimeSpan;
  t.start = start;
  t.text = orig.slice(start, m.end);
  return t;
}

/** Every time expression of `text` (already width-normalised), in order, non-overlapping. */
export function timeSpans(s: string, orig: string = s): TimeSpan[] {
  const out: TimeSpan[] = [];
  let i = 0;
  while (i < s.length) {
    // Dispatch on the code unit: a CJK character read as s[i] is a new string, and most stops are at common characters (一, 上, 现, 当…).
    const code = s.charCodeAt(i);
    const w = WORD_FIRST_CODES[code] === 1 ? wordAt(s, i) : undefined;
    if (w) {
      out.push(placed(w, i, orig));
      i = Math.max(w.end, i + 1);
      continue;
    }
    if (code >= 0x30 && code <= 0x39) {
      const j = digitRun(s, i);
      const m = isDigit(s[i - 1]) ? undefined : digitsAt(s, i, j);
      if (m) {
        out.push(placed(m, i, orig));
        i = Math.max(m.end, i + 1);
      } else i = j;
      continue;
    }
    if (CN_NUMERAL_CODES[code] === 1) {
      const r = numeralsAt(s, i);
      if (r.span) {
        out.push(placed(r.span, i, orig));
        i = Math.max(r.span.end, i + 1);
      } else i = Math.max(r.runEnd, i + 1);
      continue;
    }
    i = nextTimeStart(s, i + 1);
  }
  return out;
}

/**
 * The period mentions of a text, in order: years ('2023'), parts ('2022Q1-3', or relative
 * {yearOffset, part}), plan periods ('2021/2025'), spans ({span, yearOffset}), as-of
 * markers ({asOf: true}) and full dates ('@2025-12-01'). Dates without a year and clock
 * times are not periods and are left out. Never throws.
 */
export function scanPeriods(text: string): PeriodMention[] {
  return periodsOf(timeSpans(normalizeWidth(text), text));
}

/** The period mentions among a text's time expressions (what scanPeriods returns). */
export function periodsOf(times: TimeSpan[]): PeriodMention[] {
  return times.filter((t) => t.period !== undefined || t.relative !== undefined).map(({ kind: _kind, ...m }) => m);
}
