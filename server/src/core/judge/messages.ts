/**
 * Finding messages in Chinese and English. Every message is built from the finding's
 * data (measure, values, periods, sources), never from free text of the draft alone.
 */
import type { FindingCode, Locale } from '../types';

/** What a message may mention. */
export interface MessageArgs {
  measure?: string;
  claimed?: string;
  expected?: string;
  period?: string;
  otherPeriod?: string;
  subject?: string;
  otherSubject?: string;
  publisher?: string;
  published?: string;
  olderPublished?: string;
  person?: string;
  title?: string;
  titles?: string;
  successor?: string;
  line?: number;
  /** For an unverified claim: the figure the sources do give nearby, its period, and the months of freshness. */
  known?: string;
  knownPeriod?: string;
  months?: number;
  /** For misattributed: the draft subject's own figure for the measure, and its source. */
  own?: { value: string; publisher: string; published: string };
}

type Template = (a: MessageArgs) => string;

const src = (a: MessageArgs, zh: boolean) =>
  a.publisher ? (zh ? `（${a.publisher}，${a.published}）` : ` (${a.publisher}, ${a.published})`) : '';

const ZH: Record<FindingCode, Template> = {
  'wrong-value': (a) => `${a.measure ?? '该数据'}应为${a.expected}，而非${a.claimed}${src(a, true)}`,
  'wrong-unit': (a) => `单位有误：${a.measure ?? '该数据'}为${a.expected}，不是${a.claimed}${src(a, true)}`,
  'wrong-period': (a) =>
    a.expected
      ? `${a.claimed}是${a.otherPeriod}的${a.measure}；${a.period}应为${a.expected}${src(a, true)}`
      : `${a.claimed}是${a.otherPeriod}的${a.measure}，不是${a.period}的${src(a, true)}`,
  misattributed: (a) =>
    `${a.claimed}是${a.otherSubject}的${a.measure}，不是${a.subject}的${src(a, true)}` +
    (a.own ? `；${a.subject}为${a.own.value}（${a.own.publisher}，${a.own.published}）` : ''),
  'wrong-role': (a) => `据来源，${a.person}未担任过“${a.title}”；记载的职务为：${a.titles}`,
  arithmetic: (a) => `按文中数字计算，${a.measure}应为${a.expected}，而非${a.claimed}`,
  'outdated-value': (a) => `${a.measure}已有更新的数据：${a.expected}${src(a, true)}；${a.claimed}出自${a.olderPublished}的来源`,
  'outdated-role': (a) => `截至${a.published}，${a.title}为${a.successor}（${a.publisher}）；${a.person}已不再担任`,
  'qualifier-mismatch': (a) => `修饰词与来源不符：来源为“${a.expected}”，草稿写作“${a.claimed}”${src(a, true)}`,
  inconsistent: (a) => `与第${a.line}行的${a.measure}（${a.expected}）不一致`,
  'plan-as-done': (a) => `来源只说${a.period ?? ''}${a.measure}预计或计划为“${a.expected}”，并未报告已经实现${src(a, true)}`,
  unverified: (a) => `事实库中没有可以核对“${a.claimed}”的数据`,
};

const EN: Record<FindingCode, Template> = {
  'wrong-value': (a) => `${a.measure ?? 'This figure'} should be ${a.expected}, not ${a.claimed}${src(a, false)}`,
  'wrong-unit': (a) => `Wrong unit: ${a.measure ?? 'the figure'} is ${a.expected}, not ${a.claimed}${src(a, false)}`,
  'wrong-period': (a) =>
    a.expected
      ? `${a.claimed} is the ${a.measure} for ${a.otherPeriod}; for ${a.period} it is ${a.expected}${src(a, false)}`
      : `${a.claimed} is the ${a.measure} for ${a.otherPeriod}, not for ${a.period}${src(a, false)}`,
  misattributed: (a) =>
    `${a.claimed} is the ${a.measure} of ${a.otherSubject}, not of ${a.subject}${src(a, false)}` +
    (a.own ? `; for ${a.subject} it is ${a.own.value} (${a.own.publisher}, ${a.own.published})` : ''),
  'wrong-role': (a) => `According to the sources, ${a.person} never held the title “${a.title}”; recorded titles: ${a.titles}`,
  arithmetic: (a) => `From the draft's own numbers, ${a.measure} is ${a.expected}, not ${a.claimed}`,
  'outdated-value': (a) => `${a.measure} has a newer value: ${a.expected}${src(a, false)}; ${a.claimed} comes from a source of ${a.olderPublished}`,
  'outdated-role': (a) => `As of ${a.published}, the ${a.title} is ${a.successor} (${a.publisher}); ${a.person} no longer holds it`,
  'qualifier-mismatch': (a) => `The approximation contradicts the source: it says “${a.expected}”, the draft “${a.claimed}”${src(a, false)}`,
  inconsistent: (a) => `Inconsistent with the ${a.measure} on line ${a.line} (${a.expected})`,
  'plan-as-done': (a) => `The sources only forecast or plan “${a.expected}” for the ${a.measure}${a.period ? ` (${a.period})` : ''}; they do not say it was achieved${src(a, false)}`,
  unverified: (a) => `No fact in the fact base to verify “${a.claimed}”`,
};

/** The message for a finding code in a locale. */
export function message(code: FindingCode, locale: Locale, args: MessageArgs): string {
  return (locale === 'zh' ? ZH : EN)[code](args);
}

/** Why an unverified claim's nearby observation does not decide it (see QuantityVerdict.why). */
export type UnverifiedWhy = 'within' | 'bound' | 'forecast' | 'stale' | 'period';

const NOTE_ZH: Record<UnverifiedWhy, Template> = {
  stale: (a) => `无法核实“${a.claimed}”：来源最近一次给出的${a.measure}是${a.known}（${a.publisher}，${a.published}），已超过有效期，数据可能已有变化`,
  forecast: (a) => `无法核实“${a.claimed}”：来源只给出了${a.knownPeriod}${a.measure}的预期或目标“${a.known}”（${a.publisher}，${a.published}），没有实际数据`,
  within: (a) => `“${a.claimed}”与来源的“${a.known}”相符，但来源没有给出确切数值（${a.publisher}，${a.published}）`,
  bound: (a) => `无法核实“${a.claimed}”：来源只给出了约数“${a.known}”（${a.publisher}，${a.published}），没有确切数值`,
  period: (a) => `事实库中没有${a.period ?? '所述时期'}的${a.measure}；来源最近给出的是${a.knownPeriod}的${a.known}（${a.publisher}，${a.published}）`,
};

const NOTE_EN: Record<UnverifiedWhy, Template> = {
  stale: (a) => `Cannot verify “${a.claimed}”: the latest the sources give for the ${a.measure} is ${a.known} (${a.publisher}, ${a.published}), older than the freshness window; it may have changed since`,
  forecast: (a) => `Cannot verify “${a.claimed}”: the sources only give a forecast or target for the ${a.measure} (${a.knownPeriod}): “${a.known}” (${a.publisher}, ${a.published}), no actual figure`,
  within: (a) => `“${a.claimed}” is consistent with the source's “${a.known}”, but the sources give no exact figure (${a.publisher}, ${a.published})`,
  bound: (a) => `Cannot verify “${a.claimed}”: the sources give only the approximate “${a.known}” (${a.publisher}, ${a.published}), no exact figure`,
  period: (a) => `The fact base has no ${a.measure} for ${a.period ?? 'the stated period'}; the latest the sources give is ${a.known} for ${a.knownPeriod} (${a.publisher}, ${a.published})`,
};

/** The message of a cumulative total below one the sources had already reached (wrong whatever the draft's date). */
export function belowReached(locale: Locale, a: MessageArgs): string {
  return locale === 'zh'
    ? `${a.measure}是累计数，截至${a.published}已达${a.known}（${a.publisher}），不会少于此数；草稿写作${a.claimed}`
    : `The ${a.measure} is a cumulative total that had already reached ${a.known} by ${a.published} (${a.publisher}); it cannot be lower, as the draft's ${a.claimed} is`;
}

/** The message of an unverified claim that says what the sources do give nearby. */
export function unverifiedNote(why: UnverifiedWhy, locale: Locale, args: MessageArgs): string {
  return (locale === 'zh' ? NOTE_ZH : NOTE_EN)[why](args);
}
