/**
 * One description per finding code, for SARIF rules, the HTML legend and explain.
 * The wording follows the README's finding-code table.
 */
import type { FindingCode, Severity } from '../../core/types';

/** What a finding code means and its default severity. */
export interface RuleInfo {
  code: FindingCode;
  /** PascalCase name (SARIF rule name). */
  name: string;
  severity: Severity;
  /** One line, English. */
  summary: string;
  /** What to do about it, English. */
  help: string;
  /** One line, Chinese. */
  summaryZh: string;
}

/** Every finding code, in the README's order. */
export const RULES: readonly RuleInfo[] = [
  { code: 'wrong-value', name: 'WrongValue', severity: 'error', summary: 'The value contradicts every known observation of the matched fact.', help: 'Replace the figure with the value the cited source gives, or cite a source for yours.', summaryZh: '数值与该事实的所有已知记录都不符' },
  { code: 'wrong-unit', name: 'WrongUnit', severity: 'error', summary: 'Right number, wrong unit or scale (% for 个百分点, 万元 for 亿元, 平方公里 for 平方米).', help: 'Keep the number and write the unit the source uses.', summaryZh: '数字正确，但单位或量级错误' },
  { code: 'wrong-period', name: 'WrongPeriod', severity: 'error', summary: "The value belongs to another period of the same fact (2023's figure given as 2024's).", help: 'Give the figure of the period the sentence names, or change the period.', summaryZh: '数值属于同一指标的另一时期' },
  { code: 'misattributed', name: 'MisattributedFigure', severity: 'error', summary: "The value belongs to the same measure of another subject (海淀's figure given for 怀柔).", help: 'Attribute the figure to the subject it belongs to, or give this subject’s figure.', summaryZh: '数值属于另一主体的同一指标' },
  { code: 'wrong-role', name: 'WrongRole', severity: 'error', summary: 'The person never held the stated title in any source.', help: 'Check the person’s title against the cited sources.', summaryZh: '此人在任何来源中都未担任该职务' },
  { code: 'arithmetic', name: 'ArithmeticError', severity: 'error', summary: "A share, sum or ratio stated in the draft does not follow from the draft's own numbers.", help: 'Recompute the share, sum or ratio from the figures the draft gives.', summaryZh: '文中的占比、合计或比例与文中自身数字不符' },
  { code: 'outdated-value', name: 'OutdatedValue', severity: 'warning', summary: 'The value was right once; a newer observation (as of the draft’s date) differs.', help: 'Use the newer figure, or name the period the old figure belongs to.', summaryZh: '数值曾经正确，但已有更新的数据' },
  { code: 'outdated-role', name: 'OutdatedRole', severity: 'warning', summary: 'The person held the title once; as of the draft’s date someone else holds it.', help: 'Name the current holder, or date the statement.', summaryZh: '此人曾任该职，但截至文稿日期已由他人担任' },
  { code: 'qualifier-mismatch', name: 'QualifierMismatch', severity: 'warning', summary: 'The approximation word contradicts the source (近 vs 余/超过).', help: 'Use the approximation word the source supports.', summaryZh: '约数用词与来源矛盾（近 与 余/超过）' },
  { code: 'inconsistent', name: 'InconsistentFigures', severity: 'warning', summary: 'The draft states the same measure twice with different values.', help: 'Make the two statements agree.', summaryZh: '文中对同一指标给出了不同数值' },
  { code: 'unverified', name: 'UnverifiedClaim', severity: 'information', summary: 'A quantitative claim that matches nothing in the fact base.', help: 'Add the fact to the fact base with its source, or check the figure by hand.', summaryZh: '事实库中没有与之对应的数据' },
];
