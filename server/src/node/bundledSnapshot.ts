/**
 * The bundled fact base's load, made when the extension is bundled (scripts/bundle.mjs
 * runs node/writeSnapshot.ts through a bundle of its own, with the same build id), so the
 * first start after installing reads it instead of parsing and validating the base in
 * the loading worker (about 1 s beside a starting editor: BENCHMARKS.md). It is a load
 * cache entry (node/loadCache.ts: checksum, key inside) in dist/snapshot/, keyed on the
 * code's build id and on every file's path relative to the bundled folder and content,
 * so it is used only for exactly the files it was made from, wherever the extension is
 * installed; its absolute paths (where the bundle was built) are moved to the installed
 * folder as it is read. Only for the bundled folder alone, and only when caching is on.
 */
import { join, relative } from 'node:path';
import type { LoadedFile, ValidationResult } from '../core';
import { readCache, relocatableKey, writeCache } from './loadCache';
import { packageRoot } from './packageRoot';

/** The folder of the snapshot, relative to the package root. */
export const SNAPSHOT_DIR = join('dist', 'snapshot');

/** What the snapshot holds: the load, and the folder it was made in. */
interface Snapshot {
  root: string;
  result: ValidationResult;
}

/** The key of the bundled folder's files (paths relative to it). */
function keyOf(dir: string, files: readonly LoadedFile[]): string {
  return relocatableKey(files.map((f) => ({ ...f, file: relative(dir, f.file) })));
}

/** Writes the snapshot of `dir`'s load (the bundled folder) into `into`, after this turn (cacheWritesSettled says when it is written). */
export function writeSnapshot(into: string, dir: string, files: readonly LoadedFile[], result: ValidationResult): void {
  writeCache(into, keyOf(dir, files), { root: dir, result } satisfies Snapshot);
}

/**
 * The load of `dirs` from the snapshot, when `dirs` is the bundled folder alone and the
 * snapshot was made from exactly `files`; else undefined.
 */
export function readSnapshot(dirs: readonly string[], files: readonly LoadedFile[], bundled: string): ValidationResult | undefined {
  if (dirs.length !== 1 || dirs[0] !== bundled) return undefined;
  const snapshot = readCache<Snapshot>(join(packageRoot(), SNAPSHOT_DIR), keyOf(bundled, files));
  return snapshot ? moved(snapshot.result, snapshot.root, bundled) : undefined;
}

/** `value` with every string that is `from` or starts with `from` and a separator starting with `to` instead (in place). */
function moved<T>(value: T, from: string, to: string): T {
  if (from === to) return value;
  const seen = new Set<object>();
  const move = (s: string): string => (s === from || s.startsWith(from + '/') || s.startsWith(from + '\\') ? to + s.slice(from.length) : s);
  const walk = (x: unknown): unknown => {
    if (typeof x === 'string') return move(x);
    if (!x || typeof x !== 'object' || seen.has(x)) return x;
    seen.add(x);
    if (x instanceof Map) {
      for (const [k, v] of [...x]) {
        const k2 = walk(k);
        if (k2 !== k) x.delete(k);
        x.set(k2, walk(v));
      }
    } else if (x instanceof Set) {
      for (const v of [...x]) {
        const v2 = walk(v);
        if (v2 !== v) {
          x.delete(v);
          x.add(v2);
        }
      }
    } else {
      const o = x as Record<string, unknown>;
      for (const k of Object.keys(o)) o[k] = walk(o[k]);
    }
    return x;
  };
  return walk(value) as T;
}
