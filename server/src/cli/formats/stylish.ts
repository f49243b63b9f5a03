/**
 * The stylish report, for people: findings grouped by file, one line each
 * (line:column, severity, message, code), then per finding the expected value (what its
 * quick fix writes, with the text it replaces when that is not the finding's own) and its
 * sources, and a closing summary. Colour (picocolors) only when the context asks for it.
 */
import { createColors } from 'picocolors';
import type { Citation, Severity } from '../../core';
import type { FormatContext } from './index';
import type { RunReport } from '../../report/model';
import { printable } from '../printable';

const LABELS = {
  en: { replaces: (t: string) => ` (replacing “${t}”)`, expected: 'expected', source: 'source', problems: 'problems', claims: 'claims', verified: 'verified', files: 'files', clean: 'no problems', error: 'errors', warning: 'warnings', information: 'info', hint: 'hints' },
  zh: { replaces: (t: string) => `（替换“${t}”）`, expected: '应为', source: '来源', problems: '个问题', claims: '处数据', verified: '已核实', files: '个文件', clean: '未发现问题', error: '错误', warning: '警告', information: '提示', hint: '建议' },
};

/** Severity words of finding lines, in English whatever the locale: the $factcheck problem matcher reads them. */
const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/** Longest quote shown, in characters. */
const MAX_QUOTE = 120;

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text;
}

/** "《title》 publisher published: “quote”" */
function citationLine(c: Citation): string {
  return printable(`《${c.title}》 ${c.publisher} ${c.published}: “${shorten(c.quote.replace(/\s+/g, ' '), MAX_QUOTE)}”`);
}

/** Renders the stylish report. */
export function formatStylish(report: RunReport, ctx: FormatContext): string {
  const c = createColors(ctx.color);
  const L = LABELS[ctx.locale];
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, information: c.blue, hint: c.dim };
  const out: string[] = [];
  for (const f of report.files) {
    if (f.diagnostics.length === 0) continue;
    out.push(c.underline(printable(f.path)));
    const width = Math.max(...f.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`.length));
    const sevWidth = Math.max(...f.diagnostics.map((d) => SEVERITY_WORD[d.severity].length));
    // Finding lines come first, one after the other, so the $factcheck problem matcher's
    // loop reads them all; the expected values and sources follow as a block.
    for (const d of f.diagnostics) {
      const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`.padEnd(width);
      const sev = paint[d.severity](SEVERITY_WORD[d.severity].padEnd(sevWidth));
      out.push(`  ${c.dim(pos)}  ${sev}  ${printable(d.message)}  ${c.dim(d.code)}`);
    }
    for (const d of f.diagnostics) {
      if (d.expected === undefined && d.citations.length === 0) continue;
      const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`.padEnd(width);
      const head = `    ${c.dim('┆')} ${c.dim(pos)}  `;
      const cont = `    ${c.dim('┆')} ${' '.repeat(width)}  `;
      const lines: string[] = [];
      if (d.expected !== undefined) lines.push(`${L.expected} ${c.bold(printable(d.expected))}${d.replaces !== undefined ? printable(L.replaces(d.replaces)) : ''}`);
      for (const s of d.citations) lines.push(c.dim(`${L.source} ${citationLine(s)}`));
      lines.forEach((l, k) => out.push((k === 0 ? head : cont) + l));
    }
    out.push('');
  }
  const s = report.summary;
  const found = s.error + s.warning + s.information + s.hint;
  const counts = (['error', 'warning', 'information', 'hint'] as const).filter((k) => s[k] > 0).map((k) => `${s[k]} ${L[k]}`);
  const tail = `${s.files} ${L.files}, ${s.claims} ${L.claims}, ${s.verified} ${L.verified}`;
  if (found === 0) out.push(c.green(`✔ ${L.clean} (${tail})`));
  else {
    const mark = s.error > 0 ? c.red('✖') : s.warning > 0 ? c.yellow('⚠') : c.blue('ℹ');
    out.push(`${mark} ${found} ${L.problems} (${counts.join(', ')}) · ${tail}`);
  }
  return out.join('\n') + '\n';
}
