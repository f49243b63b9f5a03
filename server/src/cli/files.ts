/**
 * The drafts a run checks: files, folders and globs from the command line, expanded with
 * tinyglobby, filtered by the configuration's include/exclude globs and by every
 * .gitignore from the git root down (the `ignore` package implements gitignore rules).
 * Named files are always checked; folders and globs only yield drafts that are not ignored.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './errors';

/** Globs of drafts inside folders, unless the configuration says otherwise. */
export const DEFAULT_INCLUDE = ['**/*.md', '**/*.markdown', '**/*.txt'];

/** Folders never searched. */
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/.factcheck-cache/**'];

/** What to expand. */
export interface InputOptions {
  cwd: string;
  include?: string[];
  /** Globs relative to `excludeBase` (the configuration's folder). */
  exclude?: string[];
  excludeBase?: string;
  /** Absolute folders whose files are never drafts (the fact bases in use). */
  skipDirs?: string[];
}

/** Forward-slash path of `file` relative to `base`. */
export function posixRelative(base: string, file: string): string {
  return path.relative(base, file).split(path.sep).join('/');
}

/** The nearest folder at or above `dir` holding .git, or undefined. */
function gitRoot(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** Gitignore rules, each .gitignore applied to paths below its own folder. */
class GitIgnores {
  private readonly rules = new Map<string, Ignore | null>();
  constructor(private readonly root: string | undefined) {}

  private rulesOf(dir: string): Ignore | null {
    let r = this.rules.get(dir);
    if (r === undefined) {
      const f = path.join(dir, '.gitignore');
      r = fs.existsSync(f) ? ignore().add(fs.readFileSync(f, 'utf8')) : null;
      this.rules.set(dir, r);
    }
    return r;
  }

  /**
   * True when git would ignore the file: some folder above it is ignored, or the file
   * is. For each path the deepest .gitignore with a matching rule decides (so a nested
   * `!name` re-includes what a parent .gitignore excluded).
   */
  ignores(file: string): boolean {
    if (!this.root) return false;
    const rel = path.relative(this.root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const parts = rel.split(path.sep);
    for (let k = 0; k < parts.length; k++) if (this.ignoredAt(parts, k)) return true;
    return false;
  }

  /** Whether the path parts[0..k] (a folder when k is not the last part) is ignored by itself. */
  private ignoredAt(parts: string[], k: number): boolean {
    const isDir = k < parts.length - 1;
    let ignored = false;
    for (let depth = 0; depth <= k; depth++) {
      const rules = this.rulesOf(path.join(this.root!, ...parts.slice(0, depth)));
      if (!rules) continue;
      const t = rules.test(parts.slice(depth, k + 1).join('/') + (isDir ? '/' : ''));
      if (t.ignored) ignored = true;
      else if (t.unignored) ignored = false;
    }
    return ignored;
  }
}

/** Expands the command line's inputs into sorted absolute file paths (no duplicates). */
export async function expandInputs(inputs: string[], opts: InputOptions): Promise<string[]> {
  const include = opts.include?.length ? opts.include : DEFAULT_INCLUDE;
  const excludeBase = opts.excludeBase ?? opts.cwd;
  const exclude = ignore().add(opts.exclude ?? []);
  const isExcluded = (file: string): boolean => {
    const rel = posixRelative(excludeBase, file);
    return !rel.startsWith('..') && !path.isAbsolute(rel) && rel !== '' && exclude.ignores(rel);
  };
  const inSkippedDir = (file: string): boolean =>
    (opts.skipDirs ?? []).some((d) => !path.relative(d, file).startsWith('..'));
  const git = new GitIgnores(gitRoot(opts.cwd));
  const found = new Set<string>();

  for (const input of inputs) {
    const abs = path.resolve(opts.cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      found.add(abs);
      continue;
    }
    let matches: string[];
    if (stat?.isDirectory()) {
      matches = await glob(include, { cwd: abs, absolute: true, dot: false, ignore: ALWAYS_EXCLUDED, onlyFiles: true });
    } else if (isDynamicPattern(input)) {
      matches = await glob([input], { cwd: opts.cwd, absolute: true, dot: false, ignore: ALWAYS_EXCLUDED, onlyFiles: true });
    } else {
      throw new UsageError(`${input}: no such file or folder`);
    }
    for (const m of matches) {
      const file = path.resolve(m);
      if (isExcluded(file) || inSkippedDir(file) || git.ignores(file)) continue;
      found.add(file);
    }
  }
  return [...found].sort();
}

/** Shard `index` (1-based) of `count`, parsed from "i/n". */
export interface Shard {
  index: number;
  count: number;
}

/** Parses --shard i/n (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard ${text}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/4`);
  }
  return { index, count };
}

/** Shard (1-based) a path belongs to: a hash of its forward-slash path relative to the root, so it never depends on which other files exist. */
export function shardOf(relPath: string, count: number): number {
  const h = crypto.createHash('sha256').update(relPath).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

/** The files of one shard; every file is in exactly one of the n shards. */
export function selectShard(files: string[], shard: Shard, root: string): string[] {
  return files.filter((f) => shardOf(posixRelative(root, f), shard.count) === shard.index);
}
