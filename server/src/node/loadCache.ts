/**
 * A persistent cache of validated fact bases, for warm starts: the result of parsing and
 * validating a fact base, stored in the user's cache folder under a key that hashes the
 * content and path of every file read, the folders, the package's version, the compiled
 * code of the core, the bundled units table and the versions of the libraries it parses with. Any change to one
 * of them is a new key; an entry that cannot be read, does not match its checksum or was
 * stored under another key is ignored (and the base is loaded afresh). Never in a fact
 * base's folder. FACTCHECK_CACHE_DIR sets the folder; FACTCHECK_CACHE=0 turns it off.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { packageRoot } from './packageRoot';
import { UNITS_FILE } from './bundledUnits';
import type { LoadedFile } from '../core';

/** Bumped whenever the stored layout or what a key covers changes. */
const FORMAT = 'factcheck-zh factbase cache 2';
const MAGIC = Buffer.from('FCFBC1\n');
const DIGEST = 32;
/** Entries kept; older ones are removed when one is written. */
const KEEP = 4;
/** Libraries whose versions change what parsing and validation give. */
const LIBRARIES = ['yaml', 'js-yaml', 'zod', 'fastest-levenshtein'];

let fingerprint: string | undefined;

/** In the bundles (scripts/bundle.mjs), a hash of everything they were built from; undefined in tsc's output. */
declare const FACTCHECK_BUILD_ID: string | undefined;

/**
 * Hash of the code that parses and validates: the bundle's build id, or else (tsc's
 * output) of the compiled core and of this folder, the loader (every .js file below
 * them), and of the libraries' package.json files; once per process.
 */
function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  if (typeof FACTCHECK_BUILD_ID === 'string') return (fingerprint = `bundle ${FACTCHECK_BUILD_ID}`);
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js')) h.update(`${p}\0`).update(readFileSync(p));
    }
  };
  walk(join(dirname(__dirname), 'core'));
  walk(__dirname);
  // The bundled units table reads every base's figures (a base's own units only extend it).
  try {
    h.update('units\0').update(readFileSync(join(packageRoot(), UNITS_FILE)));
  } catch {
    // no table: the load reports it
  }
  for (const lib of LIBRARIES) {
    let dir = dirname(require.resolve(lib));
    while (!safeIsFile(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    h.update(`${lib}\0`).update(readFileSync(join(dir, 'package.json')));
  }
  fingerprint = h.digest('hex');
  return fingerprint;
}

function safeIsFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The key of a load: what the result depends on, hashed. A text and its UTF-8 bytes give the same key. */
export function cacheKey(dirs: readonly string[], files: readonly LoadedFile[]): string {
  const h = createHash('sha256');
  h.update(`${FORMAT}\0${codeFingerprint()}\0${JSON.stringify(dirs)}\0${files.length}\0`);
  for (const f of files) h.update(`${f.kind}\0${f.file}\0${Buffer.byteLength(f.content)}\0`).update(f.content).update('\0');
  return h.digest('hex');
}

/**
 * A key that does not depend on where the files are (their paths relative to their
 * folder): the bundled base's snapshot (bundledSnapshot.ts).
 */
export function relocatableKey(files: readonly LoadedFile[]): string {
  const h = createHash('sha256');
  h.update(`${FORMAT}\0relocatable\0${codeFingerprint()}\0${files.length}\0`);
  for (const f of files) h.update(`${f.kind}\0${f.file}\0${Buffer.byteLength(f.content)}\0`).update(f.content).update('\0');
  return h.digest('hex');
}

/** Path of the entry for a key. */
function entryPath(dir: string, key: string): string {
  return join(dir, `base-${key.slice(0, 40)}.bin`);
}

/** The value stored under `key`, or undefined when there is none that reads back whole. */
export function readCache<T>(dir: string, key: string): T | undefined {
  try {
    const buf = readFileSync(entryPath(dir, key));
    if (buf.length < MAGIC.length + DIGEST || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const payload = buf.subarray(MAGIC.length + DIGEST);
    const digest = createHash('sha256').update(payload).digest();
    if (!digest.equals(buf.subarray(MAGIC.length, MAGIC.length + DIGEST))) return undefined;
    const stored = deserialize(payload) as { key?: unknown; value?: T };
    if (!stored || stored.key !== key) return undefined;
    touch(entryPath(dir, key));
    return stored.value;
  } catch {
    return undefined; // missing, unreadable or corrupt: load afresh
  }
}

/** Entry writes under way in this thread. */
const writes = new Set<Promise<void>>();

/**
 * Stores `value` under `key` (written whole or not at all); keeps the newest few entries.
 * Never throws. Nothing is done before the current task ends: the value is serialized in
 * the next turn of the event loop and the file written after it, so the load it caches
 * returns without waiting for either. The caller must not change `value` before then (or
 * must restore it first, as the server's loading worker does). A process exits only once
 * the entry is written, and cacheWritesSettled() says when.
 */
export function writeCache(dir: string, key: string, value: unknown): void {
  const p: Promise<void> = nextTurn()
    .then(() => {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const payload = serialize({ key, value });
      return storeEntry(dir, key, createHash('sha256').update(payload).digest(), payload);
    })
    .catch(() => undefined) // a cache that cannot be written only makes the next load slower
    .finally(() => writes.delete(p));
  writes.add(p);
}

/** Resolves in the event loop's next turn (after the current task and its I/O callbacks). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Resolves once every entry this thread started writing is written (or given up). */
export async function cacheWritesSettled(): Promise<void> {
  while (writes.size) await Promise.all([...writes]);
}

/** Writes an entry to a temporary file, then renames it into place, then prunes. */
async function storeEntry(dir: string, key: string, digest: Buffer, payload: Buffer): Promise<void> {
  const tmp = join(dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  const fh = await open(tmp, 'wx', 0o600);
  try {
    // Part by part, not concatenated first: the payload of a large base is tens of MB.
    for (const part of [MAGIC, digest, payload]) await writeFile(fh, part);
  } catch (e) {
    await fh.close();
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  await rename(tmp, entryPath(dir, key));
  prune(dir);
}

/** Marks an entry as used now, so pruning keeps it. */
function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // read-only cache folder: pruning order only
  }
}

/** Removes all but the KEEP newest entries, and temporary files left by stopped writers. */
function prune(dir: string): void {
  const entries: { path: string; mtime: number }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      const st = statSync(path);
      if (name.startsWith('base-') && name.endsWith('.bin')) entries.push({ path, mtime: st.mtimeMs });
      else if (name.startsWith('.tmp-') && Date.now() - st.mtimeMs > 10 * 60_000) unlinkSync(path);
    } catch {
      // removed meanwhile by another process
    }
  }
  entries.sort((a, b) => b.mtime - a.mtime);
  for (const e of entries.slice(KEEP)) {
    try {
      unlinkSync(e.path);
    } catch {
      // removed meanwhile
    }
  }
}
