/**
 * Shared data types of the checking core: quantities read from text, the loaded fact
 * base, claims and findings. Pure data: no I/O, no LSP types. Offsets are UTF-16 code
 * unit offsets into the text that was analysed (JavaScript string indices).
 */

/** Physical dimension of a unit; values compare only within one dimension. */
export type Dimension =
  | 'count' // 个 家 人 名 项 所 部 场 人次 套 间 条 款 届 …
  | 'money' // canonical unit 元
  | 'percent' // canonical unit %
  | 'points' // canonical unit 个百分点
  | 'area' // canonical unit 平方米
  | 'length' // canonical unit 米
  | 'duration' // 小时, 年 (as a span: 连续5年), 天
  | 'fraction' // 三分之一: canonical unit %, value 33.33…
  | 'rank' // 第1, 前两名
  | 'none' // a bare number with no unit
  | (string & {}); // any other dimension of the units table (mass, power, concentration …)

/**
 * How exact a figure is, from the words around it.
 * exact: plain or 达; about: 约 左右; over: 余 多 超过 超 逾 以上 强; under: 近 将近 不到 不足 弱.
 */
export type Qualifier = 'exact' | 'about' | 'over' | 'under';

/** How a number was written, so an expected value can be written back the same way. */
export type NumberForm = 'arabic' | 'chinese' | 'fraction' | 'cheng';

/** A quantity found in text by the number grammar. */
export interface Quantity {
  /** Offset of the first character (the qualifier prefix when there is one). */
  start: number;
  /** Offset after the last character (after the unit or qualifier suffix). */
  end: number;
  /** The text from start to end. */
  text: string;
  /** Value in the canonical unit of its dimension (2.3万人 → 23000; 1.2亿元 → 120000000; 八成 → 80 with unit %). */
  value: number;
  /** Upper bound for ranges (1至2所 → value 1, high 2). */
  high?: number;
  /** Canonical unit: a counter word for counts ('个', '家', '人'…), '元', '%', '个百分点', '平方米', '米', '小时', '年', or '' for a bare number. */
  unit: string;
  /** The unit exactly as written, scale included ('亿元', '万平方米', '平米', '%'). */
  unitText: string;
  dimension: Dimension;
  qualifier: Qualifier;
  /** The qualifier word(s) as written (近, 余, 超过…), if any. */
  qualifierText?: string;
  /** Step of the last written digit in the canonical unit: 2.3万 → 1000; 37 → 1; 12907.1亿元 → 10000000; 近七成 → 10. */
  precision: number;
  /** Writing style of the number. */
  form: NumberForm;
  /** Scale word as written between number and unit ('万', '亿', '万亿'), if any. */
  scaleWord?: string;
  /** Offsets of the numeric part alone (without qualifier and unit). */
  numberStart: number;
  numberEnd: number;
  /**
   * A change stated with its direction (下降9.9%, 增长6.9%): the value of a decline is
   * negative; the change word, how many code units before `start` it starts (−1 when
   * it belongs to an earlier figure of a list) and the word of the other direction.
   */
  direction?: { sign: 1 | -1; word: string; before: number; opposite: string };
}

/** A date or period expression found in text (2023年, 今年上半年, 前三季度, 十四五以来, 近3年, 7月17日). */
export interface PeriodMention {
  start: number;
  end: number;
  text: string;
  /** Resolved period in the fact base's period syntax (see Period), or undefined when it needs a year from context. */
  period?: string;
  /**
   * For relative mentions (今年, 去年, 前三季度, 近3年, 目前), resolved against the publication
   * (or draft) year Y:
   * - yearOffset: the year is Y + yearOffset (今年 0, 去年 -1); for a span, its first year.
   * - part: the part of that year ('H1', 'H2', 'Q1-3', 'Q1'…'Q4'), to append to the year.
   * - span: a span of that many whole years starting at Y + yearOffset: 近3年 → {span 3,
   *   yearOffset -3} = (Y-3)/(Y-1); 未来3年 → {span 3, yearOffset 1}; 五年来 → {span 5, yearOffset -5}.
   * - asOf: a stock or cumulative figure as of publication (目前, 截至目前, 现有, 累计, …以来).
   * - since: the first year of a cumulative period written as a year (2021年年初以来 → 2021, asOf).
   * - streak: 连续N年, N years in a row, anchored to no particular years (compared by length only).
   * - implicit: the year was not written (上半年, 前三季度 alone): yearOffset 0 is a default,
   *   and the year may come from an earlier mention in the text instead.
   */
  relative?: { yearOffset?: number; part?: string; span?: number; asOf?: boolean; since?: number; implicit?: boolean; streak?: boolean };
}

/**
 * Period syntax used by observations and claims:
 *   'YYYY'            a calendar year (2023)
 *   'YYYYH1'|'YYYYH2'  half year;  'YYYYQ1-3' first three quarters; 'YYYYQn' one quarter
 *   'YYYY/YYYY'        a span of years (十四五以来 growth 2021/2025, 近3年 2021/2023)
 *   '@YYYY-MM-DD'      a stock or cumulative figure as of a date (目前, 现有, 累计, 已)
 */
export type Period = string;

/** Kinds of measures in the fact base. */
export type MeasureKind =
  | 'count'
  | 'money'
  | 'share' // a share in percent of a whole (全市占比26.5%)
  | 'growth' // a growth rate in percent (同比增长6.9%)
  | 'points' // a change in percentage points
  | 'area'
  | 'length'
  | 'duration'
  | 'year'
  | 'rank' // a position within a group (全市第1, 前两名)
  | 'fraction'
  | 'amount' // a physical amount in a unit of the units table (吨, 千瓦)
  | 'first' // a position in time among things of its kind (全市首家, 第一个)
  | 'edition'; // the number of a recurring event (第四届)

/** A unit as a units table defines it (facts/units.yaml, or a base's `units:` entries). */
export interface UnitDef {
  unit: string;
  dimension: string;
  /** The base unit of the dimension it converts to; the unit itself when omitted. */
  base?: string;
  /** How many base units one unit is (default 1). */
  factor?: number;
  /** Other spellings with the same meaning (平米 for 平方米). */
  aliases?: string[];
  /** Characters that, right after the unit, show it starts a word instead (家 before 长: 家长). */
  notBefore?: string;
}

/** Kinds of statement an observation records; the loader gives `actual` when the file says none. */
export type StatementKind = 'actual' | 'forecast' | 'target' | 'commitment';

/** A district, area or body the facts are about. */
export interface Subject {
  id: string;
  name: string;
  aliases: string[];
  partOf?: string;
  /** false: suggested, not yet reviewed (see FactBase.unreviewed). */
  reviewed?: false;
}

/** A measured quantity of one subject (怀柔科学城's number of science facilities). */
export interface Measure {
  id: string;
  subject: string;
  name: string;
  /** Words writers use for it, used for matching (科学设施, 科技设施, 设施平台). */
  terms: string[];
  /** The unit observations give values in, as sources write it ('个', '亿元', '%', '万平方米'). */
  unit: string;
  kind: MeasureKind;
  /** false: suggested, not yet reviewed (see FactBase.unreviewed). */
  reviewed?: false;
}

/** One value of a measure, as a source states it. */
export interface Observation {
  id: string;
  measure: string;
  /** Value in the measure's unit. */
  value: number;
  /** Upper bound for a range. */
  high?: number;
  qualifier: Qualifier;
  /** The figure exactly as written inside the quote ('40余个', '2.3万人'). */
  figure: string;
  period: Period;
  /** The period phrase as the source writes it (十四五以来, 今年上半年), if any. */
  periodText?: string;
  /** For a rank or a first: the group it is within as the source writes it (全市, 中心城区, 全国; for 之首 the list). */
  group?: string;
  /** Publication date of the source (YYYY-MM-DD); copied from the source when omitted in YAML. */
  published: string;
  source: string;
  /** Verbatim sentence or clause from the source's normalized text. */
  quote: string;
  /**
   * What the source says of the figure: actual, forecast (预计, 有望), target (力争, 计划,
   * 目标, 到2027年) or commitment (将). An actual figure for the same period wins over the others.
   */
  kind: StatementKind;
  /** Observations of the same measure this one disagrees with (kept on purpose). */
  conflictsWith?: string[];
  note?: string;
  /** false: suggested, not yet reviewed (never set on an entry the checker uses). */
  reviewed?: false;
}

/** A person holding titles at a date, as a source states it. */
export interface Role {
  id: string;
  person: string;
  /** Titles as written, split at 、 and ，(怀柔区委副书记, 区长). */
  titles: string[];
  /** Subject id of the organisation the titles belong to. */
  organisation: string;
  asOf: string;
  source: string;
  quote: string;
  /** false: suggested, not yet reviewed (see FactBase.unreviewed). */
  reviewed?: false;
}

/** A normalized source document. */
export interface Source {
  id: string;
  title: string;
  publisher: string;
  published: string;
  eventDate?: string;
  /** Original raw file name. */
  original: string;
  /** Absolute path of the normalized source file. */
  file: string;
  /** Normalized body text (after the front matter). */
  body: string;
  /** Known damage of the original the text keeps (front matter `damage`): the damaged text and a note. */
  damage?: { text: string; note: string }[];
  /** 0-based line in `file` where the body starts. */
  bodyLine: number;
}

/** A figure in a source that is deliberately not an observation, with the reason. */
export interface Exclusion {
  source: string;
  /** Text around the figure, occurring in the source body. */
  context: string;
  /** The figure inside the context. */
  figure: string;
  reason: string;
}

/** Where a fact-base entry was defined, for messages and go-to-definition. */
export interface Origin {
  file: string;
  line: number; // 0-based
  column: number; // 0-based
}

/** The loaded, validated fact base. */
export interface FactBase {
  subjects: Subject[];
  measures: Measure[];
  observations: Observation[];
  roles: Role[];
  sources: Source[];
  exclusions: Exclusion[];
  /** Definition site of every id (subjects, measures, observations, roles, sources). */
  origins: Map<string, Origin>;
  /** The folders it was loaded from. */
  dirs: string[];
  /**
   * Entries marked `reviewed: false` (suggested, not yet accepted): validated, counted
   * for coverage, listed by `facts check`, but left out of the lists above, so the
   * checker does not use them.
   */
  unreviewed?: Unreviewed;
  /** Units its files define (`units:` sections), extending the bundled units table (facts/units.yaml). */
  units?: UnitDef[];
}

/** A fact base's entries not yet reviewed (see FactBase.unreviewed). */
export interface Unreviewed {
  subjects: Subject[];
  measures: Measure[];
  observations: Observation[];
  roles: Role[];
}

/** Finding codes and severities: the table in shared/findingCodes.ts is their one definition. */
import type { FindingCode, Severity } from '../shared/findingCodes';
export type { FindingCode, Severity };

export type ClaimStatus = 'verified' | 'contradicted' | 'outdated' | 'unverified' | 'suppressed';

/** The language of messages (shared/locale.ts parses locale tags). */
import type { Locale } from '../shared/locale';
export type { Locale };

/** A source cited by a finding or a claim. */
export interface Citation {
  id: string;
  title: string;
  publisher: string;
  published: string;
  quote: string;
  /** The figure inside the quote, to highlight. */
  figure?: string;
  /** Normalized source file and the 0-based line of the quote in it. */
  file: string;
  line: number;
}

/** An edit in the analysed text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A claim of the draft and how it was judged. */
export interface CheckedClaim {
  kind: 'quantity' | 'role';
  start: number;
  end: number;
  text: string;
  status: ClaimStatus;
  factId?: string;
  value?: number;
  unit?: string;
  /** Every citation supporting the verdict (for hover on verified claims too). */
  citations: Citation[];
  /** Values of the matched measure by period, for hover. */
  history?: { period: Period; value: string; published: string; source: string }[];
  /** How the claim was read: subject, measure, period (for `explain` and hover). */
  reading?: {
    subject?: string;
    /** Where the subject came from: the claim's clause or sentence, an earlier sentence, a heading, the title; 'outside' when the clause speaks of a place or body the base does not hold. */
    subjectFrom?: string;
    measure?: string;
    /** How the wording establishes the measure's object: named, carried from an earlier clause, generic words only, or another object. */
    identity?: 'named' | 'carried' | 'generic' | 'foreign';
    period?: string;
    quantity?: Quantity;
  };
}

/** A diagnostic-worthy result of checking a claim. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  factId?: string;
  /** The expected value written the way the draft writes numbers. */
  expected?: string;
  citations: Citation[];
  /** The edit a quick fix would apply, when one is unambiguous. */
  fix?: TextEdit;
  /** Index into CheckResult.claims. */
  claim: number;
}

/** Options of one check. */
export interface CheckOptions {
  /**
   * The date (YYYY-MM-DD) a draft is checked as of unless its front matter gives one:
   * the caller's (a setting, or today by node/clock.ts); the core never reads the clock.
   */
  asOf: string;
  locale?: Locale;
  /** Report unverified claims as information findings (default true). */
  reportUnverified?: boolean;
  /**
   * Months after which a source's latest figure no longer decides a figure the draft
   * states without a period (it may have moved since): a different value is then
   * unverified, not wrong. Default 6.
   */
  freshnessMonths?: number;
  /** Claims the writer accepted (the workspace's .factcheck-allow.json): text plus the trimmed content of its line. */
  allow?: readonly { text: string; line: string }[];
}

/** Result of checking one text. */
export interface CheckResult {
  /** The date the draft was checked as of (its front matter's, else options.asOf). */
  asOf: string;
  claims: CheckedClaim[];
  findings: Finding[];
}
