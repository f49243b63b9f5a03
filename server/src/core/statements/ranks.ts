/**
 * The rank grammar: a position within a group.
 *
 *   rank   := group [排名|排|的]? 第N [名|位]?          排名全市第1, 全市第一, 城六区第三名
 *           | group (首位|榜首|头名)                    居中心城区首位
 *           | group 前N [名|位]?                         稳居全市前两名 (top N: 1 to N)
 *           | group (前列|前茅)                          保持全市前列 (among the top: vague)
 *           | “list” 之首 | 《list》之首                 位居“…榜单”之首 (the list is the group)
 *           | group … 最ADJ [… 之一]                     全球…密度最大(的地区之一), 规模全市最大, 城六区最优
 *           | (领跑|领先) group | group 领先 ,            领跑全国, 保持全国领先, (vague; 世界领先科技园区 is an adjective)
 *
 * A rank needs a group: 摆在首位 or 第一动力 state none. 第N before a counter (第一个,
 * 第四届, 第三季度) is a first, an edition or a period, not a rank.
 */
import { groupAt, groupEndingAt, clauseStart, CLAUSE_PUNCT, smallOrdinal, normalGroup, type StatementMention } from './mention';
import { charFinder } from '../numbers';

/** Adjectives of a superlative that rank first (最大, 最优, 最先进), longest first. */
const SUPERLATIVES = ['先进', '完善', '密集', '集中', '活跃', '丰富', '大', '多', '高', '强', '优', '好', '快', '早', '低', '少', '长'];
/** Characters after 第N that make it something other than a rank (a counter, a period, a name). */
const NOT_RANK_AFTER = '个家款部批座条所台项只辆艘架颗枚支套例张届次场季期轮章节站大号阶年月日天周批次集级';
/** Characters after 前N that make it a period (前三季度, 前3年), not a top-N. */
const NOT_TOP_AFTER = '季个年月天周期届批次';
/** Link words allowed between the group and 第N (全市排名第3). */
const LINKS = ['排名', '排', '的'];
/** How far before 最 a group may stand (全球重大科技基础设施密度最大). */
const SUPERLATIVE_REACH = 16;

/** The group right before `at`, allowing a link word between (全市排名第3). */
function groupBefore(s: string, at: number): { text: string; start: number } | undefined {
  const g = groupEndingAt(s, at);
  if (g) return g;
  for (const l of LINKS) if (s.startsWith(l, at - l.length)) return groupEndingAt(s, at - l.length);
  return undefined;
}

/** The quoted or titled name ending right before `at` (“…榜单”之首), if any. */
function quotedBefore(s: string, at: number): { text: string; start: number } | undefined {
  const close = s[at - 1];
  const open = close === '”' ? '“' : close === '》' ? '《' : close === '"' ? '"' : undefined;
  if (!open) return undefined;
  const from = s.lastIndexOf(open, at - 2);
  if (from < 0 || at - from > 60 || /[\n。；;]/.test(s.slice(from, at))) return undefined;
  return { text: s.slice(from, at), start: from };
}

function mention(s: string, start: number, end: number, value: number, form: StatementMention['form'], g: { text: string; start: number }, extra: Partial<StatementMention> = {}): StatementMention {
  const from = Math.min(start, g.start);
  return {
    kind: 'rank', start, end, text: s.slice(start, end), value, form, groupText: g.text, group: normalGroup(g.text),
    about: { start: clauseStart(s, from), end: from }, ...extra,
  };
}

/** The superlative's group: the nearest group word before `at` in its clause, within reach. */
function superlativeGroup(s: string, at: number): { text: string; start: number } | undefined {
  for (let k = at; k >= Math.max(0, at - SUPERLATIVE_REACH); k--) {
    if (k < at && CLAUSE_PUNCT.includes(s[k])) return undefined;
    const g = groupEndingAt(s, k);
    if (g) return g;
  }
  return undefined;
}

/** The next character a rank's position can start with. */
const nextStart = charFinder('第首榜头前之最领');

/** Every rank in `s` (width-normalised), in order. */
export function findRanks(s: string): StatementMention[] {
  const out: StatementMention[] = [];
  for (let i = nextStart(s, 0); i < s.length; i = nextStart(s, i + 1)) {
    const c = s[i];
    if (c === '第') {
      const n = smallOrdinal(s, i + 1);
      if (!n) continue;
      const suffix = s[n.end] === '名' || s[n.end] === '位' ? s[n.end] : '';
      if (!suffix && s[n.end] !== undefined && NOT_RANK_AFTER.includes(s[n.end])) continue;
      const g = groupBefore(s, i);
      if (!g) continue;
      const end = n.end + suffix.length;
      out.push(mention(s, i, end, n.value, n.form, g, suffix ? { suffix } : {}));
      i = end - 1;
    } else if (c === '首' || c === '榜' || c === '头') {
      const w = s.slice(i, i + 2);
      if (w !== '首位' && w !== '榜首' && w !== '头名') continue;
      const g = groupBefore(s, i);
      if (g) out.push(mention(s, i, i + 2, 1, 'word', g));
      i++;
    } else if (c === '前') {
      if (s[i + 1] === '列' || s[i + 1] === '茅') {
        const g = groupBefore(s, i);
        if (g) out.push(mention(s, i, i + 2, 1, 'word', g, { vague: true }));
        i++;
        continue;
      }
      const n = smallOrdinal(s, i + 1);
      if (!n || n.value < 2) continue;
      const suffix = s[n.end] === '名' || s[n.end] === '位' ? s[n.end] : '';
      if (!suffix && s[n.end] !== undefined && NOT_TOP_AFTER.includes(s[n.end])) continue;
      const g = groupBefore(s, i);
      if (!g) continue;
      const end = n.end + suffix.length;
      out.push(mention(s, i, end, 1, n.form, g, { high: n.value, ...(suffix ? { suffix } : {}) }));
      i = end - 1;
    } else if (c === '之' && s[i + 1] === '首') {
      const g = quotedBefore(s, i) ?? groupEndingAt(s, i);
      if (g) out.push(mention(s, i, i + 2, 1, 'word', g));
      i++;
    } else if (c === '最') {
      const adj = SUPERLATIVES.find((a) => s.startsWith(a, i + 1));
      if (!adj) continue;
      const g = superlativeGroup(s, i);
      if (!g) continue;
      const end = i + 1 + adj.length;
      const rest = s.slice(end, end + 14);
      const cut = rest.search(/[，,；;。！？!?\n：:、]/);
      const one = (cut < 0 ? rest : rest.slice(0, cut)).includes('之一');
      out.push(mention(s, i, end, 1, 'word', g, one ? { vague: true } : {}));
      i = end - 1;
    } else if (c === '领' && (s[i + 1] === '跑' || s[i + 1] === '先')) {
      // 领跑全国, 全国领先 end their clause: 世界领先科技园区 and 世界领先水平 are adjectives, not ranks.
      const after = groupAt(s, i + 2);
      const ends = i + 2 >= s.length || CLAUSE_PUNCT.includes(s[i + 2]);
      const g = after ? { text: after, start: i + 2 } : ends ? groupEndingAt(s, i) : undefined;
      if (g) out.push(mention(s, i, i + 2, 1, 'word', g, { vague: true }));
      i++;
    }
  }
  return out;
}
