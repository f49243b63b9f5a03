/**
 * Context rules: which figures read by the grammar are not claims. Headings and list
 * ordinals (一、 （二） 1.), 第N, dates and years, names with digits (PM2.5, G20, 16号线,
 * 《流浪地球2》, short quoted names like “1+3” “创新发展16条”), plan names (十四五, 二十届三中全会),
 * articles (一个, 一批), idioms of bare multipliers (千行百业, 百年), rank (前两名),
 * and bare numbers without a unit unless they carry a scale word (人才资源总量200.45万).
 */
import { charFinder, isClausePunct, isCnNumeral, isDigit, isGapSpace, isLatin, isLineBreak, oneOf, QUOTE_PAIRS } from './chars';
import type { Reading } from './grammar';

/** Longest quoted text that is read as a name (“创新发展16条”, “雁栖青创无忧十条”). */
const MAX_QUOTED_NAME = 12;
/** Longest 《…》 title looked for. */
const MAX_TITLE = 60;

/**
 * Finds the next position ≥ from where `test` holds, caching the answer so that a run of
 * increasing `from` costs linear time overall (−1: none left in the text).
 */
class NextFinder {
  private at = -2;
  constructor(
    private readonly s: string,
    private readonly test: (ch: string) => boolean,
  ) {}

  from(i: number): number {
    if (this.at === -1 || this.at >= i) return this.at;
    let k = Math.max(i, this.at + 1);
    while (k < this.s.length && !this.test(this.s[k])) k++;
    this.at = k < this.s.length ? k : -1;
    return this.at;
  }
}

/** The next character that opens a name: 《 or an opening quotation mark. */
const nextOpener = charFinder(['《', ...QUOTE_PAIRS.keys()]);

/** Spans [start, end) of names: short quotations and book titles. Linear. */
export function nameSpans(s: string): [number, number][] {
  const out: [number, number][] = [];
  const closers = new Map<string, NextFinder>();
  const breaks = new NextFinder(s, isLineBreak);
  const clauses = new NextFinder(s, isClausePunct);
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    const close = ch === '《' ? '》' : QUOTE_PAIRS.get(ch);
    if (close === undefined) {
      i = nextOpener(s, i + 1);
      continue;
    }
    let finder = closers.get(close);
    if (!finder) closers.set(close, (finder = new NextFinder(s, (c) => c === close)));
    const j = finder.from(i + 1);
    const max = ch === '《' ? MAX_TITLE : MAX_QUOTED_NAME;
    const fits = j >= 0 && j - i - 1 <= max;
    const br = fits ? breaks.from(i + 1) : -1;
    const cl = fits && ch !== '《' ? clauses.from(i + 1) : -1;
    if (fits && (br < 0 || br > j) && (cl < 0 || cl > j)) {
      out.push([i, j + 1]);
      i = j + 1;
    } else i++;
  }
  return out;
}

/** Characters that may stand between a line start and a list ordinal. */
const LEAD = ' \t\u3000#>*-+▲△●○■□◆◇•·（(【[';
const ORDINAL_END = '、.．)）】]:：';

/** True when [at] is preceded on its line only by markup and white space. */
function atLineStart(s: string, at: number): boolean {
  for (let k = at - 1, n = 0; n < 12; k--, n++) {
    if (k < 0 || isLineBreak(s[k])) return true;
    if (!LEAD.includes(s[k])) return false;
  }
  return false;
}

/** Words before a number of years that make it a period, not a duration (近3年, 未来3年). */
const PERIOD_BEFORE = ['最近', '过去', '未来', '今后', '近', '前', '这', '后'];
/** Characters after 年 that make N年 a period or a date (3年来, 3年前, 3年内, 3年底). */
const PERIOD_AFTER = '来前后内间底初末';

/** Words after N届 that make it the name of a congress or plenum, not a count. */
const SESSION_NAMES = ['全国', '中央', '人大', '政协', '市委', '区委', '县委', '党代会', '中共', '人民代表大会', '代表大会', '委员会', '中全会'];

/**
 * Why the reading `r` is not a claim, or undefined when it is one. `s` is the normalised
 * text the reading was made in.
 */
export function notAClaim(s: string, r: Reading): string | undefined {
  const q = r.q;
  const ns = q.numberStart;
  const before = s[q.start - 1];
  const numBefore = s[ns - 1];
  const after = s[q.end];
  const afterNum = s[q.numberEnd];
  if (numBefore === '第' || before === '第') return 'ordinal 第';
  if (r.num.kind === 'arabic' && r.num.odd) return 'leading zero or dotted name';
  if (isLatin(numBefore) || isLatin(afterNum) || (r.hasUnit && isLatin(after))) return 'name with Latin letters';
  if (numBefore === '+' || afterNum === '+' || numBefore === '×' || afterNum === '×') return 'formula name';
  if ((numBefore === '-' || numBefore === '_' || numBefore === '/' || numBefore === '.') && (isLatin(s[ns - 2]) || isDigit(s[ns - 2]))) return 'name with a separator';
  if (numBefore === '(' || numBefore === '（') {
    if (afterNum === ')' || afterNum === '）') return 'list ordinal in parentheses';
  }
  if (!r.hasUnit && atLineStart(s, q.start) && (oneOf(ORDINAL_END, afterNum) || isGapSpace(afterNum))) return 'list ordinal';
  if (!r.hasUnit && atLineStart(s, q.start) && (afterNum === ',' || afterNum === '，') && r.num.kind === 'chinese') return 'list ordinal';
  if (r.hasUnit && (isDigit(after) || isCnNumeral(after)) && q.dimension !== 'percent') return 'name: unit followed by a number (二十届三中全会)';
  if (r.num.kind === 'arabic' && r.num.decimals === 0 && !r.num.grouped && r.num.digits.length === 4) {
    const y = Number(r.num.digits);
    if (y >= 1900 && y <= 2099 && (q.unitText === '年' || q.unitText === '届' || s.startsWith('年', q.numberEnd))) return 'year';
  }
  if (q.unitText === '年' || q.unit === '年') {
    for (const w of PERIOD_BEFORE) if (s.startsWith(w, q.start - w.length) || s.startsWith(w, ns - w.length)) return 'period phrase';
    if (oneOf(PERIOD_AFTER, after) || s.startsWith('以来', q.end)) return 'period phrase';
  }
  if (numBefore === '前' && q.unitText.endsWith('名')) return 'rank 前N名';
  // 数百, 数十万: 数 before a bare multiplier; 机构数1447家, 参与人数500余万人: 数 ends the noun before a figure.
  if (numBefore === '几' || afterNum === '几' || (numBefore === '数' && r.num.kind !== 'arabic' && /^[十百千万亿]/.test(s.slice(ns, q.numberEnd)))) return 'vague 几十 数百';
  if (q.unit === '届' && SESSION_NAMES.some((w) => s.startsWith(w, q.end))) return 'name: N届 of a congress (十三届全国人大)';
  if (numBefore === '每' || before === '每') return 'per-unit base 每N';
  if (r.bareMultiplier && !q.qualifierText) return 'bare multiplier (千行百业, 百年)';
  if (r.cnOne && !q.qualifierText && (q.dimension === 'count' || q.dimension === 'duration')) return 'article 一';
  if (!r.hasUnit) {
    if (r.num.kind !== 'arabic') return 'Chinese numeral without unit';
    if (q.scaleWord && !isLatin(after)) return undefined;
    return 'bare number';
  }
  return undefined;
}
