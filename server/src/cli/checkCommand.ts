/**
 * `factcheck check`: checks drafts against the fact base and prints a report.
 * Options come from the command line over factcheck.config.json over defaults. Exit
 * status: 0 clean, 1 errors (or too many warnings), 2 the checker could not run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { bundledFactsDir, cacheWritesSettled, draftText, readDraft, today } from '../node';
import type { CheckOptions, Locale } from '../core';
import { UsageError } from './errors';
import { parseLocale } from '../shared/locale';
import { findAllowFile, loadConfig } from './config';
import { parseAllowFile, readFrontMatter } from '../core';
import { expandInputs, parseShard, posixRelative, selectShard, type Shard } from './files';
import { buildFileReport, exitStatus, summarize, type FileReport, type RunReport, type SeverityOverrides } from '../report/model';
import { FORMATS, formatReport, type FormatName } from './formats';
import { loadBase } from './workerTask';
import { checkDrafts, isFailure, type DraftInput } from './workerPool';
import { CheckCache } from './cache';
import { printable } from './printable';

/** Usage text of `factcheck check`. */
export const CHECK_USAGE = `usage: factcheck check [options] FILE|DIR|GLOB…
       factcheck check [options] --stdin [--stdin-filename NAME]
options:
  --format F            ${FORMATS.join(' | ')} (default stylish)
  --output FILE         write the report to FILE instead of standard output
  --facts DIR           fact base folder (repeatable; default: the bundled fact base)
  --as-of YYYY-MM-DD    date drafts are checked as of, unless their front matter gives one
  --freshness MONTHS    months a source's latest figure decides a figure stated without a period (default 6)
  --locale zh-CN|en     language of messages
  --config FILE         configuration file (default: factcheck.config.json in . or above)
  --no-config           ignore configuration files
  --quiet               report errors only
  --max-warnings N      exit 1 when there are more than N warnings
  --no-unverified       do not report claims that match no fact
  --jobs N              checking threads (default: one per 3 M characters of drafts, up to the cores; one on 2 cores)
  --shard i/n           check only the i-th of n parts of the files
  --cache               reuse results from .factcheck-cache/ when nothing changed
  --cache-location DIR  cache folder (default .factcheck-cache)
  --color / --no-color  force colours on or off (stylish)`;

/** Everything a run needs, after merging the command line and the configuration. */
export interface CheckRun {
  cwd: string;
  inputs: string[];
  stdin: boolean;
  stdinFilename?: string;
  format: FormatName;
  output?: string;
  factDirs: string[];
  check: CheckOptions;
  severity: SeverityOverrides;
  include?: string[];
  exclude?: string[];
  configDir: string;
  quiet: boolean;
  maxWarnings?: number;
  jobs?: number;
  shard?: Shard;
  cacheDir?: string;
  color?: boolean;
}

/** Reads a `--locale` value (shared/locale.ts: zh, zh-CN, zh-Hans… → zh; en, en-US… → en); any other is a usage error. */
export function localeOption(text: string): Locale {
  const locale = parseLocale(text);
  if (!locale) throw new UsageError(`--locale ${text}: expected zh-CN or en`);
  return locale;
}

/** Validates a YYYY-MM-DD date. */
export function parseDate(text: string, what: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== text) throw new UsageError(`${what} ${text}: expected a date YYYY-MM-DD`);
  return text;
}

function parseCount(text: string, what: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`${what} ${text}: expected a whole number ≥ ${min}`);
  return Number(text);
}

/** Parses the arguments of `factcheck check` and merges the configuration. */
export function parseCheckArgs(args: string[], cwd: string = process.cwd()): CheckRun {
  const { values: v, positionals } = parseArgs({
    args,
    allowPositionals: true,
    allowNegative: true,
    options: {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      facts: { type: 'string', multiple: true },
      'as-of': { type: 'string' },
      freshness: { type: 'string' },
      locale: { type: 'string' },
      config: { type: 'string', short: 'c' },
      'no-config': { type: 'boolean' },
      stdin: { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      'max-warnings': { type: 'string' },
      unverified: { type: 'boolean' },
      jobs: { type: 'string', short: 'j' },
      shard: { type: 'string' },
      cache: { type: 'boolean' },
      'cache-location': { type: 'string' },
      color: { type: 'boolean' },
    },
  });
  const format = (v.format ?? 'stylish') as FormatName;
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${v.format}: expected one of ${FORMATS.join(', ')}`);
  if (!v.stdin && positionals.length === 0) throw new UsageError(`no drafts given\n${CHECK_USAGE}`);
  if (v.stdin && positionals.length > 0) throw new UsageError('--stdin reads one draft from standard input: give no files with it');
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename goes with --stdin');

  const { config, dir: configDir } = loadConfig(cwd, v.config, v['no-config'] === true);
  const factDirs = v.facts?.length
    ? v.facts.map((d) => path.resolve(cwd, d))
    : config.facts?.length
      ? config.facts.map((d) => path.resolve(configDir, d))
      : [bundledFactsDir()];
  const localeText = v.locale ?? config.locale;
  const asOf = v['as-of'] !== undefined ? parseDate(v['as-of'], '--as-of') : config.asOf;
  // The as-of date is only a default: a draft's front matter date wins inside the engine.
  const check: CheckOptions = {
    asOf: asOf ?? today(),
    reportUnverified: v.unverified ?? config.reportUnverified ?? true,
  };
  const freshness = v.freshness !== undefined ? parseCount(v.freshness, '--freshness', 0) : config.freshness;
  if (freshness !== undefined) check.freshnessMonths = freshness;
  if (localeText) check.locale = localeOption(localeText);
  // Claims accepted in the editor (.factcheck-allow.json, from the working folder upwards) are accepted here too.
  const allow = findAllowFile(cwd);
  if (allow) {
    try {
      check.allow = parseAllowFile(fs.readFileSync(allow, 'utf8'), allow);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }

  return {
    cwd,
    inputs: positionals,
    stdin: v.stdin === true,
    stdinFilename: v['stdin-filename'],
    format,
    output: v.output,
    factDirs,
    check,
    severity: (config.severity ?? {}) as SeverityOverrides,
    include: config.include,
    exclude: config.exclude,
    configDir,
    quiet: v.quiet === true,
    maxWarnings: v['max-warnings'] !== undefined ? parseCount(v['max-warnings'], '--max-warnings', 0) : config.maxWarnings,
    jobs: v.jobs !== undefined ? parseCount(v.jobs, '--jobs', 1) : undefined,
    shard: v.shard !== undefined ? parseShard(v.shard) : undefined,
    cacheDir: v.cache || v['cache-location'] ? path.resolve(cwd, v['cache-location'] ?? '.factcheck-cache') : undefined,
    color: v.color,
  };
}

/** The drafts of a run, and the files left out: skipped (warnings) or unreadable (errors), each message naming the file. */
export interface DraftsRead {
  drafts: DraftInput[];
  skipped: string[];
  unreadable: string[];
}

/** Reads the drafts of a run (standard input or files) as display path + text; one bad file does not stop the others. */
async function readDrafts(run: CheckRun): Promise<DraftsRead> {
  if (run.stdin) {
    const name = run.stdinFilename ? posixRelative(run.cwd, path.resolve(run.cwd, run.stdinFilename)) : '<stdin>';
    const r = draftText(fs.readFileSync(0));
    if (!('text' in r)) throw new UsageError(`${name}: ${'skipped' in r ? r.skipped : r.error}`);
    return { drafts: [{ path: name, text: r.text }], skipped: [], unreadable: [] };
  }
  let files = await expandInputs(run.inputs, {
    cwd: run.cwd,
    include: run.include,
    exclude: run.exclude,
    excludeBase: run.configDir,
    skipDirs: run.factDirs,
  });
  if (run.shard) files = selectShard(files, run.shard, run.cwd);
  const out: DraftsRead = { drafts: [], skipped: [], unreadable: [] };
  for (const file of files) {
    const shown = posixRelative(run.cwd, file);
    const r = readDraft(file);
    if ('text' in r) out.drafts.push({ path: shown, text: r.text });
    else if ('skipped' in r) out.skipped.push(`${shown}: skipped: ${r.skipped}`);
    else out.unreadable.push(`${shown}: ${r.error}`);
  }
  return out;
}

/** Runs shorter than this many drafts show no progress bar. */
const PROGRESS_MIN_DRAFTS = 20;

/** A progress bar on standard error when it is a terminal and the run is long; else nothing. */
function progressBar(total: number): { update: (done: number) => void; stop: () => void } | undefined {
  if (!process.stderr.isTTY || total < PROGRESS_MIN_DRAFTS) return undefined;
  const bar = new SingleBar({ stream: process.stderr, format: 'checking {bar} {value}/{total} drafts', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

/** The report of a run (no output yet), with the files it left out and the drafts the checker failed on. */
export type ExecutedCheck = RunReport &
  Omit<DraftsRead, 'drafts'> & {
    /** Drafts the engine threw on (a bug): `path: message`, then the stack. The run is incomplete (exit 2). */
    failed: string[];
    /** Drafts checked with a front matter that is not YAML: `path:line: message` (warnings). */
    frontMatter: string[];
  };

/** Runs a parsed check and returns the report (no output), with the files it left out. */
export async function executeCheck(run: CheckRun, onWarning: (line: string) => void = () => {}): Promise<ExecutedCheck> {
  const { base, warnings } = loadBase(run.factDirs);
  for (const w of warnings) onWarning(w);
  const { drafts, skipped, unreadable } = await readDrafts(run);
  // Worker threads load the base from the load cache: its entry must be on disk first.
  await cacheWritesSettled();
  const cache = run.cacheDir ? new CheckCache(run.cacheDir, run.factDirs, run.check) : undefined;
  const bar = progressBar(drafts.length);
  let results;
  try {
    results = await checkDrafts(drafts, base, run.check, { jobs: run.jobs, factDirs: run.factDirs, cache, onProgress: bar?.update });
  } finally {
    bar?.stop();
  }
  cache?.prune();
  let warningsFound = 0;
  const files: FileReport[] = [];
  const failed: string[] = [];
  const frontMatter: string[] = [];
  drafts.forEach((d, i) => {
    const problem = readFrontMatter(d.text).problem;
    if (problem) frontMatter.push(`${d.path}:${problem.line + 1}: the front matter is not valid YAML (${problem.message}); its date: line was still read, the rest of it was not`);
    const result = results[i];
    if (isFailure(result)) {
      failed.push(`${d.path}: the checker failed on this draft (a bug in factcheck; please report it with the draft): ${result.failure}`);
      return;
    }
    const r = buildFileReport(d.path, d.text, result, { severity: run.severity, quiet: run.quiet });
    warningsFound += r.warningsFound;
    files.push(r.file);
  });
  return { asOf: run.check.asOf!, files, summary: summarize(files), warningsFound: warningsFound + skipped.length + frontMatter.length, skipped, unreadable, failed, frontMatter };
}

/** `factcheck check ARGS…`: resolves to the exit status. */
export async function runCheck(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(CHECK_USAGE + '\n');
    return 0;
  }
  const run = parseCheckArgs(args);
  // Fact-base warnings are the curators' business: `factcheck facts check` lists them (and
  // the editor's status shows a team base's); a check of drafts does not repeat them.
  const report = await executeCheck(run);
  // Files left out: a skipped file is a warning (it counts for --max-warnings); an unreadable one, or one the checker failed on, makes the run incomplete (status 2).
  for (const m of [...report.skipped, ...report.frontMatter]) process.stderr.write(`factcheck: warning: ${printable(m)}\n`);
  for (const m of report.unreadable) process.stderr.write(`factcheck: error: ${printable(m)}\n`);
  for (const m of report.failed) process.stderr.write(`factcheck: error: ${printable(m)}\n`);
  const toFile = run.output !== undefined;
  const color = run.color ?? (!toFile && process.stdout.isTTY === true && !process.env.NO_COLOR);
  const text = formatReport(run.format, report, { color, cwd: run.cwd, locale: run.check.locale ?? 'zh' });
  if (toFile) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(run.cwd, run.output!)), { recursive: true });
      fs.writeFileSync(path.resolve(run.cwd, run.output!), text);
    } catch (e) {
      throw new UsageError(`${run.output}: cannot write the report: ${(e as Error).message}`);
    }
  } else {
    await new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
  }
  return report.unreadable.length > 0 || report.failed.length > 0 ? 2 : exitStatus(report, run.maxWarnings);
}
