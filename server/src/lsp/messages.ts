/**
 * The language server's own user-facing strings in Chinese and English. The locale is
 * chosen once from initialize's `locale` (zh-* → Chinese, anything else → English).
 */
import type { ClaimStatus, FindingCode, Locale } from '../core/types';

const MESSAGES = {
  'status.verified': ['已核实', 'Verified'],
  'status.contradicted': ['与来源不符', 'Contradicted by the sources'],
  'status.outdated': ['已过时', 'Outdated'],
  'status.unverified': ['事实库中未找到', 'Not in the fact base'],
  'status.suppressed': ['已忽略（不检查）', 'Suppressed (not checked)'],
  'hover.claim': ['说法', 'Claim'],
  'hover.fact': ['事实', 'Fact'],
  'hover.expected': ['应为', 'Expected'],
  'hover.history': ['各时期数值', 'Values by period'],
  'hover.period': ['时期', 'Period'],
  'hover.value': ['数值', 'Value'],
  'hover.published': ['发布', 'Published'],
  'hover.source': ['来源', 'Source'],
  'hover.sources': ['来源', 'Sources'],
  'hover.open': ['打开原文第 {0} 行', 'Open the source at line {0}'],
  'action.replace': ['改为“{0}”', 'Replace with “{0}”'],
  'action.latest': ['更新为最新数值“{0}”', 'Update to the latest value “{0}”'],
  'action.unit': ['改正单位：“{0}”', 'Fix the unit: “{0}”'],
  'action.role': ['改正职务：“{0}”', 'Correct the title: “{0}”'],
  'action.cite': ['插入引用：{0}（{1}）', 'Insert a citation: {0} ({1})'],
  'action.suppress': ['本行不检查（插入 factcheck-disable-next-line 注释）', 'Suppress fact checking for this line (factcheck-disable-next-line)'],
  'action.accept': ['接受“{0}”（加入 .factcheck-allow.json）', 'Accept “{0}” (add it to .factcheck-allow.json)'],
  'action.fixAll': ['修正全部可确定的事实错误（{0} 处）', 'Fix all unambiguous fact errors ({0})'],
  'base.loaded': ['事实库已加载：{0} 条数据，{1} 篇来源', 'Fact base loaded: {0} observations, {1} sources'],
  'base.loadedWithWarnings': ['事实库已加载：{0} 条数据，{1} 篇来源，{2} 条警告', 'Fact base loaded: {0} observations, {1} sources, {2} warnings'],
  'base.broken': ['事实库有 {0} 处错误，出错的条目未使用（首个：{1}）', 'The fact base has {0} errors; the broken entries are left out (first: {1})'],
  'base.keptLastGood': ['事实库有 {0} 处错误，继续使用 {1} 加载的上一版（首个错误：{2}）', 'The fact base has {0} errors; still using the last good version loaded at {1} (first error: {2})'],
  'base.failed': ['无法加载事实库：{0}', 'Cannot load the fact base: {0}'],
  'check.failed': ['检查 {0} 时出错：{1}', 'Checking {0} failed: {1}'],
  'accept.failed': ['无法写入 {0}：{1}', 'Cannot write {0}: {1}'],
  'report.title': ['事实核查报告：{0}', 'Fact check report: {0}'],
  'report.asOf': ['核查基准日期：{0}', 'Checked as of: {0}'],
  'report.summary': ['共 {0} 处数据：已核实 {1}，不符 {2}，过时 {3}，未核实 {4}，忽略 {5}', '{0} claims: {1} verified, {2} wrong, {3} outdated, {4} unverified, {5} suppressed'],
  'report.findings': ['问题', 'Findings'],
  'report.none': ['未发现问题。', 'No findings.'],
  'report.line': ['行', 'Line'],
  'report.severity': ['级别', 'Severity'],
  'report.code': ['代码', 'Code'],
  'report.message': ['说明', 'Message'],
  'report.claims': ['全部数据', 'All claims'],
  'report.status': ['结论', 'Verdict'],
  'severity.error': ['错误', 'error'],
  'severity.warning': ['警告', 'warning'],
  'severity.information': ['提示', 'information'],
  'severity.hint': ['建议', 'hint'],
} as const;

/** Id of a server message. */
export type MessageId = keyof typeof MESSAGES;

/** The locale of an initialize request's `locale` field. */
export function localeOf(clientLocale: string | undefined | null): Locale {
  return clientLocale && /^zh\b/i.test(clientLocale) ? 'zh' : 'en';
}

/** A message in the locale with {0}, {1}… replaced by the arguments. */
export function t(locale: Locale, id: MessageId, ...args: (string | number)[]): string {
  const template: string = MESSAGES[id][locale === 'zh' ? 0 : 1];
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

/** The verdict label of a claim status. */
export function statusLabel(locale: Locale, status: ClaimStatus): string {
  return t(locale, `status.${status}` as MessageId);
}

/** The action title for applying a finding's fix, worded after the finding's code. */
export function fixTitle(locale: Locale, code: FindingCode, newText: string): string {
  if (code === 'outdated-value' || code === 'outdated-role') return t(locale, 'action.latest', newText);
  if (code === 'wrong-unit') return t(locale, 'action.unit', newText);
  if (code === 'wrong-role') return t(locale, 'action.role', newText);
  return t(locale, 'action.replace', newText);
}
