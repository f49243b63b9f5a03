/**
 * The language server's own user-facing strings in Chinese and English. The locale is
 * chosen once from initialize's `locale` (zh-* → Chinese, anything else → English).
 * `{0}` is the first argument; `{0?one|other}` is `one` when it is 1, else `other`
 * (English plurals: "1 error", "2 errors").
 */
import type { ClaimStatus, FindingCode, Locale } from '../core';

const MESSAGES = {
  'status.verified': ['已核实', 'Verified'],
  'status.contradicted': ['与来源不符', 'Contradicted by the sources'],
  'status.outdated': ['已过时', 'Outdated'],
  'status.unverified': ['事实库中未找到', 'Not in the fact base'],
  'status.suppressed': ['已忽略（不检查）', 'Suppressed (not checked)'],
  'hover.fact': ['事实', 'Fact'],
  'hover.expected': ['应为', 'Expected'],
  'hover.history': ['各时期数值', 'Values by period'],
  'hover.period': ['时期', 'Period'],
  'hover.value': ['数值', 'Value'],
  'hover.published': ['发布', 'Published'],
  'hover.source': ['来源', 'Source'],
  'hover.sources': ['来源', 'Sources'],
  'hover.open': ['打开原文第 {0} 行', 'Open the source at line {0}'],
  'hover.ownValue': ['{0}的{1}', '{1} of {0}'],
  'action.replace': ['改为“{0}”', 'Replace with “{0}”'],
  'action.latest': ['更新为最新数值“{0}”', 'Update to the latest value “{0}”'],
  'action.holder': ['改为现任者“{0}”', 'Name the current holder “{0}”'],
  'action.unit': ['改正单位：“{0}”', 'Fix the unit: “{0}”'],
  'action.role': ['改正职务：“{0}”', 'Correct the title: “{0}”'],
  'action.cite': ['插入引用：{0}（{1}）', 'Insert a citation: {0} ({1})'],
  'action.suppress': ['本行不检查（插入 factcheck-disable-next-line 注释）', 'Suppress fact checking for this line (factcheck-disable-next-line)'],
  'action.accept': ['接受“{0}”（加入 .factcheck-allow.json）', 'Accept “{0}” (add it to .factcheck-allow.json)'],
  'action.fixAll': ['修正全部可确定的事实错误（{0} 处）', 'Fix all unambiguous fact errors ({0})'],
  'base.loaded': ['事实库已加载：{0} 条数据，{1} 篇来源', 'Fact base loaded: {0} {0?fact|facts}, {1} {1?source|sources}'],
  'base.loadedWithWarnings': ['事实库已加载：{0} 条数据，{1} 篇来源，{2} 条警告', 'Fact base loaded: {0} {0?fact|facts}, {1} {1?source|sources}, {2} {2?warning|warnings}'],
  'base.broken': ['事实库有 {0} 处错误，出错的条目未使用（首个：{1}）', 'The fact base has {0} {0?error|errors}; the broken entries are left out (first: {1})'],
  'base.keptLastGood': ['事实库有 {0} 处错误，继续使用 {1} 加载的上一版（首个错误：{2}）', 'The fact base has {0} {0?error|errors}; still using the last good version loaded at {1} (first error: {2})'],
  'base.failed': ['无法加载事实库：{0}', 'Cannot load the fact base: {0}'],
  'check.failed': ['检查 {0} 时出错：{1}', 'Checking {0} failed: {1}'],
  'accept.failed': ['无法写入 {0}：{1}', 'Cannot write {0}: {1}'],
  'report.notDraft': ['{0} 不是文稿（只有 factcheck.languages 所列语言的文档，且不属于事实库，才会核查）', '{0} is not a draft (only documents of the languages in factcheck.languages that are not part of the fact base are checked)'],
} as const;

/** Id of a server message. */
export type MessageId = keyof typeof MESSAGES;

/** A message in the locale with {0}, {1}… replaced by the arguments. */
export function t(locale: Locale, id: MessageId, ...args: (string | number)[]): string {
  const template: string = MESSAGES[id][locale === 'zh' ? 0 : 1];
  return template.replace(/\{(\d+)(?:\?([^|{}]*)\|([^{}]*))?\}/g, (m, i: string, one?: string, other?: string) => {
    const arg = args[Number(i)];
    if (arg === undefined) return m;
    if (one === undefined) return String(arg);
    return Number(arg) === 1 ? one : (other ?? '');
  });
}

/** The verdict label of a claim status. */
export function statusLabel(locale: Locale, status: ClaimStatus): string {
  return t(locale, `status.${status}` as MessageId);
}

/** The action title for applying a finding's fix, worded after the finding's code. */
export function fixTitle(locale: Locale, code: FindingCode, newText: string): string {
  if (code === 'outdated-role') return t(locale, 'action.holder', newText);
  if (code === 'outdated-value') return t(locale, 'action.latest', newText);
  if (code === 'wrong-unit') return t(locale, 'action.unit', newText);
  if (code === 'wrong-role') return t(locale, 'action.role', newText);
  return t(locale, 'action.replace', newText);
}
