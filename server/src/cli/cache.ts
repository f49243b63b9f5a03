/**
 * The result cache of `factcheck check --cache`: one JSON file per draft result in
 * .factcheck-cache/, keyed by a SHA-256 of the tool version and build, the fact base's
 * content, the check options and the draft's text. Any change to one of them is a miss.
 * Entries no run has used for CACHE_MAX_AGE_DAYS are removed after a run, so the results
 * of drafts since edited do not pile up.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFactFiles, listSourceFiles } from '../node';
import { toolInfo } from './toolInfo';
import type { CheckOptions, CheckResult } from '../core';

/** Hash of every file of the fact-base folders (path and content), in a stable order. */
export function factBaseHash(dirs: string[]): string {
  const h = crypto.createHash('sha256');
  for (const dir of dirs) {
    h.update(`dir\0${path.resolve(dir)}\0`);
    if (!fs.existsSync(dir)) continue;
    const files = [...listSourceFiles(dir), ...listFactFiles(dir)].sort();
    for (const rel of files) {
      h.update(`file\0${rel}\0`);
      h.update(fs.readFileSync(path.join(dir, rel)));
    }
  }
  return h.digest('hex');
}

/** Hash of the tool: its version and its compiled core and CLI code (so a rebuilt engine invalidates results). */
export function toolHash(): string {
  const h = crypto.createHash('sha256');
  h.update(`factcheck ${toolInfo().version}\0`);
  const out = path.resolve(__dirname, '..');
  for (const rel of fs.readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.js')).sort()) {
    h.update(rel);
    h.update(fs.readFileSync(path.join(out, rel)));
  }
  return h.digest('hex');
}

/** Entries not read or written for this many days are removed after a run. */
export const CACHE_MAX_AGE_DAYS = 30;
/** Temporary files older than this were left by a run that stopped while writing. */
const TMP_MAX_AGE_MS = 10 * 60_000;
/** The names this cache gives its files: only these are ever removed (the folder may be one the user chose). */
const ENTRY = /^[0-9a-f]{64}\.json$/;
const TMP = /^[0-9a-f]{64}\.json\.\d+\.tmp$/;

/** A result cache in one folder. */
export class CheckCache {
  private readonly prefix: string;
  /** Hits and misses of this run, for tests and --verbose. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    private readonly dir: string,
    factDirs: string[],
    options: CheckOptions,
  ) {
    const opts = JSON.stringify({ asOf: options.asOf ?? null, locale: options.locale ?? null, reportUnverified: options.reportUnverified ?? true, freshness: options.freshnessMonths ?? null });
    this.prefix = crypto.createHash('sha256').update(`${toolHash()}\0${factBaseHash(factDirs)}\0${opts}\0`).digest('hex');
  }

  /** The key of a draft's text. */
  key(text: string): string {
    return crypto.createHash('sha256').update(this.prefix).update(text).digest('hex');
  }

  /** The cached result of a text, if any. */
  get(text: string): CheckResult | undefined {
    const file = path.join(this.dir, `${this.key(text)}.json`);
    try {
      const r = JSON.parse(fs.readFileSync(file, 'utf8')) as CheckResult;
      this.stats.hits++;
      this.touch(file);
      return r;
    } catch {
      this.stats.misses++;
      return undefined;
    }
  }

  /** Stores a result (atomically: write then rename). */
  set(text: string, result: CheckResult): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const file = path.join(this.dir, `${this.key(text)}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(result));
    fs.renameSync(tmp, file);
  }

  /** Marks an entry as used now (its age counts from its last use). */
  private touch(file: string): void {
    try {
      const now = new Date();
      fs.utimesSync(file, now, now);
    } catch {
      // a read-only cache still serves hits
    }
  }

  /**
   * Removes the entries no run has used for `maxAgeDays`, and temporary files of stopped
   * runs; returns how many files it removed. Never throws: a cache it cannot prune still works.
   */
  prune(maxAgeDays = CACHE_MAX_AGE_DAYS, now = Date.now()): number {
    let removed = 0;
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      const old = ENTRY.test(name) ? maxAgeDays * 86_400_000 : TMP.test(name) ? TMP_MAX_AGE_MS : undefined;
      if (old === undefined) continue;
      const file = path.join(this.dir, name);
      try {
        if (now - fs.statSync(file).mtimeMs > old) {
          fs.unlinkSync(file);
          removed++;
        }
      } catch {
        // removed meanwhile by a parallel run
      }
    }
    return removed;
  }
}
