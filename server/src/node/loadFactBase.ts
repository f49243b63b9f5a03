/**
 * Loads fact-base folders from disk: `sources/*.md` (normalized sources) and every
 * `**\/*.yaml` fact file outside sources/ and schema/, then validates them together.
 * The only module of the fact base that touches the file system.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, existsSync, lstatSync, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { MAX_FACT_FILE_BYTES, problemAt, sortProblems, type Problem } from '../core';
import type { ValidationResult, LoadedFile } from '../core';
import { decodeUtf8 } from './utf8';
import { cacheDir } from './cacheDir';
import { cacheKey, readCache, writeCache } from './loadCache';
import { packageRoot } from './packageRoot';
import { readSnapshot, writeSnapshot } from './bundledSnapshot';
import { startupMark } from '../shared/startupMarks';
import { useNodeHost } from './host';

export { packageRoot };

/** The fact base that ships with the package: `<package root>/facts`. */
export function bundledFactsDir(): string {
  return join(packageRoot(), 'facts');
}

/** True for a file, or a symbolic link that is not a folder (reading it says where it leads). */
function isFileOrLink(path: string): boolean {
  try {
    const l = lstatSync(path);
    if (l.isFile()) return true;
    if (!l.isSymbolicLink()) return false;
    try {
      return !statSync(path).isDirectory();
    } catch {
      return true; // a dangling link: reading it reports it
    }
  } catch {
    return false; // gone since it was listed
  }
}

/**
 * Relative paths of the fact files of a folder (YAML outside sources/ and schema/, no
 * hidden folders, no node_modules), sorted. Links to folders are not followed (they are
 * added to `folderLinks`), so a link cannot pull in files from elsewhere or loop.
 */
export function listFactFiles(dir: string, folderLinks: string[] = []): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const r = rel ? join(rel, e.name) : e.name;
      if (e.isDirectory()) {
        if (!(rel === '' && (e.name === 'sources' || e.name === 'schema'))) walk(r);
      } else if (e.isSymbolicLink() && !isFileOrLink(join(dir, r))) folderLinks.push(r);
      else if (/\.ya?ml$/.test(e.name) && isFileOrLink(join(dir, r))) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** Relative paths of the source files of a folder (sources/*.md), sorted. */
export function listSourceFiles(dir: string): string[] {
  const d = join(dir, 'sources');
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .filter((n) => n.endsWith('.md') && isFileOrLink(join(d, n)))
    .sort()
    .map((n) => join('sources', n));
}

/** True when `path` is `dir` or below it. */
function inside(path: string, dir: string): boolean {
  const r = relative(dir, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

/** A file of a fact-base folder that may be read: where it really is and its size. */
interface ToRead {
  kind: 'source' | 'fact';
  file: string;
  real: string;
  size: number;
}

/** Records a problem reading `file` (`e`: what reading it threw). */
function unreadable(file: string, e: unknown, problems: Problem[]): void {
  const err = e as NodeJS.ErrnoException;
  const why = err.code === 'ENOENT' ? (isFileOrLink(file) ? 'it is a link to a file that does not exist' : 'it no longer exists') : err.message;
  problems.push(problemAt(file, { line: 0, column: 0 }, `cannot read this file: ${why}`));
}

/**
 * Where a file of a fact-base folder really is and its size, or records why it is not
 * read: a link leading outside the folder, a file over the size limit, or one that
 * cannot be looked at.
 */
function checkFile(file: string, realDir: string, problems: Problem[]): { real: string; size: number } | undefined {
  const at0 = { line: 0, column: 0 };
  try {
    const real = realpathSync(file);
    if (!inside(real, realDir)) {
      problems.push(problemAt(file, at0, `refused: this file is a link to ${real}, outside the fact-base folder ${realDir}; copy the file into the folder instead`));
      return undefined;
    }
    const size = statSync(real).size;
    if (size > MAX_FACT_FILE_BYTES) {
      problems.push(problemAt(file, at0, `file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FACT_FILE_BYTES / 1024 / 1024} MB — split it into smaller files`));
      return undefined;
    }
    return { real, size };
  } catch (e) {
    unreadable(file, e, problems);
    return undefined;
  }
}

/** Reads all of `path` into `into` (which holds its size as last seen); undefined when its size changed since. */
function readExactly(path: string, into: Buffer): Buffer | undefined {
  const fd = openSync(path, 'r');
  try {
    let n = 0;
    for (let got = 1; got > 0 && n < into.length; n += got) got = readSync(fd, into, n, into.length - n, null);
    return n === into.length && readSync(fd, Buffer.alloc(1), 0, 1, null) === 0 ? into : undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the files, checked to be UTF-8 (they are decoded only when parsed), into one
 * buffer: one allocation, given back whole when the load is done (many buffers of these
 * sizes stayed in the allocator's arena after a large base's load). A file whose size changed since it
 * was looked at is read on its own. Records a problem for each file that cannot be
 * read or is not UTF-8 (at the line and column of the first bad byte).
 */
function readAll(toRead: readonly ToRead[], problems: Problem[]): (LoadedFile | undefined)[] {
  const all = Buffer.alloc(toRead.reduce((s, f) => s + f.size, 0));
  const out: (LoadedFile | undefined)[] = [];
  let at = 0;
  for (const { kind, file, real, size } of toRead) {
    let bytes: Buffer;
    try {
      bytes = readExactly(real, all.subarray(at, at + size)) ?? readFileSync(real);
    } catch (e) {
      unreadable(file, e, problems);
      out.push(undefined);
      continue;
    } finally {
      at += size;
    }
    if (isUtf8(bytes)) out.push({ kind, file, content: bytes });
    else {
      out.push(undefined);
      const { badAt } = decodeUtf8(bytes);
      problems.push(problemAt(file, badAt ?? { line: 0, column: 0 }, 'the file is not UTF-8 text (this byte is not valid UTF-8): save it as UTF-8'));
    }
  }
  return out;
}

/** Options of loadFactBase. */
export interface LoadOptions {
  /** Use the persistent cache of validated bases (default: on, unless texts are overridden; see loadCache.ts). */
  cache?: boolean;
  /** Also write the load of the bundled folder as its snapshot into this folder (writeSnapshot.ts, at bundling). */
  snapshotInto?: string;
}

/**
 * Loads and validates fact-base folders together (ids must be unique across all of
 * them). Paths in problems and origins are absolute. Also the coverage of each source.
 * Every file is read each time; parsing and validation are skipped when the cache holds
 * the result for exactly these files' contents (see loadCache.ts). A fresh result is
 * stored in the cache after this returns: the caller must not change it in this turn.
 */
export function loadFactBase(dirs: string[], overrides: ReadonlyMap<string, string> = new Map(), options: LoadOptions = {}): ValidationResult {
  useNodeHost(); // parsing reads figures with the bundled units table
  const problems: Problem[] = [];
  const resolved = dirs.map((d) => resolve(d));
  const listed: (LoadedFile | ToRead)[] = []; // overrides' texts, and files to read
  for (const dir of resolved) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      problems.push(problemAt(dir, { line: 0, column: 0 }, 'fact-base folder not found'));
      continue;
    }
    let sources: string[];
    let facts: string[];
    let realDir: string;
    try {
      realDir = realpathSync(dir);
      sources = listSourceFiles(dir);
      const links: string[] = [];
      facts = listFactFiles(dir, links);
      for (const l of links) problems.push(problemAt(join(dir, l), { line: 0, column: 0 }, 'a link to a folder is not followed: its fact files are not loaded (add the folder as a fact base of its own)', 'warning'));
    } catch (e) {
      problems.push(problemAt(dir, { line: 0, column: 0 }, `cannot read this fact-base folder: ${(e as Error).message}`));
      continue;
    }
    if (sources.length === 0 && facts.length === 0) {
      problems.push(problemAt(dir, { line: 0, column: 0 }, `no fact files (*.yaml) or sources (sources${sep}*.md) in this folder`, 'warning'));
    }
    for (const [kind, rels] of [['source', sources], ['fact', facts]] as const) {
      for (const rel of rels) {
        const file = join(dir, rel);
        const text = overrides.get(file);
        const found = text === undefined ? checkFile(file, realDir, problems) : undefined;
        if (text !== undefined) listed.push({ kind, file, content: text });
        else if (found) listed.push({ kind, file, ...found });
      }
    }
  }
  const read = readAll(listed.filter((f): f is ToRead => !('content' in f)), problems);
  let k = 0;
  const files = listed.flatMap((f) => ('content' in f ? [f] : (read[k++] ?? [])));
  const cache = (options.cache ?? overrides.size === 0) ? cacheDir() : undefined;
  const key = cache === undefined ? undefined : cacheKey(resolved, files);
  let result = cache && key ? readCache<ValidationResult>(cache, key) : undefined;
  if (!result && cache && key) {
    // The first load of the bundled base: the snapshot made when the extension was bundled.
    result = readSnapshot(resolved, files, bundledFactsDir());
    if (result) {
      startupMark('server', 'fact base read from the packaged snapshot');
      writeCache(cache, key, result); // after this load returns
    }
  }
  if (!result) {
    // Required here: the parsers load only when the cache cannot answer (parseAndValidate.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand (see above)
    const { parseAndValidate } = require('../core/factbase/parseAndValidate') as typeof import('../core/factbase/parseAndValidate');
    result = parseAndValidate(resolved, files);
    if (cache && key) writeCache(cache, key, result); // after this load returns
    if (options.snapshotInto && resolved.length === 1) writeSnapshot(options.snapshotInto, resolved[0], files, result);
  }
  return { ...result, problems: sortProblems([...problems, ...result.problems]) };
}

