/**
 * A self-contained HTML page for reviewers: a summary table, then each draft with its
 * claims highlighted by status; hovering or clicking (focusing) a claim shows its
 * findings and the cited source passages. No scripts and no external resources: the
 * Content-Security-Policy allows only the page's own inline style (by hash). Every text
 * from a draft or the fact base is escaped (he).
 */
import { createHash } from 'node:crypto';
import { escape } from 'he';
import type { Citation, ClaimStatus, Severity } from '../../core/types';
import type { FormatContext } from './index';
import type { FileReport, ReportDiagnostic, RunReport } from './report';
import { HTML_STYLE } from './htmlStyle';

const LABELS = {
  en: {
    title: 'Fact check report', asOf: 'as of', file: 'File', claims: 'Claims', verified: 'Verified', errors: 'Errors', warnings: 'Warnings',
    info: 'Information', total: 'Total', findings: 'Findings', none: 'No findings.', expected: 'expected', sources: 'Sources', line: 'Line',
    replaces: (t: string) => ` (replacing “${t}”)`,
    severity: 'Severity', code: 'Code', message: 'Message', legend: 'Hover or click a highlighted figure to see its sources.',
    status: { verified: 'verified', contradicted: 'contradicted', outdated: 'outdated', unverified: 'unverified', suppressed: 'suppressed' } as Record<ClaimStatus, string>,
    sev: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' } as Record<Severity, string>,
  },
  zh: {
    title: '事实核查报告', asOf: '核查日期', file: '文件', claims: '数据', verified: '已核实', errors: '错误', warnings: '警告',
    info: '提示', total: '合计', findings: '问题', none: '未发现问题。', expected: '应为', sources: '来源', line: '位置',
    replaces: (t: string) => `（替换“${t}”）`,
    severity: '级别', code: '代码', message: '说明', legend: '将鼠标移到高亮的数字上或点击它，可查看来源。',
    status: { verified: '已核实', contradicted: '与来源矛盾', outdated: '已过时', unverified: '未核实', suppressed: '已忽略' } as Record<ClaimStatus, string>,
    sev: { error: '错误', warning: '警告', information: '提示', hint: '建议' } as Record<Severity, string>,
  },
};
type Labels = (typeof LABELS)['en'];

const esc = (s: string): string => escape(s);

/** A quote with the cited figure in bold. */
function quoteHtml(c: Citation): string {
  const at = c.figure ? c.quote.indexOf(c.figure) : -1;
  if (at < 0 || !c.figure) return esc(c.quote);
  return `${esc(c.quote.slice(0, at))}<b>${esc(c.figure)}</b>${esc(c.quote.slice(at + c.figure.length))}`;
}

function citationHtml(c: Citation): string {
  return `<li class="cite"><cite>《${esc(c.title)}》</cite> <span class="pub">${esc(c.publisher)} ${esc(c.published)}</span><q>${quoteHtml(c)}</q></li>`;
}

/** The expected value (what the quick fix writes), with the text the fix replaces when that is not the finding's own. */
function expectedHtml(d: ReportDiagnostic, L: Labels): string {
  return d.expected === undefined ? '' : `<b>${esc(d.expected)}</b>${d.replaces !== undefined ? esc(L.replaces(d.replaces)) : ''}`;
}

function diagnosticLine(d: ReportDiagnostic, L: Labels): string {
  const expected = d.expected !== undefined ? ` <span class="expected">${L.expected} ${expectedHtml(d, L)}</span>` : '';
  return `<p class="diag sev-${d.severity}"><span class="badge">${esc(L.sev[d.severity])}</span> <code>${esc(d.code)}</code> ${esc(d.message)}${expected}</p>`;
}

/** A highlighted span of a draft and what its tooltip says. */
interface Mark {
  start: number;
  end: number;
  id: string;
  cls: string;
  tip: string;
}

/** The marks of a file: its claims, and findings not tied to a claim; overlapping later ones are dropped. */
function marksOf(f: FileReport, k: number, L: Labels): Mark[] {
  const marks: Mark[] = [];
  f.claims.forEach((c, i) => {
    const diags = f.diagnostics.filter((d) => d.claim === i);
    const cites = new Map<string, Citation>();
    for (const x of [...diags.flatMap((d) => d.citations), ...c.citations]) cites.set(`${x.id}\0${x.quote}`, x);
    const worst = diags.find((d) => d.severity === 'error') ?? diags.find((d) => d.severity === 'warning') ?? diags[0];
    const head = `<p class="tip-head"><span class="status st-${c.status}">${esc(L.status[c.status])}</span>${c.factId ? ` <code>${esc(c.factId)}</code>` : ''}</p>`;
    const sources = cites.size > 0 ? `<p class="tip-sub">${L.sources}</p><ul class="cites">${[...cites.values()].map(citationHtml).join('')}</ul>` : '';
    marks.push({
      start: c.start,
      end: c.end,
      id: `f${k}-c${i}`,
      cls: `claim st-${c.status}${worst ? ` sev-${worst.severity}` : ''}`,
      tip: head + diags.map((d) => diagnosticLine(d, L)).join('') + sources,
    });
  });
  f.diagnostics.forEach((d, j) => {
    if (d.claim !== undefined) return;
    const sources = d.citations.length > 0 ? `<p class="tip-sub">${L.sources}</p><ul class="cites">${d.citations.map(citationHtml).join('')}</ul>` : '';
    marks.push({ start: d.start, end: d.end, id: `f${k}-d${j}`, cls: `claim finding sev-${d.severity}`, tip: diagnosticLine(d, L) + sources });
  });
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  for (const m of marks) if (m.end > m.start && (kept.length === 0 || m.start >= kept[kept.length - 1].end)) kept.push(m);
  return kept;
}

/** The draft's text with its marks as focusable highlights carrying a tooltip. */
function draftHtml(f: FileReport, marks: Mark[]): string {
  let at = 0;
  let html = '';
  for (const m of marks) {
    html += esc(f.text.slice(at, m.start));
    html += `<mark class="${m.cls}" id="${m.id}" tabindex="0">${esc(f.text.slice(m.start, m.end))}<span class="tip" role="tooltip">${m.tip}</span></mark>`;
    at = m.end;
  }
  return html + esc(f.text.slice(at));
}

function fileSection(f: FileReport, k: number, L: Labels): string {
  const marks = marksOf(f, k, L);
  const markOfClaim = (d: ReportDiagnostic, j: number): string => (d.claim !== undefined ? `f${k}-c${d.claim}` : `f${k}-d${j}`);
  const rows = f.diagnostics
    .map((d, j) => {
      const cite = d.citations[0];
      return `<tr class="sev-${d.severity}"><td><a href="#${markOfClaim(d, j)}">${d.range.start.line + 1}:${d.range.start.character + 1}</a></td><td><span class="badge">${esc(L.sev[d.severity])}</span></td><td><code>${esc(d.code)}</code></td><td>${esc(d.message)}</td><td>${expectedHtml(d, L)}</td><td>${cite ? `《${esc(cite.title)}》 ${esc(cite.published)}` : ''}</td></tr>`;
    })
    .join('\n');
  const table = f.diagnostics.length
    ? `<table class="findings"><thead><tr><th>${L.line}</th><th>${L.severity}</th><th>${L.code}</th><th>${L.message}</th><th>${L.expected}</th><th>${L.sources}</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
    : `<p class="none">${L.none}</p>`;
  return `<section class="file" id="file-${k}">
<h2>${esc(f.path)}</h2>
<p class="meta">${L.asOf} ${esc(f.asOf)}</p>
<h3>${L.findings}</h3>
${table}
<div class="draft">${draftHtml(f, marks)}</div>
</section>`;
}

function summaryTable(report: RunReport, L: Labels): string {
  const count = (f: FileReport, s: Severity): number => f.diagnostics.filter((d) => d.severity === s).length;
  const rows = report.files.map(
    (f, k) =>
      `<tr><td><a href="#file-${k}">${esc(f.path)}</a></td><td>${f.claims.length}</td><td>${f.claims.filter((c) => c.status === 'verified').length}</td><td>${count(f, 'error')}</td><td>${count(f, 'warning')}</td><td>${count(f, 'information') + count(f, 'hint')}</td></tr>`,
  );
  const s = report.summary;
  return `<table class="summary"><thead><tr><th>${L.file}</th><th>${L.claims}</th><th>${L.verified}</th><th>${L.errors}</th><th>${L.warnings}</th><th>${L.info}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody><tfoot><tr><th>${L.total} (${s.files})</th><td>${s.claims}</td><td>${s.verified}</td><td>${s.error}</td><td>${s.warning}</td><td>${s.information + s.hint}</td></tr></tfoot></table>`;
}

/** Renders the report page. */
export function formatHtml(report: RunReport, ctx: FormatContext): string {
  const L = LABELS[ctx.locale];
  const styleHash = createHash('sha256').update(HTML_STYLE).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;
  const legend = (Object.keys(L.status) as ClaimStatus[]).map((s) => `<mark class="legend st-${s}">${esc(L.status[s])}</mark>`).join(' ');
  return `<!doctype html>
<html lang="${ctx.locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${L.title} — ${esc(report.asOf)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header><h1>${L.title}</h1><p class="meta">${L.asOf} ${esc(report.asOf)} · ${legend}</p><p class="meta">${L.legend}</p></header>
${summaryTable(report, L)}
${report.files.map((f, k) => fileSection(f, k, L)).join('\n')}
</body>
</html>
`;
}
