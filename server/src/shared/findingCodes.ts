/**
 * The one table of finding codes: each code's default severity, the verdict a claim with
 * it gets, its labels in Chinese and English, what it means (the README's finding-code
 * table and the SARIF rules are this text) and its documentation anchor. The engine, every
 * output format, the language server, the VS Code client and the docs read it from here.
 *
 * Pure data: this module imports nothing but a type, so the client and protocol.ts can
 * use it without loading the engine or its libraries.
 *
 * Adding a code is one entry here plus its message text (core/judge/messages.ts); a unit test
 * (test/unit/findingCodes.test.ts) fails until package.json's factcheck.severity enum, the
 * README's table and the configuration schema list it too.
 */
import type { Locale } from './locale';

/** Every severity, most severe first, as LSP names them. */
export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

/** Severity of a finding. */
export type Severity = (typeof SEVERITIES)[number];

/** What a severity setting may say: a severity, or "off" to drop the code. */
export const SEVERITY_SETTINGS = [...SEVERITIES, 'off'] as const;

/** A severity setting. */
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

/** What a finding code says about its claim: contradicted by the sources, outdated, or not confirmed. */
export type CodeVerdict = 'contradicted' | 'outdated' | 'unverified';

/** One finding code. */
export interface FindingCodeInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly verdict: CodeVerdict;
  /** A short name for people, in Chinese and English ("数值错误", "Wrong value"). */
  readonly label: { readonly zh: string; readonly en: string };
  /** What it means, one English sentence (README table, SARIF rule). */
  readonly summary: string;
  /** What it means, in Chinese (SARIF rule, HTML report). */
  readonly summaryZh: string;
  /** What to do about it, in English (SARIF help). */
  readonly help: string;
  /** PascalCase name (SARIF rule name). */
  readonly name: string;
}

/** Every finding code, in the order the docs list them (errors, then warnings, then information). */
export const FINDING_CODE_TABLE = [
  { code: 'wrong-value', severity: 'error', verdict: 'contradicted', name: 'WrongValue', label: { zh: '数值错误', en: 'Wrong value' }, summary: 'The value contradicts every known observation of the matched fact.', summaryZh: '数值与该事实的所有已知记录都不符', help: 'Replace the figure with the value the cited source gives, or cite a source for yours.' },
  { code: 'wrong-unit', severity: 'error', verdict: 'contradicted', name: 'WrongUnit', label: { zh: '单位错误', en: 'Wrong unit' }, summary: 'Right number, wrong unit or scale (% for 个百分点, 万元 for 亿元, 平方公里 for 平方米).', summaryZh: '数字正确，但单位或量级错误', help: 'Keep the number and write the unit the source uses.' },
  { code: 'wrong-period', severity: 'error', verdict: 'contradicted', name: 'WrongPeriod', label: { zh: '时期错误', en: 'Wrong period' }, summary: "The value belongs to another period of the same fact (2023's figure given as 2024's).", summaryZh: '数值属于同一指标的另一时期', help: 'Give the figure of the period the sentence names, or change the period.' },
  { code: 'misattributed', severity: 'error', verdict: 'contradicted', name: 'MisattributedFigure', label: { zh: '主体错误', en: 'Misattributed figure' }, summary: "The value belongs to the same measure of another subject (海淀's figure given for 怀柔).", summaryZh: '数值属于另一主体的同一指标', help: 'Attribute the figure to the subject it belongs to, or give this subject’s figure.' },
  { code: 'wrong-role', severity: 'error', verdict: 'contradicted', name: 'WrongRole', label: { zh: '职务错误', en: 'Wrong title' }, summary: 'The person never held the stated title in any source.', summaryZh: '此人在任何来源中都未担任该职务', help: 'Check the person’s title against the cited sources.' },
  { code: 'arithmetic', severity: 'error', verdict: 'contradicted', name: 'ArithmeticError', label: { zh: '计算错误', en: 'Arithmetic error' }, summary: "A share, sum or ratio stated in the draft does not follow from the draft's own numbers.", summaryZh: '文中的占比、合计或比例与文中自身数字不符', help: 'Recompute the share, sum or ratio from the figures the draft gives.' },
  { code: 'outdated-value', severity: 'warning', verdict: 'outdated', name: 'OutdatedValue', label: { zh: '数据过时', en: 'Outdated value' }, summary: 'The value was right once; a newer observation (as of the draft’s date) differs.', summaryZh: '数值曾经正确，但已有更新的数据', help: 'Use the newer figure, or name the period the old figure belongs to.' },
  { code: 'outdated-role', severity: 'warning', verdict: 'outdated', name: 'OutdatedRole', label: { zh: '任职过时', en: 'Outdated title holder' }, summary: 'The person held the title once; as of the draft’s date someone else holds it.', summaryZh: '此人曾任该职，但截至文稿日期已由他人担任', help: 'Name the current holder, or date the statement.' },
  { code: 'qualifier-mismatch', severity: 'warning', verdict: 'contradicted', name: 'QualifierMismatch', label: { zh: '约数用词不符', en: 'Qualifier mismatch' }, summary: 'The approximation word contradicts the source (近 vs 余/超过).', summaryZh: '约数用词与来源矛盾（近 与 余/超过）', help: 'Use the approximation word the source supports.' },
  { code: 'inconsistent', severity: 'warning', verdict: 'contradicted', name: 'InconsistentFigures', label: { zh: '前后不一致', en: 'Inconsistent' }, summary: 'The draft states the same measure twice with different values.', summaryZh: '文中对同一指标给出了不同数值', help: 'Make the two statements agree.' },
  { code: 'plan-as-done', severity: 'warning', verdict: 'contradicted', name: 'PlanAsDone', label: { zh: '计划写成已完成', en: 'Plan stated as done' }, summary: 'The draft states as achieved what the sources only forecast, plan or promise (有望, 计划, 将).', summaryZh: '把来源中的预期、计划或承诺写成了已实现', help: 'Write it as the forecast or plan the source states, or cite a source that reports it achieved.' },
  { code: 'unverified', severity: 'information', verdict: 'unverified', name: 'UnverifiedClaim', label: { zh: '未核实', en: 'Unverified' }, summary: 'A quantitative claim the fact base cannot confirm: nothing matches it, or the sources speak of another measure, scope, period or kind (a forecast); the message says what the sources do give.', summaryZh: '事实库无法确认的数量表述：没有对应数据，或来源说的是另一指标、口径、时期或性质（预期）；提示中会说明来源给出的数据', help: 'Add the fact to the fact base with its source, or check the figure by hand.' },
] as const satisfies readonly FindingCodeInfo[];

/** A finding code. */
export type FindingCode = (typeof FINDING_CODE_TABLE)[number]['code'];

/** Every finding code, in the table's order. */
export const FINDING_CODES: readonly FindingCode[] = FINDING_CODE_TABLE.map((c) => c.code);

const BY_CODE = new Map<string, FindingCodeInfo>(FINDING_CODE_TABLE.map((c) => [c.code, c]));

/** True for a string that is a finding code. */
export function isFindingCode(code: string): code is FindingCode {
  return BY_CODE.has(code);
}

/** The table's entry of a code. */
export function codeInfo(code: FindingCode): FindingCodeInfo {
  const info = BY_CODE.get(code);
  if (!info) throw new Error(`unknown finding code ${code}`);
  return info;
}

/** The label of a code in a locale ("数值错误", "Wrong value"). */
export function codeLabel(code: FindingCode, locale: Locale): string {
  return codeInfo(code).label[locale];
}

/** The anchor of a code's row in the README's finding-code table (append to the README's address after '#'). */
export function codeAnchor(code: FindingCode): string {
  return code;
}

/** Severity settings by code (factcheck.severity, the configuration file's severity). */
export type SeverityOverrides = Partial<Record<FindingCode, SeveritySetting>>;

/**
 * The severity a finding of `code` is reported with: the override for its code when it
 * names a severity, undefined when the override is "off", else `fallback` (the finding's
 * own severity; the code's default when not given). Unknown override values are ignored.
 */
export function effectiveSeverity(code: FindingCode, overrides: Readonly<Record<string, unknown>> | undefined, fallback?: Severity): Severity | undefined {
  const o = overrides?.[code];
  if (o === 'off') return undefined;
  if (typeof o === 'string' && (SEVERITIES as readonly string[]).includes(o)) return o as Severity;
  return fallback ?? codeInfo(code).severity;
}
