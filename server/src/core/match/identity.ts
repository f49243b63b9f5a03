/**
 * A claim's identity against a candidate measure: does the draft's wording establish that
 * the figure counts, shares or grows *what the measure measures*, within its scope?
 *
 * Matching (rankMeasures.ts) scores measures by their terms and the sources' wording; generic
 * words (增长, 占比, 全市占比) match many measures. Identity reads the words around the
 * figure instead: the "object zone" is the text of the figure's own segment (bounded by
 * clause punctuation, 、 and other figures), before and after it. Each part of the zone is
 * explained by the measure (its terms, or the terms of a measure its name contains), by a
 * subject or period mention, or by grammar (aspect words such as 同比增长, scope words such
 * as 全市, verbs and particles); what is left is a content word the measure does not
 * explain (中小企业 before 全市占比, 一般公共预算收入 before 同比增长, 人工智能领域 before
 * 独角兽企业): the figure is then about something else — a `foreign` object. A zone with
 * only generic words takes the object of the nearest earlier segment of the sentence that
 * names one (地区生产总值6636.8亿元，同比增长6.9%: the growth is the GDP's): `carried`.
 *
 * A contradiction needs the object `named` or `carried` and the scope not another; a
 * verification needs the same. Pure and memoized per sentence text, so the incremental
 * checker's per-line memo stays valid.
 */
import type { Measure, Quantity } from '../types';
import { DerivedValue, type FactIndex } from '../factIndex';
import { findSubjects } from '../draft';
import { scanPeriods, codeUnitSet } from '../numbers';
import { tagWords } from './segment';
import { detached, firstIndex, groupBy } from '../util';

/** How the words around a figure establish a measure's object. */
export type ObjectEvidence = 'named' | 'carried' | 'generic' | 'foreign';

/** How a claim's scope (全市, 全国…) relates to the measure's. */
export type ScopeRelation = 'same' | 'other' | 'unstated';

/** The identity of a claim against one measure. */
export interface Identity {
  object: ObjectEvidence;
  scope: ScopeRelation;
  /** Whether the claim's wording establishes the measure: object named or carried, scope not another. */
  established: boolean;
}

/** Aspect words: what is said of an object (its level, growth, share, rank), not the object itself. */
const ASPECT = [
  '同比增长', '同比下降', '同比增速', '同比', '环比', '增长率', '增长', '增速', '增幅', '增量', '降幅', '年均增长', '年均增速', '年均',
  '平均增速', '平均', '占比', '占', '比重', '比例', '份额', '总量', '总数', '数量', '总额', '总计', '合计', '个数', '规模', '水平',
  '提高', '提升', '下降', '降低', '减少', '增加', '上升', '累计', '新增', '净增', '连续', '保持', '排名', '排位', '位居', '居',
  '首位', '第一', '之首', '前列',
];
/** Scope words: the whole a share or rank is taken within. */
const SCOPES = ['全市', '全国', '全省', '全球', '全世界', '本市', '中心城区', '城六区', '京津冀'];
/** Grammar: verbs of stating, having and reaching, adverbs, particles, connectives, deictic places. */
const GRAMMAR = [
  '实现', '完成', '达到', '达', '为', '是', '有', '共', '共有', '拥有', '现有', '已有', '已经', '已', '约', '近', '超过', '超', '突破',
  '逾', '其中', '分别', '均', '全年', '同期', '上年', '去年', '今年', '当年', '比上年', '较上年', '比', '较', '了', '的', '和', '及',
  '与', '在', '上', '以上', '左右', '等', '将', '预计', '有望', '力争', '计划', '目标', '全区', '本区', '我区', '区内', '辖区', '区域',
  '全县', '年末', '年底', '末', '期间', '以来', '目前', '截至', '截止', '至', '到', '由', '从', '自', '增至', '提高到', '提升至', '达至',
  '一批', '各类', '各', '总', '每', '个', '项', '家', '人', '名', '所', '元', '亿元', '万元', '万', '亿', '千', '百', '了', '过',
  '着', '也', '还', '又', '并', '且', '而', '但', '就', '都', '再', '更', '较为', '主要', '重点', '相关', '有关', '已达', '达到了',
  '稳定', '持续', '继续', '进一步', '不断', '稳步', '同比增加', '人次', '万人次', '亿人次', '左右', '余', '多', '近年来', '年来',
  // adverbs jieba may tag as nouns
  '全面', '全部', '陆续', '基本', '正式', '顺利', '全力', '加快', '加速', '大力', '积极', '有序', '整体', '总体', '初步', '首次', '年内',
  '当前', '现在', '同时', '此外', '另外', '目前已', '已全部', '一共', '总共', '大约', '将近', '接近', '超出', '不少于', '不到', '不足',
];

/** Parts of speech that name things (jieba's tags): a word of these the measure does not explain is another object. */
const NOUN_TAGS = new Set(['n', 'nz', 'nt', 'ns', 'nr', 'nrt', 'nrfg', 'j', 'l', 'eng', 'vn', 'an', 'i', 'g', 'x']);

/** Words that make a figure the total of the figures before it. */
const TOTAL_WORDS = /合计|共计|总计|总共|一共|两者|二者|三者|加起来|之和/;

/** How many segments back an object is carried to a figure whose own words name none. */
const MAX_CARRY = 6;

/** Han characters and Latin letters: the letters of a zone's words. */
const LETTER = /[\p{Script=Han}A-Za-z]/u;
/** LETTER's answer by UTF-16 code unit, found as code units are met: 0 not yet asked, 1 a letter, 2 not (a lone surrogate is not). */
const LETTER_CODES = new Uint8Array(0x10000);

/** True when the code unit `code` is a Han character or a Latin letter. */
function isLetter(code: number): boolean {
  let r = LETTER_CODES[code];
  if (r === 0) LETTER_CODES[code] = r = LETTER.test(String.fromCharCode(code)) ? 1 : 2;
  return r === 1;
}

/** What ends a segment (the figure's own stretch of words), besides other figures, by UTF-16 code unit. */
const SEGMENT_END_CODES = codeUnitSet([...'，,；;：:。！？!?、\n（）()【】']);

/** Per index: the words that explain each measure, and the filler words, longest first. */
interface MeasureWords {
  /** The measure's own terms and object words, longest first. */
  own: string[];
  /**
   * The parts its name lists in brackets as what it totals, when they are its terms too
   * (重大科技基础设施, 科教基础设施, 交叉研究平台 of 科学设施（…）数): a figure of one part alone is not the total.
   */
  parts: Set<string>;
  /** `own` by first code unit. */
  ownByFirst: Map<number, string[]>;
  /** The subset that names the object (not only aspect and scope words). */
  objects: Set<string>;
  /** Scope words in the measure's name or terms. */
  scopes: Set<string>;
  /** The measure's quotes' sentences, joined (read on first use): a run of words a source itself uses for it is explained. */
  readonly quotes: string;
  /**
   * The words that set it apart from a measure of the same head noun, as its name says
   * (通过国家验收, 正式运行 for 通过国家验收并正式运行的大科学装置数): one of them must be said.
   */
  qualifiers: string[];
}

/** Every word that is grammar, aspect or scope, not an object. */
const FILLER = new Set([...ASPECT, ...SCOPES, ...GRAMMAR]);
/** FILLER's words of two characters or more, longest first (to strip them out of a term). */
const LONG_FILLER = [...FILLER].filter((w) => w.length >= 2).sort((a, b) => b.length - a.length);

/** namesObject's answers for an index's terms. */
const NAMES_OBJECT = new DerivedValue(() => new Map<string, boolean>());

/** A term of the index names an object when something is left once aspect, scope and grammar words are taken out. */
function namesObject(idx: FactIndex, term: string): boolean {
  const memo = NAMES_OBJECT.of(idx);
  let r = memo.get(term);
  if (r === undefined) {
    if (memo.size > 50_000) memo.clear();
    memo.set(term, (r = computeNamesObject(term)));
  }
  return r;
}

function computeNamesObject(term: string): boolean {
  let rest = term;
  for (const w of LONG_FILLER) rest = rest.split(w).join('');
  if (FILLER.has(rest)) rest = '';
  return /[\p{Script=Han}A-Za-z]/u.test(rest.replace(/[“”"‘’《》\s\d.]/g, ''));
}

/** Every substring of a name (a measure's name is short): what the index's terms and names are looked up by. */
function substringsOf(name: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < name.length; i++) for (let j = i + 1; j <= name.length; j++) out.add(name.slice(i, j));
  return out;
}

/**
 * The substrings of a name that are index terms naming an object, in order, each as often
 * as it occurs (a repeat changes nothing for headOf, nor for the sets of measureWords):
 * no set of every substring is built for the head noun of every measure of a subject,
 * which a large base asks of thousands of names.
 */
function objectTermsIn(idx: FactIndex, name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < name.length; i++) {
    for (let j = i + 1; j <= name.length; j++) {
      const t = name.slice(i, j);
      if (idx.terms.has(t) && namesObject(idx, t)) out.push(t);
    }
  }
  return out;
}

/** The base's measures by name, and by subject (a large base: a measure's words look up only what its name holds). */
const MEASURES_BY_NAME = new DerivedValue((idx: FactIndex) => groupBy(idx.base.measures, (n) => n.name));
const MEASURES_BY_SUBJECT = new DerivedValue((idx: FactIndex) => groupBy(idx.base.measures, (n) => n.subject));

/** The measures whose name is one of `names` (their order does not matter: their words go into sets). */
function containedMeasures(idx: FactIndex, names: Set<string>): Measure[] {
  const byName = MEASURES_BY_NAME.of(idx);
  return [...names].flatMap((name) => byName.get(name) ?? []);
}

/** The words explaining each measure, built as measures are met. */
const MEASURE_WORDS = new DerivedValue(() => new Map<Measure, MeasureWords>());

/** The words explaining measure `m`: its terms, and the object terms of the measures its name contains (GDP for 地区生产总值同比增速). */
function measureWords(idx: FactIndex, m: Measure): MeasureWords {
  const memo = MEASURE_WORDS.of(idx);
  let w = memo.get(m);
  if (w) return w;
  const own = new Set<string>(m.terms);
  const objects = new Set<string>(m.terms.filter((t) => namesObject(idx, t)));
  const inName = substringsOf(m.name);
  for (const n of containedMeasures(idx, inName)) {
    if (n === m || n.name.length < 2) continue;
    for (const t of n.terms) if (namesObject(idx, t)) {
      own.add(t);
      objects.add(t);
    }
  }
  for (const t of objectTermsIn(idx, m.name)) {
    own.add(t);
    objects.add(t);
  }
  const scopes = new Set(SCOPES.filter((s) => m.name.includes(s) || m.terms.some((t) => t.includes(s))));
  // (Read when a zone first has a word to explain: most measures met as candidates never need them.)
  let quotes: string | undefined;
  const quotesOf = () => (quotes ??= (idx.observations.get(m.id) ?? []).map((io) => sourceSentence(idx, io.obs.source, io.obs.quote)).join('\u0000'));
  const sorted = [...own].sort((a, b) => b.length - a.length);
  const ownByFirst = groupBy(sorted, (t) => t.charCodeAt(0));
  const listed = [...m.name.matchAll(/[（(]([^）)]*)[）)]/g)].map((x) => x[1]).join('、');
  const parts = new Set(m.terms.filter((t) => listed.includes(t) && /[、和与及]/.test(listed)));
  w = { own: sorted, ownByFirst, objects, parts: parts.size >= 2 ? parts : new Set(), scopes, get quotes() { return quotesOf(); }, qualifiers: refines(idx, m) ? headOf(idx, m, [...objects]).qualifiers : [] };
  memo.set(m, w);
  return w;
}

/** The terms of the index that name an object, by first code unit, longest first. */
const OBJECT_TERMS = new DerivedValue((idx: FactIndex) =>
  groupBy(
    [...idx.terms.keys()].filter((x) => x.length >= 2 && namesObject(idx, x)).sort((a, b) => b.length - a.length),
    (t) => t.charCodeAt(0),
  ),
);

/**
 * Reads the index's terms for what names an object (OBJECT_TERMS), a few hundred terms a
 * step: part of preparing a base (check.ts's prepareSteps), so a server has it read before
 * the first draft arrives rather than during that draft's first check.
 */
export function* objectTermSteps(idx: FactIndex): Generator<void, void, void> {
  if (OBJECT_TERMS.peek(idx)) return;
  let k = 0;
  for (const t of idx.terms.keys()) {
    namesObject(idx, t);
    if (++k % 500 === 0) yield;
  }
  OBJECT_TERMS.of(idx);
}

/** What ends a source's sentence, by UTF-16 code unit. */
const SENTENCE_END_CODES = codeUnitSet([...'。！？!?\n']);

/** The sentence of a source's body that holds a quote (the quote alone when it cannot be found): its words describe the fact too. */
function sourceSentence(idx: FactIndex, sourceId: string, quote: string): string {
  const body = idx.sources.get(sourceId)?.body;
  const at = body ? body.indexOf(quote) : -1;
  if (!body || at < 0) return quote;
  let a = at;
  while (a > 0 && SENTENCE_END_CODES[body.charCodeAt(a - 1)] === 0) a--;
  let b = at + quote.length;
  while (b < body.length && SENTENCE_END_CODES[body.charCodeAt(b)] === 0) b++;
  return body.slice(a, b);
}

/** What is read of a sentence's text whatever draft it stands in: its mentions, and the zones read so far. */
interface SentenceText {
  /** Its mentions of subjects and periods, relative to the sentence, sorted. */
  marks: [number, number][];
  /** Zones read so far, by measure and span (a pure function of the text, the span and the measure's words). */
  zones: Map<Measure, Map<number, ZoneReading>>;
}

/**
 * Sentences read, by text (emptied past 20,000): a sentence met again, in the same draft
 * after an edit or in another draft, is not read again.
 */
const SENTENCES = new DerivedValue(() => new Map<string, SentenceText>());

function sentenceText(idx: FactIndex, sentence: string, offset: number, periods?: readonly { start: number; end: number }[]): SentenceText {
  const memo = SENTENCES.of(idx);
  let known = memo.get(sentence);
  if (!known) {
    if (memo.size >= 20_000) memo.clear();
    // The draft's own period mentions, when given, are the sentence's (periods never cross a sentence's end).
    const spans = periods ? periods.map((p): [number, number] => [p.start - offset, p.end - offset]) : scanPeriods(sentence).map((p): [number, number] => [p.start, p.end]);
    const marks = [...findSubjects(idx, sentence).map((s): [number, number] => [s.start, s.end]), ...spans].sort((a, b) => a[0] - b[0]);
    memo.set(detached(sentence), (known = { marks, zones: new Map() }));
  }
  return known;
}

/** What a stretch of words says about a measure's object. */
interface ZoneReading {
  /** A word naming the measure's object occurs in it. */
  named: boolean;
  /** The measure's object words named in it. */
  namedWords: string[];
  /** A noun the measure does not explain stands in the object's place (after the stretch's last verb). */
  foreign: boolean;
  /** A noun the measure does not explain stands anywhere in the stretch (its topic included): it is not an elliptic clause. */
  unexplained: boolean;
  scopes: string[];
  /** After the figure, a named object word is followed at once by another measure's object, the compound's head. */
  headForeign?: boolean;
}

/** A word of a zone: one of the measure's own words, or a word of the rest with its part of speech. */
interface ZoneWord {
  word: string;
  tag: string;
  own: boolean;
}

/**
 * Reads the words of sentence[from, to) against a measure's words. The words before the
 * stretch's last verb are its topic (环湖酒店群已具备…: the holder, not what is counted);
 * the words after it are the object phrase, where an unexplained noun is another object.
 */
function readZoneOf(sentence: string, from: number, to: number, marks: [number, number][], w: MeasureWords, side: 'before' | 'after', heads: Map<number, string[]>): ZoneReading {
  const out: ZoneReading = { named: false, namedWords: [], foreign: false, unexplained: false, scopes: [] };
  const seq: ZoneWord[] = [];
  // The run of Han and Latin letters being read: sentence[runStart, i) (-1: none).
  let runStart = -1;
  let i = from;
  const close = () => {
    if (runStart >= 0 && runStart < i) for (const x of tagWords(sentence.slice(runStart, i))) seq.push({ word: x.word, tag: x.tag, own: false });
    runStart = -1;
  };
  let k = 0;
  while (i < to) {
    while (k < marks.length && marks[k][1] <= i) k++;
    if (k < marks.length && marks[k][0] <= i) {
      close();
      i = Math.max(i + 1, Math.min(to, marks[k][1]));
      continue;
    }
    const code = sentence.charCodeAt(i);
    let own: string | undefined;
    const list = w.ownByFirst.get(code);
    if (list) {
      for (const t of list) {
        if (i + t.length <= to && sentence.startsWith(t, i)) {
          own = t;
          break;
        }
      }
    }
    if (own) {
      close();
      // A compound's head is its last noun: after 人工智能 in 人工智能独角兽企业, another measure's object (独角兽企业)
      // is what the figure counts, and the named word only qualifies it.
      if (side === 'after' && !out.named && w.objects.has(own)) {
        // (A domain word may stand between them: 人工智能领域独角兽, 人工智能相关企业.)
        // (So may a conjunction: 30余所高校和科研机构 counts both, not the 高校 alone.)
        const j = i + own.length + (/^(?:(?:领域|行业|产业|方面|赛道|类)的?|的|[和与及、])/.exec(sentence.slice(i + own.length, i + own.length + 3))?.[0].length ?? 0);
        const head = heads.get(sentence.charCodeAt(j))?.find((t) => t.length >= 3 && j + t.length <= to && sentence.startsWith(t, j) && !w.objects.has(t) && !own.includes(t));
        if (head) out.headForeign = true;
      }
      if (w.objects.has(own)) {
        out.named = true;
        out.namedWords.push(own);
      }
      for (const sc of SCOPES) if (own.includes(sc)) out.scopes.push(sc);
      seq.push({ word: own, tag: 'term', own: true });
      i += own.length;
      continue;
    }
    if (isLetter(code)) {
      if (runStart < 0) runStart = i;
    } else close();
    i++;
  }
  close();
  let lastVerb = -1;
  seq.forEach((x, j) => {
    if (SCOPES.includes(x.word)) out.scopes.push(x.word);
    if (!x.own && !FILLER.has(x.word) && x.tag.startsWith('v') && x.tag !== 'vn') lastVerb = j;
  });
  const rest = sentence.slice(from, to);
  // Before the figure the object phrase follows the last verb (已具备 | 17间); after it, the object comes first
  // (17间 | 总统套房 | 已投入使用) and what follows the first verb or named object is the predicate.
  let phrase: ZoneWord[];
  if (side === 'before') phrase = seq.slice(lastVerb + 1);
  else {
    const stop = seq.findIndex((x) => (x.own && w.objects.has(x.word)) || (!x.own && !FILLER.has(x.word) && x.tag.startsWith('v') && x.tag !== 'vn'));
    phrase = stop < 0 ? seq : seq.slice(0, stop);
  }
  // In the object phrase, nouns other than the measure's own words qualify or replace its object (人工智能领域|独角兽企业).
  // A word a source itself uses with this measure explains itself.
  const unexplained = (x: ZoneWord) => !x.own && !FILLER.has(x.word) && x.word.length >= 2 && NOUN_TAGS.has(x.tag) && !w.quotes.includes(x.word) && !w.quotes.includes(rest);
  out.foreign = out.headForeign === true || phrase.some(unexplained);
  out.unexplained = seq.some(unexplained);
  return out;
}

/** The segments of a sentence: stretches between clause punctuation and figures, as [from, to) relative to the sentence. */
function segmentsOf(sentence: string, figures: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  let f = 0;
  const close = (end: number) => {
    // The stretch [s, end) with the figures inside it cut out (figures are sorted and do not overlap).
    let at = s;
    while (f < figures.length && figures[f][1] <= s) f++;
    for (let g = f; g < figures.length && figures[g][0] < end; g++) {
      if (figures[g][0] > at) out.push([at, figures[g][0]]);
      at = Math.max(at, figures[g][1]);
    }
    if (at < end) out.push([at, end]);
  };
  for (let i = 0; i < sentence.length; i++) {
    if (SEGMENT_END_CODES[sentence.charCodeAt(i)] === 1) {
      close(i);
      s = i + 1;
    }
  }
  close(sentence.length);
  return out;
}

/** Words that make a figure a count per item (每个赛道有五家, 平均每家): distributive, not a total. */
const PER_ITEM = /每(?:一)?(?:个|家|条|所|座|位|名|项|场|部|户|村|镇|街道|园区|赛道|领域)|平均每/;

/** The clause of `sentence` up to offset `at` (from the last clause punctuation before it). */
function clauseBefore(sentence: string, at: number): string {
  let i = at;
  while (i > 0 && !/[，,；;：:。！？!?\n]/.test(sentence[i - 1])) i--;
  return sentence.slice(i, at);
}

/** A sentence read once for the identities of all its claims: its text, offset, mentions and segments. */
export interface SentenceReading {
  sentence: string;
  offset: number;
  marks: [number, number][];
  segs: [number, number][];
  /** Zones read so far, by measure and span: the claims of a sentence, and the sentence met again, read the same segments again. */
  zones: Map<Measure, Map<number, ZoneReading>>;
}

/**
 * A measure's head noun and qualifiers, read from its name without what is in brackets:
 * the head is the object word ending nearest the name's end (大科学装置 in
 * 通过国家验收并正式运行的大科学装置数); the qualifiers are the measure's own object terms
 * found elsewhere in the name (通过国家验收, 正式运行).
 */
function headOf(idx: FactIndex, m: Measure, objects: string[]): { head?: string; qualifiers: string[] } {
  const name = m.name.replace(/[（(][^）)]*[）)]/g, '');
  let head: [number, number] | undefined;
  for (const o of objects) {
    const at = name.lastIndexOf(o);
    if (at < 0) continue;
    const span: [number, number] = [at, at + o.length];
    if (!head || span[1] > head[1] || (span[1] === head[1] && span[0] < head[0])) head = span;
  }
  if (!head) return { qualifiers: [] };
  const word = name.slice(head[0], head[1]);
  const qualifies = (t: string, text: string) => namesObject(idx, t) && text.includes(t) && !word.includes(t) && !t.includes(word);
  const qualifiers = m.terms.filter((t) => qualifies(t, name));
  // Brackets after a qualifier say it again in other words (实现开放运行（面向全球开放共享）); after the head they
  // only list what it includes (科学设施（重大科技基础设施、…）).
  return { head: word, qualifiers: qualifiers.length ? m.terms.filter((t) => qualifies(t, m.name)) : [] };
}

/** Measures' head nouns, found as measures are met. */
const HEADS = new DerivedValue(() => new Map<Measure, string | undefined>());

/** A measure's head noun. */
function headNoun(idx: FactIndex, m: Measure): string | undefined {
  const memo = HEADS.of(idx);
  if (!memo.has(m)) memo.set(m, headOf(idx, m, m.terms.filter((t) => namesObject(idx, t)).concat(objectTermsIn(idx, m.name))).head);
  return memo.get(m);
}

/**
 * Whether `m` refines another measure of its subject with the same head noun (通过国家验收的
 * 大科学装置 refines 布局的大科学装置): only then must one of its qualifiers be said.
 */
function refines(idx: FactIndex, m: Measure): boolean {
  const head = headNoun(idx, m);
  if (!head) return false;
  // (A measure whose name does not hold the head cannot have it as its head: its head noun need not be read.)
  return (MEASURES_BY_SUBJECT.of(idx).get(m.subject) ?? []).some((n) => n !== m && n.name.includes(head) && headNoun(idx, n) === head);
}

/** Reads `sentence` (starting at `offset` of the text) with its figures (absolute offsets, sorted). */
export function readSentence(idx: FactIndex, sentence: string, offset: number, figures: readonly Quantity[], periods?: readonly { start: number; end: number }[]): SentenceReading {
  const figs = figures.map((f): [number, number] => [f.start - offset, f.end - offset]);
  const known = sentenceText(idx, sentence, offset, periods);
  return { sentence, offset, marks: known.marks, segs: segmentsOf(sentence, figs), zones: known.zones };
}

/** The identity of figure `q` against measure `m`, in its sentence's reading. */
export function identityOf(idx: FactIndex, m: Measure, r: SentenceReading, q: Quantity): Identity {
  const { sentence, offset, marks, segs } = r;
  const w = measureWords(idx, m);
  let known = r.zones.get(m);
  if (!known) r.zones.set(m, (known = new Map()));
  const read = known;
  const readZone = (from: number, to: number, _m: [number, number][], _w: MeasureWords, side: 'before' | 'after'): ZoneReading => {
    const key = (from * 65536 + to) * 2 + (side === 'before' ? 0 : 1);
    let z = read.get(key);
    if (!z) read.set(key, (z = readZoneOf(sentence, from, to, marks, w, side, OBJECT_TERMS.of(idx))));
    return z;
  };
  const qs = q.start - offset;
  const qe = q.end - offset;
  // The figure's own zone: the segment ending at it and the one starting right after it.
  const k = firstIndex(segs.length, (i) => segs[i][1] < qs);
  const before = k < segs.length && segs[k][1] === qs ? segs[k] : undefined;
  const j = firstIndex(segs.length, (i) => segs[i][0] < qe);
  const after = j < segs.length && segs[j][0] === qe ? segs[j] : undefined;
  const zb = before && readZone(before[0], before[1], marks, w, 'before');
  const za = after && readZone(after[0], after[1], marks, w, 'after');
  const scopes = zb && za ? zb.scopes.concat(za.scopes) : (zb ?? za)?.scopes ?? [];
  const scope: ScopeRelation = !scopes.length || !w.scopes.size ? 'unstated' : scopes.some((s) => w.scopes.has(s)) ? 'same' : 'other';
  let object: ObjectEvidence;
  // 17间总统套房: a noun named right after the figure is what it counts, whatever the words before it are.
  if (za?.named) object = za.foreign ? 'foreign' : 'named';
  else if (zb?.foreign || za?.foreign) object = 'foreign';
  else if (zb?.named) object = 'named';
  // Words of its own that name nothing the measure knows (区级一般公共预算收入同比增长): not an elliptic clause.
  else if (zb?.unexplained) object = 'foreign';
  // A total of the figures before it (三级医院23家、二级医院34家，合计60家) counts none of their objects alone.
  else if (before && TOTAL_WORDS.test(sentence.slice(before[0], before[1]))) object = 'generic';
  else {
    object = 'generic';
    // The nearest earlier segment that names an object decides (of the last few: an object is not carried further).
    const last = before ? k : firstIndex(segs.length, (i) => segs[i][1] <= qs);
    const earlier = segs.slice(Math.max(0, last - MAX_CARRY), last).reverse();
    for (const [a, b] of earlier) {
      const z = readZone(a, b, marks, w, 'before');
      if (z.foreign) {
        object = 'foreign';
        break;
      }
      if (z.named) {
        object = 'carried';
        break;
      }
    }
  }
  // 布局的6个大科学装置中已有4个通过国家验收: the 6 are not the accepted ones, though both name 大科学装置.
  if ((object === 'named' || object === 'carried') && w.qualifiers.length) {
    const upTo = after ? after[1] : qe;
    const said = sentence.slice(0, upTo);
    if (!w.qualifiers.some((t) => said.includes(t))) object = 'generic';
  }
  // 5个重大科技基础设施 of a measure totalling 重大科技基础设施、科教基础设施和交叉研究平台: one part alone is not the total.
  if ((object === 'named' || object === 'carried') && w.parts.size) {
    const said = new Set([...(zb?.namedWords ?? []), ...(za?.namedWords ?? [])]);
    // (The parts listed after the figure, 37个重大科技基础设施、科教基础设施和交叉研究平台, are the whole.)
    let end = qe;
    while (end < sentence.length && !/[，,；;。！？!?\n]/.test(sentence[end])) end++;
    const listedAfter = [...w.parts].filter((t) => sentence.slice(qe, end).includes(t));
    if (said.size && [...said].every((t) => w.parts.has(t)) && new Set([...said, ...listedAfter]).size < w.parts.size) object = 'foreign';
  }
  // 每个赛道有五家独角兽企业: a count per item of something else is not the measure's total.
  if (object !== 'foreign' && PER_ITEM.test(clauseBefore(sentence, qs)) && !/每|平均|人均|户均/.test(m.name)) object = 'foreign';
  return { object, scope, established: (object === 'named' || object === 'carried') && scope !== 'other' };
}
