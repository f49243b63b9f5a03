/**
 * The grammars of firsts and editions: an ordinal with a counter before a category or an
 * event's name.
 *
 *   first   := [group] (首 | 第N) counter category         全市首家农村老年配餐中心, 中国第一个…示范区, 首批
 *            | [在]? [group] 率先 verb-phrase               在全市率先成立就业工作领导小组
 *   edition := [YYYY年] (第N | 首) (届|次) event              2024年第四届中国影都发展论坛, 第十三次党代会
 *
 * A category starts with a character of a name (not a time word: 第三个月); an event's
 * name holds a word of an event (会议, 论坛, 大会, 党代会, 节, 赛 …), so 首次接待 and
 * 第二次全国普查 are neither. 首位 is a rank, 首次 neither.
 */
import { groupEndingAt, clauseEnd, normalGroup, smallOrdinal, type StatementMention } from './mention';
import { charFinder } from '../numbers';

/** Counters of a first (首个, 首家, 第一部, 首批), each one character. */
const FIRST_COUNTERS = '个家款部批座条所台项只辆艘架颗枚支套例张';
/** Characters a first's category does not start with (第三个月, 第一个五年). */
const NOT_CATEGORY_START = '月年日天周季小时期次届';
/** Words of an event's name. */
const EVENT_WORDS = /(会议|论坛|大会|峰会|博览会|交易会|洽谈会|党代会|全会|运动会|马拉松|研讨会|年会|发布会|电影节|音乐节|文化节|艺术节|旅游节|美食节|大赛|比赛|锦标赛|联赛|展览会|展会)/;
/** Longest category or event name looked at. */
const MAX_NAME = 30;

function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && (/[\u4e00-\u9fff]/.test(ch) || /[A-Za-z0-9]/.test(ch) || ch === '“' || ch === '《');
}

/** The group right before `at`, after an optional 在 (在全市率先). */
function groupBefore(s: string, at: number): { text: string; start: number } | undefined {
  return groupEndingAt(s, at);
}

/** The name after `from`: to the clause's end, at most MAX_NAME characters. */
function nameAfter(s: string, from: number): { start: number; end: number } {
  return { start: from, end: Math.min(clauseEnd(s, from), from + MAX_NAME) };
}

/** The next character a first or an edition can start with. */
const nextFirst = charFinder('首第率');
const nextEdition = charFinder('首第');

/** Every first in `s` (width-normalised), in order. */
export function findFirsts(s: string): StatementMention[] {
  const out: StatementMention[] = [];
  for (let i = nextFirst(s, 0); i < s.length; i = nextFirst(s, i + 1)) {
    const c = s[i];
    let value: number | undefined;
    let numEnd: number;
    let form: StatementMention['form'] = 'word';
    if (c === '首') {
      value = 1;
      numEnd = i + 1;
    } else if (c === '第') {
      const n = smallOrdinal(s, i + 1);
      if (!n) continue;
      value = n.value;
      numEnd = n.end;
      form = n.form;
    } else if (c === '率' && s[i + 1] === '先') {
      const g = groupBefore(s, i);
      const name = nameAfter(s, i + 2);
      if (name.end - name.start < 2) continue;
      out.push({
        kind: 'first', start: i, end: i + 2, text: '率先', value: 1, form: 'word', about: name,
        ...(g ? { groupText: g.text, group: normalGroup(g.text) } : {}),
      });
      i++;
      continue;
    } else continue;
    const counter = s[numEnd];
    if (counter === undefined || !FIRST_COUNTERS.includes(counter)) continue;
    const after = s[numEnd + 1];
    if (!isNameChar(after) || NOT_CATEGORY_START.includes(after)) continue;
    const name = nameAfter(s, numEnd + 1);
    if (name.end - name.start < 2) continue;
    const g = groupBefore(s, i);
    out.push({
      kind: 'first', start: i, end: numEnd + 1, text: s.slice(i, numEnd + 1), value, form, word: counter, about: name,
      ...(g ? { groupText: g.text, group: normalGroup(g.text) } : {}),
    });
    i = numEnd;
  }
  return out;
}

/** Every edition in `s` (width-normalised), in order, with the year written right before it (2024年第四届…). */
export function findEditions(s: string): StatementMention[] {
  const out: StatementMention[] = [];
  for (let i = nextEdition(s, 0); i < s.length; i = nextEdition(s, i + 1)) {
    const c = s[i];
    let value: number;
    let numEnd: number;
    let form: StatementMention['form'] = 'word';
    if (c === '首' && s[i + 1] === '届') {
      value = 1;
      numEnd = i + 1;
    } else if (c === '第') {
      const n = smallOrdinal(s, i + 1);
      if (!n) continue;
      value = n.value;
      numEnd = n.end;
      form = n.form;
    } else continue;
    const counter = s[numEnd];
    if (counter !== '届' && counter !== '次') continue;
    const name = nameAfter(s, numEnd + 1);
    const m = EVENT_WORDS.exec(s.slice(name.start, name.end));
    if (!m || !isNameChar(s[numEnd + 1])) continue;
    const about = { start: name.start, end: name.start + m.index + m[0].length };
    const y = /(\d{4})年(?:的)?$/.exec(s.slice(Math.max(0, i - 6), i));
    out.push({
      kind: 'edition', start: i, end: numEnd + 1, text: s.slice(i, numEnd + 1), value, form, word: counter, about,
      ...(y ? { eventYear: Number(y[1]) } : {}),
    });
    i = numEnd;
  }
  return out;
}
