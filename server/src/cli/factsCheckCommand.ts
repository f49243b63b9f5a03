/**
 * `factcheck facts check [--facts DIR]… [--verbose]`: loads and validates fact-base
 * folders (the bundled one by default), prints every problem as
 * `file:line:column: severity: message` (1-based, paths relative to the working
 * directory), with --verbose the inventory of every statement of every source, then the
 * coverage of each source. Exit status 0 without errors, 2 with.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { printable } from './printable';
import { hasErrors, percent, type Problem, type SourceCoverage, LineIndex } from '../core';
import { bundledFactsDir, loadFactBase } from '../node';
import type { FactBase, Source, InventoryItem } from '../core';

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

const KIND_PLURAL: Record<InventoryItem['kind'], [string, string]> = {
  quantity: ['figure', 'figures'],
  rank: ['rank', 'ranks'],
  first: ['first', 'firsts'],
  edition: ['edition', 'editions'],
  year: ['year of an event', 'years of events'],
};

/** How many statements of each kind: "163 figures, 20 ranks, 12 firsts". */
function byKind(items: readonly InventoryItem[]): string {
  const n = new Map<InventoryItem['kind'], number>();
  for (const it of items) n.set(it.kind, (n.get(it.kind) ?? 0) + 1);
  return (Object.keys(KIND_PLURAL) as InventoryItem['kind'][])
    .filter((k) => n.has(k))
    .map((k) => `${n.get(k)} ${KIND_PLURAL[k][n.get(k) === 1 ? 0 : 1]}`)
    .join(', ');
}

/** The observations' kinds and conflicts, by id, for the inventory. */
export type ObservationNotes = ReadonlyMap<string, { kind: string; conflicts: boolean }>;

/** What the inventory says of a statement besides its kind: range, count in words, forecast/target/commitment, in conflict. */
function notes(it: InventoryItem, obs: ObservationNotes): string[] {
  const out: string[] = [];
  if (it.form) out.push(it.form);
  const o = it.observation !== undefined ? obs.get(it.observation) : undefined;
  if (o && o.kind !== 'actual') out.push(o.kind);
  if (o?.conflicts) out.push('in conflict with another source');
  return out;
}

/** The counts of the notes over all statements ("2 ranges, 3 counts in words, 9 commitments"). */
function noteCounts(items: readonly InventoryItem[], obs: ObservationNotes): string {
  const n = new Map<string, number>();
  for (const it of items) for (const x of notes(it, obs)) n.set(x, (n.get(x) ?? 0) + 1);
  const plural: Record<string, string> = { range: 'ranges', 'count in words': 'counts in words', forecast: 'forecasts', target: 'targets', commitment: 'commitments', 'in conflict with another source': 'in conflict with another source' };
  return [...n].map(([k, c]) => `${c} ${c === 1 ? k : plural[k] ?? k}`).join(', ');
}

/** The coverage lines: one per source, then the overall figure; each says how many statements of each kind it counts. */
export function formatCoverage(coverage: readonly SourceCoverage[], obs: ObservationNotes = new Map()): string {
  const pct = (c: number, t: number): string => `${c}/${t} statements (${percent(c, t).toFixed(1)}%)`;
  const lines = coverage.map((c) => `coverage ${c.source} (${relative(process.cwd(), c.file) || c.file}): ${pct(c.covered, c.total)}: ${byKind(c.items) || 'none'}`);
  const covered = coverage.reduce((n, c) => n + c.covered, 0);
  const total = coverage.reduce((n, c) => n + c.total, 0);
  const all = coverage.flatMap((c) => c.items);
  const noted = noteCounts(all, obs);
  lines.push(`coverage overall: ${pct(covered, total)} in ${coverage.length} source(s): ${byKind(all) || 'none'}${noted ? `; among them ${noted}` : ''}`);
  return lines.join('\n');
}

/**
 * The inventory (--verbose): every statement of every source, at its place, with its
 * kind and what covers it (an observation's id, or the exclusion's reason), or NOT COVERED.
 */
export function formatInventory(coverage: readonly SourceCoverage[], sources: readonly Source[], obs: ObservationNotes = new Map()): string {
  const lines: string[] = [];
  for (const c of coverage) {
    const s = sources.find((x) => x.id === c.source);
    if (!s) continue;
    const index = new LineIndex(s.body);
    lines.push(`inventory ${c.source} (${relative(process.cwd(), c.file) || c.file}): ${c.total} statements`);
    for (const it of c.items) {
      const p = index.positionAt(it.start);
      const where = formatLocation(c.file, s.bodyLine + p.line, p.character);
      const by = it.observation !== undefined ? `observation ${it.observation}` : it.excluded !== undefined ? `excluded: ${it.excluded}` : 'NOT COVERED';
      const n = notes(it, obs);
      lines.push(`  ${where}: ${KIND_PLURAL[it.kind][0]} ${it.text}${n.length ? ` (${n.join(', ')})` : ''} → ${by}`);
    }
    for (const d of s.damage ?? []) {
      const at = s.body.indexOf(d.text);
      if (at < 0) continue;
      const p = index.positionAt(at);
      lines.push(`  ${formatLocation(c.file, s.bodyLine + p.line, p.character)}: damage ${d.text} → recorded: ${d.note}`);
    }
  }
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
  const { values } = parseArgs({ args, options: { facts: { type: 'string', multiple: true }, verbose: { type: 'boolean', short: 'v' } } });
  const dirs = values.facts?.length ? values.facts : [bundledFactsDir()];
  const { base, problems, coverage } = loadFactBase(dirs);
  for (const p of problems) process.stdout.write(printable(formatProblem(p)) + '\n');
  const conflicting = new Set(base.observations.flatMap((o) => (o.conflictsWith?.length ? [o.id, ...o.conflictsWith] : [])));
  const obs: ObservationNotes = new Map(base.observations.map((o) => [o.id, { kind: o.kind, conflicts: conflicting.has(o.id) }]));
  if (values.verbose) process.stdout.write(printable(formatInventory(coverage, base.sources, obs)) + '\n');
  process.stdout.write(formatCoverage(coverage, obs) + '\n');
  for (const line of formatUnreviewed(base)) process.stdout.write(printable(line) + '\n');
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  process.stdout.write(
    `${errors} error(s), ${warnings} warning(s); ${base.subjects.length} subjects, ${base.measures.length} measures, ` +
      `${base.observations.length} observations, ${base.roles.length} roles, ${base.exclusions.length} exclusions, ${base.sources.length} sources\n`,
  );
  return hasErrors(problems) ? 2 : 0;
}
