/**
 * The result cache of `factcheck check --cache`: one JSON file per draft result in
 * .factcheck-cache/, keyed by a SHA-256 of the tool version and build, the fact base's
 * content, the check options and the draft's text. Any change to one of them is a miss.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFactFiles, listSourceFiles } from '../core/factbase/load';
import { toolInfo } from './toolInfo';
import type { CheckOptions, CheckResult } from '../core/types';

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
    const opts = JSON.stringify({ asOf: options.asOf ?? null, locale: options.locale ?? null, reportUnverified: options.reportUnverified ?? true });
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
}
