/**
 * `factcheck facts suggest SOURCE_ID… [--facts DIR]… [--all] [--format yaml|json] [--write]`:
 * the observations and roles a source states that the fact base does not hold yet (see
 * core/suggest), printed as fact-file YAML or JSON, or appended to the fact files marked
 * `reviewed: false`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { hasErrors, suggestSource, type SourceSuggestions, entryYaml, suggestionJson, type Entry } from '../core';
import { bundledFactsDir, loadFactBase, applyEdits, baseDirOf, fileEdits, plannedEntries } from '../node';
import type { FactBase } from '../core';
import { formatProblem } from './factsCheckCommand';
import { printable } from './printable';
import { UsageError } from './errors';
import { FACTS_SUGGEST_USAGE } from './help';

const rel = (p: string): string => relative(process.cwd(), p) || p;

/** The entries of the suggestions grouped by target file, in order. */
function byFile(base: FactBase, result: SourceSuggestions, all: boolean): Map<string, Entry[]> {
  const planned = plannedEntries(base, result, result.suggestions.filter((s) => all || !s.held));
  const files = new Map<string, Entry[]>();
  for (const { file, entry } of planned) files.set(file, [...(files.get(file) ?? []), entry]);
  return files;
}

/** The YAML listing of one source's suggestions: per target file, its sections' entries. */
export function suggestionsYaml(base: FactBase, result: SourceSuggestions): string {
  let out = `# ${result.source.id}: ${result.suggestions.filter((s) => !s.held).length} new, ${result.coverage.held} of ${result.coverage.total} figures and pairs already in the fact base\n`;
  const held = new Map(result.suggestions.flatMap((s) => (s.held ? [[s.id, s.held] as const] : [])));
  for (const [file, entries] of byFile(base, result, false)) {
    out += `\n# → ${rel(file)}\n`;
    let section = '';
    for (const e of entries) {
      if (e.section !== section) out += `${(section = e.section)}:\n`;
      out += entryYaml(e);
    }
  }
  if (held.size) {
    out += `\n# already in the fact base:\n`;
    for (const s of result.suggestions.filter((x) => x.held)) out += `#   ${s.type === 'role' ? `${s.person} ${s.title}` : `${s.figure} «${s.quote}»`} → ${s.held!.by} ${s.held!.ref}\n`;
  }
  return out;
}

/** Appends the new entries of `result` to their files; returns the files written, with how many entries each. */
export function writeSuggestions(base: FactBase, result: SourceSuggestions): { file: string; count: number; created: boolean }[] {
  const written: { file: string; count: number; created: boolean }[] = [];
  for (const [file, entries] of byFile(base, result, false)) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const edits = fileEdits(file, text, entries, baseDirOf(result.source), result.source.id);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, edits.create ? edits.edits[0].text : applyEdits(text!, edits.edits));
    written.push({ file, count: entries.length, created: edits.create });
  }
  return written;
}

/** Runs the command and resolves to its exit status. */
export async function runFactsSuggest(args: string[]): Promise<number> {
  const { values: v, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      facts: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      format: { type: 'string' },
      write: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help) {
    process.stdout.write(FACTS_SUGGEST_USAGE + '\n');
    return 0;
  }
  if (!positionals.length) throw new UsageError(`facts suggest: name at least one source id\n${FACTS_SUGGEST_USAGE}`);
  const format = v.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new UsageError(`--format ${format}: expected yaml or json`);
  const dirs = v.facts?.length ? v.facts : [bundledFactsDir()];
  const { base, problems } = loadFactBase(dirs);
  if (hasErrors(problems)) {
    // A base with schema errors still reads; say so, as the suggestions may miss what the bad entries hold.
    const errors = problems.filter((p) => p.severity === 'error' && !/is not covered/.test(p.message));
    for (const p of errors.slice(0, 5)) process.stderr.write(printable(formatProblem(p)) + '\n');
    if (errors.length > 5) process.stderr.write(`… and ${errors.length - 5} more (factcheck facts check)\n`);
  }
  const results: SourceSuggestions[] = [];
  for (const id of positionals) {
    const r = suggestSource(base, id, { all: v.all });
    if (!r) throw new UsageError(`facts suggest: no source "${id}" in ${dirs.map(rel).join(', ')} (sources: ${base.sources.map((s) => s.id).join(', ') || 'none'})`);
    results.push(r);
  }
  if (v.write) {
    for (const r of results) {
      const written = writeSuggestions(base, r);
      const n = written.reduce((k, w) => k + w.count, 0);
      process.stdout.write(`${r.source.id}: ${n ? `wrote ${n} entries (reviewed: false)` : 'nothing new to write'}; the base held ${r.coverage.held} of ${r.coverage.total} figures and pairs\n`);
      for (const w of written) process.stdout.write(`  ${w.created ? 'created' : 'appended to'} ${rel(w.file)}: ${w.count}\n`);
    }
    process.stdout.write(`next: review each entry against the source, delete its "reviewed: false" line to accept it, then run factcheck facts check${v.facts?.length ? v.facts.map((d) => ` --facts ${d}`).join('') : ''}\n`);
    return 0;
  }
  if (format === 'json') {
    process.stdout.write(JSON.stringify(results.flatMap((r) => r.suggestions.map(suggestionJson)), null, 2) + '\n');
    return 0;
  }
  for (const r of results) process.stdout.write(printable(suggestionsYaml(base, r)));
  return 0;
}
