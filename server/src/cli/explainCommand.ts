/**
 * `factcheck explain "句子"`: shows how the engine read a sentence — each claim's
 * quantity (value, unit, qualifier, precision), subject, measure and period — and why
 * it was judged as it was: the matched fact, the findings, the cited sources and the
 * measure's known values. Text for people, or --format json.
 */
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { readDraft, bundledFactsDir, today } from '../node';
import { LineIndex } from '../core';
import type { CheckOptions, CheckResult, CheckedClaim, FactBase, Finding, Locale } from '../core';
import { localeOption, parseDate } from './checkCommand';
import { UsageError } from './errors';
import { checkOne, loadBase } from './workerTask';

/** Usage text of `factcheck explain`. */
export const EXPLAIN_USAGE = `usage: factcheck explain [--facts DIR] [--as-of YYYY-MM-DD] [--freshness MONTHS] [--locale zh-CN|en] [--format text|json] "句子"|FILE[:LINE]…
  "句子"      check the sentence on its own and explain each claim
  FILE:LINE   check the whole draft, as \`factcheck check\` does, and explain the claims of line LINE (1-based; all lines without it):
              the reading the checker uses in the document (subject from a heading or the title, the date of its front matter)`;

const LABELS = {
  en: { sentence: 'sentence', asOf: 'as of', none: 'No claims found: the sentence has no figure or title the checker reads.', number: 'number', subject: 'subject', measure: 'measure', period: 'period', fact: 'fact', finding: 'finding', source: 'source', history: 'known values', expected: 'expected', unknown: '(not determined)', fix: 'quick fix' },
  zh: { sentence: '句子', asOf: '核查日期', none: '未发现可核查的数据：句中没有检查器能识别的数字或职务。', number: '数字', subject: '主体', measure: '指标', period: '时期', fact: '事实', finding: '问题', source: '来源', history: '已知数值', expected: '应为', unknown: '（未确定）', fix: '快速修复' },
};

/** Labels of the rows of a claim's explanation. */
const ROW_LABELS = ['number', 'subject', 'measure', 'period', 'fact', 'finding', 'fix', 'source', 'history'] as const;

/** A subject or measure (given by id or by name) as "怀柔科学城 (huairou-science-city)". */
function named(key: string | undefined, base: FactBase, kind: 'subject' | 'measure', unknown: string): string {
  if (!key) return unknown;
  const list: { id: string; name: string }[] = kind === 'subject' ? base.subjects : base.measures;
  const hits = list.filter((x) => x.id === key || x.name === key);
  return hits.length > 0 ? `${hits[0].name} (${hits.map((h) => h.id).join(', ')})` : key;
}

/** One claim explained, as lines. */
function explainClaim(c: CheckedClaim, n: number, findings: Finding[], base: FactBase, locale: Locale): string[] {
  const L = LABELS[locale];
  const out = [`${n}. ${c.text}  [${c.kind}, ${c.status}]`];
  // Labels of one locale are all full-width (zh) or all ASCII (en): pad with a space of the same width.
  const width = Math.max(...ROW_LABELS.map((k) => L[k].length));
  const row = (label: string, value: string): void => void out.push(`   ${label.padEnd(width, locale === 'zh' ? '\u3000' : ' ')}  ${value}`);
  const q = c.reading?.quantity;
  if (q) {
    const qual = q.qualifier === 'exact' ? 'exact' : `${q.qualifier}${q.qualifierText ? ` (${q.qualifierText})` : ''}`;
    const range = q.high !== undefined ? `${q.value}–${q.high}` : `${q.value}`;
    row(L.number, `${range} ${q.unit || '(no unit)'} [${q.dimension}], written “${q.text}” (${q.form}${q.scaleWord ? `, scale ${q.scaleWord}` : ''}), ${qual}, precision ${q.precision}`);
  } else if (c.value !== undefined) {
    row(L.number, `${c.value}${c.unit ? ` ${c.unit}` : ''}`);
  }
  const from = c.reading?.subjectFrom ? ` [${c.reading.subjectFrom}]` : '';
  row(L.subject, named(c.reading?.subject, base, 'subject', L.unknown) + from);
  row(L.measure, named(c.reading?.measure, base, 'measure', L.unknown) + (c.reading?.identity ? ` [${c.reading.identity}]` : ''));
  row(L.period, c.reading?.period ?? L.unknown);
  if (c.factId) row(L.fact, c.factId);
  for (const f of findings) {
    row(L.finding, `${f.severity} ${f.code}: ${f.message}${f.expected !== undefined ? ` (${L.expected} ${f.expected})` : ''}`);
    if (f.fix) row(L.fix, `“${c.text}” → “${f.fix.newText}”`);
  }
  const cites = new Map([...findings.flatMap((f) => f.citations), ...c.citations].map((x) => [`${x.id}\0${x.quote}`, x]));
  for (const s of cites.values()) row(L.source, `《${s.title}》 ${s.publisher} ${s.published}: “${s.quote}”`);
  if (c.history?.length) row(L.history, c.history.map((h) => `${h.period} ${h.value} (${h.source}, ${h.published})`).join('; '));
  return out;
}

/** The explanation of one sentence's check, as text. */
export function explainText(sentence: string, result: CheckResult, base: FactBase, locale: Locale, requested?: string): string {
  const L = LABELS[locale];
  // A draft's own date (its front matter) wins over the date asked for: say so, or the reader thinks it was ignored.
  const own = requested !== undefined && result.asOf !== requested ? (locale === 'zh' ? '（文稿首部的日期，优先于 --as-of）' : " (the draft's front-matter date, which wins over --as-of)") : '';
  const lines = [`${L.sentence}: ${sentence}`, `${L.asOf}: ${result.asOf}${own}`, ''];
  if (result.claims.length === 0) lines.push(L.none);
  result.claims.forEach((c, i) => {
    lines.push(...explainClaim(c, i + 1, result.findings.filter((f) => f.claim === i), base, locale), '');
  });
  const loose = result.findings.filter((f) => f.claim < 0 || f.claim >= result.claims.length);
  for (const f of loose) lines.push(`${L.finding}: ${f.severity} ${f.code}: ${f.message}`);
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

/** A sentence, or FILE[:LINE] of a draft on disk: the claims of that line as checked in the whole draft. */
function explainTarget(arg: string, base: FactBase, options: CheckOptions): { sentence: string; result: CheckResult } {
  const m = /^([\s\S]*?)(?::(\d+))?$/.exec(arg)!;
  const file = m[1];
  if (!/[\\/.]/.test(file) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return { sentence: arg, result: checkOne(arg, base, options) };
  const read = readDraft(file);
  if (!('text' in read)) throw new UsageError(`${file}: ${'error' in read ? read.error : `not checked: ${read.skipped}`}`);
  const text = read.text;
  const result = checkOne(text, base, options);
  if (!m[2]) return { sentence: file, result };
  const line = Number(m[2]) - 1;
  const index = new LineIndex(text);
  const lines = text.split('\n');
  if (line < 0 || line >= lines.length) throw new UsageError(`${file}:${m[2]}: the draft has ${lines.length} lines`);
  const on = (start: number) => index.positionAt(start).line === line;
  const keep = new Set(result.claims.map((c, i) => (on(c.start) ? i : -1)).filter((i) => i >= 0));
  const renumber = new Map([...keep].map((i, k) => [i, k]));
  return {
    sentence: `${file}:${m[2]}: ${lines[line].replace(/\r$/, '')}`,
    result: {
      asOf: result.asOf,
      claims: result.claims.filter((_, i) => keep.has(i)),
      findings: result.findings.filter((f) => keep.has(f.claim)).map((f) => ({ ...f, claim: renumber.get(f.claim)! })),
    },
  };
}

/** `factcheck explain ARGS…`: resolves to the exit status (0; 2 on bad arguments). */
export async function runExplain(args: string[]): Promise<number> {
  const { values: v, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      facts: { type: 'string', multiple: true },
      'as-of': { type: 'string' },
      freshness: { type: 'string' },
      locale: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help) {
    process.stdout.write(EXPLAIN_USAGE + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`no sentence given\n${EXPLAIN_USAGE}`);
  const format = v.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format ${format}: expected text or json`);
  const locale = v.locale ? localeOption(v.locale) : 'zh';
  const { base } = loadBase(v.facts?.length ? v.facts : [bundledFactsDir()]);
  const freshness = v.freshness !== undefined ? Number(v.freshness) : undefined;
  if (freshness !== undefined && !(Number.isInteger(freshness) && freshness >= 0)) throw new UsageError(`--freshness ${v.freshness}: expected a whole number of months`);
  const options = { asOf: v['as-of'] ? parseDate(v['as-of'], '--as-of') : today(), locale, reportUnverified: true, freshnessMonths: freshness };
  const results = positionals.map((s) => explainTarget(s, base, options));
  const text =
    format === 'json'
      ? JSON.stringify(results.map(({ sentence, result }) => ({ sentence, asOf: result.asOf, claims: result.claims, findings: result.findings })), null, 2) + '\n'
      : results.map(({ sentence, result }) => explainText(sentence, result, base, locale, v['as-of'] ? options.asOf : undefined)).join('\n');
  process.stdout.write(text);
  return 0;
}
