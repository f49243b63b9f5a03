/**
 * Helpers of the CLI tests: run `bin/factcheck.js` as a child process, compare output
 * with golden files (UPDATE_GOLDEN=1 rewrites them), and make scratch folders.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root (tests run from out/test/cli). */
export const ROOT = path.resolve(__dirname, '../../..');
/** The CLI test fixtures (in the source tree). */
export const FIXTURES = path.join(ROOT, 'test/cli/fixtures');
/** The small fact base the CLI tests check against. */
export const FACTS = path.join(ROOT, 'test/fixtures/factbase');
/** Golden outputs. */
export const GOLDEN = path.join(ROOT, 'test/cli/golden');
/** The date every CLI test checks as of, so output does not depend on today. */
export const AS_OF = '2025-01-01';

/** Result of one CLI run. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/factcheck.js ARGS` in `cwd` (default: the root), with optional standard input. */
export function runCli(args: string[], opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/factcheck.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...opts.env },
    maxBuffer: 64 << 20,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Replaces machine-specific paths with placeholders. */
export function normalize(text: string): string {
  return text.split(ROOT).join('<root>').split(os.tmpdir()).join('<tmp>');
}

/** Compares `actual` with the golden file `name` (rewrites it when UPDATE_GOLDEN=1). */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  const text = normalize(actual);
  if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) {
    if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`golden file ${name} is missing: run the tests with UPDATE_GOLDEN=1 to create it`);
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, text);
    return;
  }
  assert.equal(text, fs.readFileSync(file, 'utf8'), `output differs from ${name} (UPDATE_GOLDEN=1 rewrites goldens after an intended change)`);
}

const scratch: string[] = [];

/** A new empty folder under the OS temp folder, removed by cleanupScratch(). */
export function scratchDir(prefix = 'factcheck-cli-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(d);
  return d;
}

/** Removes every scratch folder. */
export function cleanupScratch(): void {
  for (const d of scratch.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** Writes files (relative path → content) under `dir`. */
export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
}
