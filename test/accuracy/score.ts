/**
 * Scores the fact checker's JSON report against a labelled set of drafts — a TypeScript
 * port of ../shared/eval/score.mjs (same matching rules; same precision, recall,
 * `verified`, fix accuracy and count of claims wrongly verified), so a clone without
 * ../shared still measures accuracy.
 *
 *   node out/test/accuracy/score.js [--set DIR] [--cmd "COMMAND"] [--verbose]
 *        [--min-precision P] [--min-recall R] [--min-verified V] [--min-fix F]
 *        [--max-wrongly-verified N]
 *
 * DIR holds drafts and a labels.json (default: test/fixtures/drafts). COMMAND is run once
 * per draft, from the current directory, with the draft's absolute path appended, and
 * must print the JSON report (default: "node bin/factcheck.js check --format json").
 * Exit status: 0 when every --min-* threshold holds, 1 when one falls short, 2 when the
 * checker could not be run, printed no JSON, or the labels are malformed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { locate, offsetOf, overlap, readLabels, type ExpectLabel, type ReportRange } from './labels';

/** The checker command the shared scorer uses. */
export const DEFAULT_CMD = 'node bin/factcheck.js check --format json';
/** The project's own labelled set (source tree, seen from out/test/accuracy). */
export const DEFAULT_SET = path.resolve(__dirname, '../../../test/fixtures/drafts');

/** The parts of a report diagnostic the scorer reads. */
interface Diagnostic {
  range?: ReportRange;
  severity?: string;
  code?: string;
  message?: string;
  /** The value to write instead, as the draft writes numbers. */
  expected?: string;
  /** The edit the quick fix makes (its range may differ from the diagnostic's: a title before a name). */
  fix?: { range?: ReportRange; newText?: unknown };
}

/** The parts of a report claim the scorer reads. */
interface Claim {
  range?: ReportRange;
  status?: string;
}

/** The checker could not be run or printed no usable report. */
export class CheckerError extends Error {}

/** Options of one scoring run. */
export interface ScoreOptions {
  /** Folder with the drafts and labels.json. */
  setDir: string;
  /** Checker command; the draft's absolute path is appended. */
  cmd?: string;
  /** Working directory of the checker (default: the current one). */
  cwd?: string;
}

/** Counts over a set, as the shared scorer prints them. */
export interface Totals {
  expect: number;
  detected: number;
  correct: number;
  flags: number;
  fp: number;
  ok: number;
  verified: number;
  cleanHit: number;
  noise: number;
  /** Labelled mistakes with a `fix`, and those whose finding writes it. */
  fixes: number;
  fixRight: number;
  /** Claims marked verified that are a labelled mistake or an `unknown` figure. */
  falselyVerified: number;
  unknown: number;
}

/** The outcome of scoring a set. */
export interface ScoreResult {
  totals: Totals;
  precision: number;
  recall: number;
  f1: number;
  verified: number;
  /** Share of labelled fixes the findings write exactly (1 when none is labelled). */
  fix: number;
  /** Per draft: its name and the verbose lines (HIT, CODE, MISS, FIX, FALSELY-VERIFIED, FP, UNVERIFIED, FLAGGED-NONCLAIM). */
  drafts: { draft: string; lines: string[] }[];
}

const FLAG = new Set(['error', 'warning']);
const ROLE_CODES = new Set(['wrong-role', 'outdated-role']);
const squash = (s: unknown): string => String(s ?? '').replace(/\s+/g, '');

/**
 * A finding's fix is right when its edit — the report's `fix` ({range, newText}), else
 * `expected` written over the diagnostic's range — turns the label's context into the
 * context with the token replaced by (one of) the label's `fix`.
 */
export function fixIsRight(text: string, label: ExpectLabel, d: Diagnostic): boolean {
  const edit =
    d.fix && d.fix.range && typeof d.fix.newText === 'string'
      ? { range: d.fix.range as ReportRange | undefined, newText: d.fix.newText }
      : typeof d.expected === 'string'
        ? { range: d.range, newText: d.expected }
        : undefined;
  if (!edit) return false;
  const s = edit.range ? offsetOf(text, edit.range.start) : -1;
  const e = edit.range ? offsetOf(text, edit.range.end) : -1;
  const first = text.indexOf(label.at);
  const roleGuess = !d.fix && ROLE_CODES.has(d.code ?? '');
  return [label.fix ?? []].flat().some((fix) => {
    const want = label.at.replace(label.token ?? label.at, fix);
    // A role finding without an edit names either the person or the title to write.
    if (roleGuess) return want !== label.at && (want.startsWith(d.expected ?? '') || want.endsWith(d.expected ?? ''));
    if (s < 0 || e < s) return squash(edit.newText) === squash(fix);
    const after = text.slice(0, s) + edit.newText + text.slice(e);
    return after.slice(Math.max(0, first - 40), first + want.length + 40).includes(want);
  });
}

/** Runs the checker on one draft; a status of 1 (findings of error severity) still yields the report. */
function runChecker(cmd: string, cwd: string, file: string): { diagnostics: Diagnostic[]; claims: Claim[] } {
  const [exe, ...rest] = cmd.split(/\s+/).filter(Boolean);
  let out: string;
  try {
    out = execFileSync(exe, [...rest, file], { cwd, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string; message: string };
    if (err.status === 1 && err.stdout) out = err.stdout;
    else throw new CheckerError(`checker failed on ${file} (status ${err.status}): ${String(err.stderr || err.message).slice(0, 500)}`);
  }
  try {
    const report = JSON.parse(out) as { files: { path: string; diagnostics?: Diagnostic[]; claims?: Claim[] }[] };
    const entry = report.files.find((f) => path.basename(f.path) === path.basename(file)) ?? report.files[0];
    return { diagnostics: entry?.diagnostics ?? [], claims: entry?.claims ?? [] };
  } catch (e) {
    throw new CheckerError(`no JSON report for ${file}: ${(e as Error).message}\n${String(out).slice(0, 300)}`);
  }
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Scores the set in `options.setDir`: runs the checker per draft and matches its report with the labels. */
export function scoreSet(options: ScoreOptions): ScoreResult {
  const setDir = path.resolve(options.setDir);
  const cmd = options.cmd ?? DEFAULT_CMD;
  const cwd = options.cwd ?? process.cwd();
  const labels = readLabels(setDir);
  const totals: Totals = {
    expect: 0, detected: 0, correct: 0, flags: 0, fp: 0, ok: 0, verified: 0, cleanHit: 0, noise: 0,
    fixes: 0, fixRight: 0, falselyVerified: 0, unknown: 0,
  };
  const drafts: ScoreResult['drafts'] = [];
  for (const [draft, lab] of Object.entries(labels)) {
    const file = path.join(setDir, draft);
    if (!fs.existsSync(file)) throw new Error(`missing draft ${file}`);
    const text = fs.readFileSync(file, 'utf8');
    const { diagnostics, claims } = runChecker(cmd, cwd, file);
    const flags = diagnostics.filter((d) => FLAG.has(d.severity ?? ''));
    const used = new Set<number>();
    const lines: string[] = [];
    const verifiedAt = (span: ReturnType<typeof locate>) => claims.some((c) => c.status === 'verified' && overlap(c.range, span) > 0);

    for (const e of lab.expect ?? []) {
      const span = locate(text, e, draft);
      let best = -1;
      let bestScore = 0;
      flags.forEach((d, i) => {
        if (used.has(i)) return;
        const ov = overlap(d.range, span);
        const score = ov > 0 ? ov + (e.codes.includes(d.code as never) ? 1000 : 0) : 0;
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      });
      totals.expect++;
      if (e.fix !== undefined) totals.fixes++;
      if (best >= 0) {
        used.add(best);
        totals.detected++;
        const good = e.codes.includes(flags[best].code as never);
        if (good) totals.correct++;
        lines.push(`  ${good ? 'HIT ' : 'CODE'} line ${span.line + 1} ${e.token} expected ${e.codes.join('|')} got ${flags[best].code}`);
        if (e.fix !== undefined) {
          if (fixIsRight(text, e, flags[best])) totals.fixRight++;
          else lines.push(`  FIX  line ${span.line + 1} ${e.token} should become ${[e.fix].flat().join(' or ')}, the finding offers ${flags[best].expected ?? '(nothing)'}`);
        }
      } else {
        lines.push(`  MISS line ${span.line + 1} ${e.token} expected ${e.codes.join('|')}`);
      }
      if (verifiedAt(span)) {
        totals.falselyVerified++;
        lines.push(`  FALSELY-VERIFIED line ${span.line + 1} ${e.token}`);
      }
    }
    flags.forEach((d, i) => {
      if (used.has(i)) return;
      totals.fp++;
      const l = d.range?.start?.line ?? -1;
      lines.push(`  FP   line ${l + 1} ${d.code}: ${String(d.message).slice(0, 80)}`);
    });
    totals.flags += flags.length;

    for (const o of lab.ok ?? []) {
      const span = locate(text, o, draft);
      totals.ok++;
      if (verifiedAt(span)) totals.verified++;
      else lines.push(`  UNVERIFIED line ${span.line + 1} ${o.token}`);
    }
    for (const u of lab.unknown ?? []) {
      const span = locate(text, u, draft);
      totals.unknown++;
      if (verifiedAt(span)) {
        totals.falselyVerified++;
        lines.push(`  FALSELY-VERIFIED line ${span.line + 1} ${u.token} (the sources do not say this)`);
      }
    }
    for (const c of lab.clean ?? []) {
      const span = locate(text, c, draft);
      if (flags.some((d) => overlap(d.range, span) > 0)) {
        totals.cleanHit++;
        lines.push(`  FLAGGED-NONCLAIM line ${span.line + 1} ${c.token}`);
      }
      if (diagnostics.some((d) => !FLAG.has(d.severity ?? '') && overlap(d.range, span) > 0)) totals.noise++;
    }
    drafts.push({ draft, lines });
  }
  const precision = ratio(totals.correct, totals.flags);
  const recall = ratio(totals.correct, totals.expect);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { totals, precision, recall, f1, verified: ratio(totals.verified, totals.ok), fix: ratio(totals.fixRight, totals.fixes), drafts };
}

/** Minimum scores, each 0 by default, and the most claims wrongly verified (no limit by default). */
export interface Thresholds {
  precision?: number;
  recall?: number;
  verified?: number;
  fix?: number;
  maxWronglyVerified?: number;
}

/** Names of the scores beyond their threshold, in the shared scorer's order. */
export function shortfalls(r: ScoreResult, mins: Thresholds): string[] {
  const short: string[] = [];
  if (r.totals.falselyVerified > (mins.maxWronglyVerified ?? Infinity)) short.push('wrongly verified');
  if (r.precision < (mins.precision ?? 0)) short.push('precision');
  if (r.recall < (mins.recall ?? 0)) short.push('recall');
  if (r.verified < (mins.verified ?? 0)) short.push('verified');
  if (r.fix < (mins.fix ?? 0)) short.push('fix');
  return short;
}

/** The verbose listing: each draft's name followed by its lines. */
export function verboseText(r: ScoreResult): string {
  return r.drafts.map((d) => `${d.draft}\n${d.lines.join('\n')}`).join('\n');
}

/** The two summary lines the shared scorer prints last. */
export function summaryText(r: ScoreResult, mins: Thresholds = {}): string {
  const t = r.totals;
  const short = shortfalls(r, mins);
  return (
    `expected ${t.expect} detected ${t.detected} correct ${t.correct}; flags ${t.flags} false ${t.fp}; ` +
    `ok ${t.ok} verified ${t.verified}; non-claims flagged ${t.cleanHit} noted ${t.noise}; ` +
    `wrongly verified ${t.falselyVerified}; fixes labelled ${t.fixes} right ${t.fixRight}\n` +
    `precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)} f1 ${r.f1.toFixed(3)} verified ${r.verified.toFixed(3)}` +
    (t.fixes ? ` fix ${r.fix.toFixed(3)}` : '') +
    (short.length ? ` (below: ${short.join(', ')})` : '')
  );
}

function threshold(name: string, value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got ${value}`);
  return n;
}

/** Command-line entry; returns the exit status. */
export function main(argv: string[]): number {
  let mins: Required<Thresholds>;
  let values: { set?: string; cmd?: string; verbose?: boolean };
  try {
    const parsed = parseArgs({
      args: argv,
      options: {
        set: { type: 'string' },
        cmd: { type: 'string' },
        verbose: { type: 'boolean' },
        'min-precision': { type: 'string' },
        'min-recall': { type: 'string' },
        'min-verified': { type: 'string' },
        'min-fix': { type: 'string' },
        'max-wrongly-verified': { type: 'string' },
      },
    });
    values = parsed.values;
    const max = parsed.values['max-wrongly-verified'];
    mins = {
      precision: threshold('min-precision', parsed.values['min-precision']),
      recall: threshold('min-recall', parsed.values['min-recall']),
      verified: threshold('min-verified', parsed.values['min-verified']),
      fix: threshold('min-fix', parsed.values['min-fix']),
      maxWronglyVerified: max === undefined ? Infinity : threshold('max-wrongly-verified', max),
    };
  } catch (e) {
    console.error(`score: ${(e as Error).message}`);
    return 2;
  }
  let result: ScoreResult;
  try {
    result = scoreSet({ setDir: values.set ?? DEFAULT_SET, cmd: values.cmd });
  } catch (e) {
    console.error(e instanceof CheckerError ? e.message : `score: ${(e as Error).message}`);
    return 2;
  }
  if (values.verbose) console.log(verboseText(result));
  console.log(summaryText(result, mins));
  return shortfalls(result, mins).length ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
