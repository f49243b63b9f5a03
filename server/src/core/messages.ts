/**
 * Finding messages in Chinese and English. Every message is built from the finding's
 * data (measure, values, periods, sources), never from free text of the draft alone.
 */
import type { FindingCode, Locale } from './types';

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
  misattributed: (a) => `${a.claimed}是${a.otherSubject}的${a.measure}，不是${a.subject}的${src(a, true)}`,
  'wrong-role': (a) => `据来源，${a.person}未担任过“${a.title}”；记载的职务为：${a.titles}`,
  arithmetic: (a) => `按文中数字计算，${a.measure}应约为${a.expected}，而非${a.claimed}`,
  'outdated-value': (a) => `${a.measure}已有更新的数据：${a.expected}${src(a, true)}；${a.claimed}出自${a.olderPublished}的来源`,
  'outdated-role': (a) => `截至${a.published}，${a.title}为${a.successor}（${a.publisher}）；${a.person}已不再担任`,
  'qualifier-mismatch': (a) => `修饰词与来源不符：来源为“${a.expected}”，草稿写作“${a.claimed}”${src(a, true)}`,
  inconsistent: (a) => `与第${a.line}行的${a.measure}（${a.expected}）不一致`,
  unverified: (a) => `事实库中没有可以核对“${a.claimed}”的数据`,
};

const EN: Record<FindingCode, Template> = {
  'wrong-value': (a) => `${a.measure ?? 'This figure'} should be ${a.expected}, not ${a.claimed}${src(a, false)}`,
  'wrong-unit': (a) => `Wrong unit: ${a.measure ?? 'the figure'} is ${a.expected}, not ${a.claimed}${src(a, false)}`,
  'wrong-period': (a) =>
    a.expected
      ? `${a.claimed} is the ${a.measure} for ${a.otherPeriod}; for ${a.period} it is ${a.expected}${src(a, false)}`
      : `${a.claimed} is the ${a.measure} for ${a.otherPeriod}, not for ${a.period}${src(a, false)}`,
  misattributed: (a) => `${a.claimed} is the ${a.measure} of ${a.otherSubject}, not of ${a.subject}${src(a, false)}`,
  'wrong-role': (a) => `According to the sources, ${a.person} never held the title “${a.title}”; recorded titles: ${a.titles}`,
  arithmetic: (a) => `From the draft's own numbers, ${a.measure} is about ${a.expected}, not ${a.claimed}`,
  'outdated-value': (a) => `${a.measure} has a newer value: ${a.expected}${src(a, false)}; ${a.claimed} comes from a source of ${a.olderPublished}`,
  'outdated-role': (a) => `As of ${a.published}, the ${a.title} is ${a.successor} (${a.publisher}); ${a.person} no longer holds it`,
  'qualifier-mismatch': (a) => `The approximation contradicts the source: it says “${a.expected}”, the draft “${a.claimed}”${src(a, false)}`,
  inconsistent: (a) => `Inconsistent with the ${a.measure} on line ${a.line} (${a.expected})`,
  unverified: (a) => `No fact in the fact base to verify “${a.claimed}”`,
};

/** The message for a finding code in a locale. */
export function message(code: FindingCode, locale: Locale, args: MessageArgs): string {
  return (locale === 'zh' ? ZH : EN)[code](args);
}
