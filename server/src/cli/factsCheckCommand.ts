/**
 * `factcheck facts check [--facts DIR]…`: loads and validates fact-base folders (the
 * bundled one by default), prints every problem as `file:line:column: severity: message`
 * (1-based, paths relative to the working directory), then the coverage of each source.
 * Exit status 0 without errors, 2 with.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { printable } from './printable';
import { bundledFactsDir, hasErrors, loadFactBase, percent, type Problem, type SourceCoverage } from '../core/factbase';
import type { FactBase } from '../core/types';

/** `file:line:column` with a 1-based line and column and a path relative to the working directory. */
export function formatLocation(file: string, line: number, column: number): string {
  const rel = relative(process.cwd(), file) || file;
  return `${rel}:${line + 1}:${column + 1}`;
}

/** One problem (and its related places) as printed lines. */
export function formatProblem(p: Problem): string {
  const lines = [`${formatLocation(p.file, p.line, p.column)}: ${p.severity}: ${p.message}`];
  for (const r of p.related ?? []) lines.push(`${formatLocation(r.file, r.line, r.column)}: note: ${r.message}`);
  return lines.join('\n');
}

/** The coverage lines: one per source, then the overall figure. */
export function formatCoverage(coverage: readonly SourceCoverage[]): string {
  const pct = (c: number, t: number): string => `${c}/${t} figures (${percent(c, t).toFixed(1)}%)`;
  const lines = coverage.map((c) => `coverage ${c.source} (${relative(process.cwd(), c.file) || c.file}): ${pct(c.covered, c.total)}`);
  const covered = coverage.reduce((n, c) => n + c.covered, 0);
  const total = coverage.reduce((n, c) => n + c.total, 0);
  lines.push(`coverage overall: ${pct(covered, total)} in ${coverage.length} source(s)`);
  return lines.join('\n');
}

/** The lines listing the entries not reviewed yet (reviewed: false), at their places; none when there are none. */
export function formatUnreviewed(base: FactBase): string[] {
  const u = base.unreviewed;
  if (!u) return [];
  const kinds: [string, { id: string }[]][] = [['subject', u.subjects], ['measure', u.measures], ['observation', u.observations], ['role', u.roles]];
  const lines: string[] = [];
  for (const [kind, list] of kinds) {
    for (const x of list) {
      const o = base.origins.get(x.id);
      lines.push(`${o ? formatLocation(o.file, o.line, o.column) : x.id}: not reviewed: ${kind} ${x.id}`);
    }
  }
  lines.push(`${lines.length} entr${lines.length === 1 ? 'y' : 'ies'} not reviewed yet (reviewed: false): the checker does not use them; review each against its source and delete the line to accept it`);
  return lines;
}

/** Runs the command and resolves to its exit status. */
export async function runFactsCheck(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { facts: { type: 'string', multiple: true } } });
  // (--help is answered by main.ts)
  const dirs = values.facts?.length ? values.facts : [bundledFactsDir()];
  const { base, problems, coverage } = loadFactBase(dirs);
  for (const p of problems) process.stdout.write(printable(formatProblem(p)) + '\n');
  process.stdout.write(formatCoverage(coverage) + '\n');
  for (const line of formatUnreviewed(base)) process.stdout.write(printable(line) + '\n');
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  process.stdout.write(
    `${errors} error(s), ${warnings} warning(s); ${base.subjects.length} subjects, ${base.measures.length} measures, ` +
      `${base.observations.length} observations, ${base.roles.length} roles, ${base.exclusions.length} exclusions, ${base.sources.length} sources\n`,
  );
  return hasErrors(problems) ? 2 : 0;
}
