/**
 * A self-contained HTML page for reviewers (`factcheck check --format html`, and the
 * editor's report view): a summary table whose counts link to the findings, then each
 * draft with its findings table and its text, claims highlighted by status; hovering or
 * clicking (focusing) a claim shows its findings and the cited source passages. Each
 * draft links back to the summary. Finding codes show their localized label with the
 * code beside it. No scripts and no external resources: the Content-Security-Policy
 * allows only the page's own inline style (by hash). Every text from a draft or the fact
 * base is escaped (he).
 */
import { createHash } from 'node:crypto';
import { escape } from 'he';
import type { Citation, ClaimStatus, Locale, Severity } from '../core';
import { codeLabel, type FindingCode } from '../shared/findingCodes';
import type { FileReport, ReportDiagnostic, RunReport } from './model';
import { HTML_STYLE } from './htmlStyle';

const LABELS = {
  en: {
    title: 'Fact check report', asOf: 'as of', file: 'File', claims: 'Claims', verified: 'Verified', errors: 'Errors', warnings: 'Warnings',
    info: 'Information', total: 'Total', findings: 'Findings', none: 'No findings.', expected: 'expected', expectedHead: 'Expected', sources: 'Sources', line: 'Line',
    replaces: (t: string) => ` (replacing “${t}”)`,
    severity: 'Severity', finding: 'Finding', message: 'Message', legend: 'Hover or click a highlighted figure to see its sources.',
    summary: 'Summary', back: '↑ Back to the summary', draft: 'Text',
    status: { verified: 'verified', contradicted: 'contradicted', outdated: 'outdated', unverified: 'unverified', suppressed: 'suppressed' } as Record<ClaimStatus, string>,
    sev: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' } as Record<Severity, string>,
  },
  zh: {
    title: '事实核查报告', asOf: '核查日期', file: '文件', claims: '数据', verified: '已核实', errors: '错误', warnings: '警告',
    info: '提示', total: '合计', findings: '问题', none: '未发现问题。', expected: '应为', expectedHead: '应为', sources: '来源', line: '位置',
    replaces: (t: string) => `（替换“${t}”）`,
    severity: '级别', finding: '问题类型', message: '说明', legend: '将鼠标移到高亮的数字上或点击它，可查看来源。',
    summary: '汇总', back: '↑ 返回汇总', draft: '正文',
    status: { verified: '已核实', contradicted: '与来源矛盾', outdated: '已过时', unverified: '未核实', suppressed: '已忽略' } as Record<ClaimStatus, string>,
    sev: { error: '错误', warning: '警告', information: '提示', hint: '建议' } as Record<Severity, string>,
  },
};
type Labels = (typeof LABELS)['en'] & { locale: Locale };

/** Options of the page. */
export interface HtmlOptions {
  /** Language of the labels (messages come from the engine in this language). */
  locale: Locale;
}

const esc = (s: string): string => escape(s);

/** A finding code as a reader sees it: the localized label, the code beside it. */
function codeHtml(code: FindingCode, L: Labels): string {
  return `<span class="code-label">${esc(codeLabel(code, L.locale))}</span> <code>${esc(code)}</code>`;
}

/** A quote with the cited figure in bold. */
function quoteHtml(c: Citation): string {
  const at = c.figure ? c.quote.indexOf(c.figure) : -1;
  if (at < 0 || !c.figure) return esc(c.quote);
  return `${esc(c.quote.slice(0, at))}<b>${esc(c.figure)}</b>${esc(c.quote.slice(at + c.figure.length))}`;
}

function citationHtml(c: Citation): string {
  return `<li class="cite"><cite>《${esc(c.title)}》</cite> <span class="pub">${esc(c.publisher)} ${esc(c.published)}</span><q>${quoteHtml(c)}</q></li>`;
}

/** Citations once each (a source quoted twice for one claim is listed once per quote). */
function uniqueCitations(cs: readonly Citation[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const c of cs) if (!seen.has(`${c.id}\0${c.quote}`)) seen.set(`${c.id}\0${c.quote}`, c);
  return [...seen.values()];
}

function sourcesHtml(cs: readonly Citation[], L: Labels): string {
  return cs.length > 0 ? `<p class="tip-sub">${L.sources}</p><ul class="cites">${uniqueCitations(cs).map(citationHtml).join('')}</ul>` : '';
}


/** The expected value (what the quick fix writes), with the text the fix replaces when that is not the finding's own. */
function expectedHtml(d: ReportDiagnostic, L: Labels): string {
  return d.expected === undefined ? '' : `<b>${esc(d.expected)}</b>${d.replaces !== undefined ? esc(L.replaces(d.replaces)) : ''}`;
}
function diagnosticLine(d: ReportDiagnostic, L: Labels): string {
  const expected = d.expected !== undefined ? ` <span class="expected">${L.expected} ${expectedHtml(d, L)}</span>` : '';
  return `<p class="diag sev-${d.severity}"><span class="badge">${esc(L.sev[d.severity])}</span> ${codeHtml(d.code, L)} ${esc(d.message)}${expected}</p>`;
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
    const worst = diags.find((d) => d.severity === 'error') ?? diags.find((d) => d.severity === 'warning') ?? diags[0];
    const head = `<p class="tip-head"><span class="status st-${c.status}">${esc(L.status[c.status])}</span>${c.factId ? ` <code>${esc(c.factId)}</code>` : ''}</p>`;
    marks.push({
      start: c.start,
      end: c.end,
      id: `f${k}-c${i}`,
      cls: `claim st-${c.status}${worst ? ` sev-${worst.severity}` : ''}`,
      tip: head + diags.map((d) => diagnosticLine(d, L)).join('') + sourcesHtml([...diags.flatMap((d) => d.citations), ...c.citations], L),
    });
  });
  f.diagnostics.forEach((d, j) => {
    if (d.claim !== undefined) return;
    marks.push({ start: d.start, end: d.end, id: `f${k}-d${j}`, cls: `claim finding sev-${d.severity}`, tip: diagnosticLine(d, L) + sourcesHtml(d.citations, L) });
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

/** Id of the first findings row of a severity in file k (the summary's counts link there). */
const firstOf = (k: number, sev: Severity | 'info'): string => `file-${k}-first-${sev}`;
/** The summary's column of a severity: information and hint are counted together. */
const columnOf = (s: Severity): Severity | 'info' => (s === 'information' || s === 'hint' ? 'info' : s);

function findingsTable(f: FileReport, k: number, marks: Mark[], L: Labels): string {
  if (!f.diagnostics.length) return `<p class="none">${L.none}</p>`;
  const firsts = new Set<string>();
  const rows = f.diagnostics.map((d, j) => {
    const column = columnOf(d.severity);
    const id = firsts.has(column) ? '' : ` id="${firstOf(k, column)}"`;
    firsts.add(column);
    // The claim's highlight, or the one that covers it when highlights overlapped.
    const own = d.claim !== undefined ? `f${k}-c${d.claim}` : `f${k}-d${j}`;
    const target = marks.find((m) => m.id === own)?.id ?? marks.find((m) => m.start <= d.start && d.start < m.end)?.id ?? `file-${k}-text`;
    // Every cited source: an outdated figure or title cites the old source and the newer one.
    const sources = uniqueCitations(d.citations)
      .map((c) => `<span class="src">《${esc(c.title)}》 ${esc(c.published)}</span>`)
      .join('<br>');
    return `<tr class="sev-${d.severity}"${id}><td><a href="#${target}">${d.range.start.line + 1}:${d.range.start.character + 1}</a></td><td><span class="badge">${esc(L.sev[d.severity])}</span></td><td>${codeHtml(d.code, L)}</td><td>${esc(d.message)}</td><td>${expectedHtml(d, L)}</td><td>${sources}</td></tr>`;
  });
  return `<div class="scroll"><table class="findings"><thead><tr><th>${L.line}</th><th>${L.severity}</th><th>${L.finding}</th><th>${L.message}</th><th>${L.expectedHead}</th><th>${L.sources}</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

function fileSection(f: FileReport, k: number, marks: Mark[], L: Labels): string {
  const back = `<a class="back" href="#summary">${L.back}</a>`;
  return `<section class="file" id="file-${k}">
<h2>${esc(f.path)}</h2>
<p class="meta">${L.asOf} ${esc(f.asOf)} · ${back}</p>
<h3 id="file-${k}-findings">${L.findings}</h3>
${findingsTable(f, k, marks, L)}
<h3 id="file-${k}-text">${L.draft}</h3>
<div class="draft">${draftHtml(f, marks)}</div>
<p class="meta">${back}</p>
</section>`;
}

/** A count, linked to `target` when it is not zero. */
const countLink = (n: number, target: string): string => (n > 0 ? `<a href="#${target}">${n}</a>` : '0');

function summaryTable(report: RunReport, marks: Mark[][], L: Labels): string {
  const rows = report.files.map((f, k) => {
    const count = (column: Severity | 'info'): number => f.diagnostics.filter((d) => columnOf(d.severity) === column).length;
    const verified = f.claims.filter((c) => c.status === 'verified').length;
    const firstVerified = marks[k].find((m) => m.cls.includes('st-verified'))?.id ?? `file-${k}-text`;
    return `<tr><td><a href="#file-${k}">${esc(f.path)}</a></td><td>${countLink(f.claims.length, `file-${k}-text`)}</td><td>${countLink(verified, firstVerified)}</td><td>${countLink(count('error'), firstOf(k, 'error'))}</td><td>${countLink(count('warning'), firstOf(k, 'warning'))}</td><td>${countLink(count('info'), firstOf(k, 'info'))}</td></tr>`;
  });
  const s = report.summary;
  return `<section id="summary">
<h2>${L.summary}</h2>
<div class="scroll"><table class="summary"><thead><tr><th>${L.file}</th><th>${L.claims}</th><th>${L.verified}</th><th>${L.errors}</th><th>${L.warnings}</th><th>${L.info}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody><tfoot><tr><th>${L.total} (${s.files})</th><td>${s.claims}</td><td>${s.verified}</td><td>${s.error}</td><td>${s.warning}</td><td>${s.information + s.hint}</td></tr></tfoot></table></div>
</section>`;
}

/** The Content-Security-Policy of the page: its own inline style (by hash) and nothing else. */
export function reportCsp(): string {
  const styleHash = createHash('sha256').update(HTML_STYLE).digest('base64');
  return `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;
}

/** Renders the report page. */
export function formatHtml(report: RunReport, options: HtmlOptions): string {
  const L: Labels = { ...LABELS[options.locale], locale: options.locale };
  const marks = report.files.map((f, k) => marksOf(f, k, L));
  const legend = (Object.keys(L.status) as ClaimStatus[]).map((s) => `<mark class="legend st-${s}">${esc(L.status[s])}</mark>`).join(' ');
  return `<!doctype html>
<html lang="${options.locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${L.title} — ${esc(report.asOf)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header><h1>${L.title}</h1><p class="meta">${L.asOf} ${esc(report.asOf)} · ${legend}</p><p class="meta">${L.legend}</p></header>
${summaryTable(report, marks, L)}
${report.files.map((f, k) => fileSection(f, k, marks[k], L)).join('\n')}
</body>
</html>
`;
}
