/**
 * GitHub Actions workflow commands (::error file=…,line=…,col=…::message), which show as
 * annotations on the pull request. GitHub shows at most 10 error and 10 warning
 * annotations per step (and 50 per job), so this format emits at most
 * ANNOTATION_CAP of each kind (notices too) and ends with a line counting the rest.
 */
import type { Severity } from '../../core';
import type { RunReport } from '../../report/model';
import { printable } from '../printable';

/** Annotations emitted per kind (error, warning, notice): GitHub's per-step limit. */
export const ANNOTATION_CAP = 10;

type Command = 'error' | 'warning' | 'notice';
const COMMAND: Record<Severity, Command> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escapes a command's message (data); other control characters from drafts and fact files become visible symbols. */
function escapeData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a command property value. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Renders the workflow commands. */
export function formatGithub(report: RunReport): string {
  const out: string[] = [];
  const shown: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  const skipped: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      const cmd = COMMAND[d.severity];
      if (shown[cmd] >= ANNOTATION_CAP) {
        skipped[cmd]++;
        continue;
      }
      shown[cmd]++;
      const { start, end } = d.range;
      const props = [`file=${escapeProperty(f.path)}`, `line=${start.line + 1}`, `endLine=${end.line + 1}`, `col=${start.character + 1}`];
      if (end.line === start.line) props.push(`endColumn=${end.character + 1}`);
      props.push(`title=${escapeProperty(`factcheck ${d.code}`)}`);
      const source = d.citations[0];
      const detail = [d.expected !== undefined ? `expected ${d.expected}${d.replaces !== undefined ? ` (replacing “${d.replaces}”)` : ''}` : '', source ? `source: 《${source.title}》 ${source.published}` : '']
        .filter(Boolean)
        .join('; ');
      out.push(`::${cmd} ${props.join(',')}::${escapeData(detail ? `${d.message}\n${detail}` : d.message)}`);
    }
  }
  const s = report.summary;
  const n = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  const rest = (['error', 'warning', 'notice'] as const).filter((k) => skipped[k] > 0).map((k) => n(skipped[k], k));
  if (rest.length > 0) {
    out.push(`factcheck: ${rest.join(', ')} not annotated (GitHub shows at most ${ANNOTATION_CAP} of each per step); run with --format stylish or sarif for all findings`);
  }
  out.push(`factcheck: ${n(s.files, 'file')}, ${n(s.claims, 'claim')}, ${s.verified} verified, ${n(s.error, 'error')}, ${n(s.warning, 'warning')}, ${n(s.information + s.hint, 'notice')}`);
  return out.join('\n') + '\n';
}
