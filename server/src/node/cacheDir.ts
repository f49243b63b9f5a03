/**
 * The user's cache folder for fact bases (node/loadCache.ts) and for the compiled code
 * of the language server's bundle (lsp/bundleEntry.ts). Imports only Node's os and path:
 * the bundle's entry reads it before the bundle itself loads.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder cache entries go in, or undefined when caching is off or there is none. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string | undefined {
  if (env.FACTCHECK_CACHE === '0' || env.FACTCHECK_CACHE_DIR === '') return undefined;
  if (env.FACTCHECK_CACHE_DIR) return env.FACTCHECK_CACHE_DIR;
  let base = env.XDG_CACHE_HOME;
  if (!base) {
    let home: string;
    try {
      home = homedir();
    } catch {
      return undefined;
    }
    if (!home) return undefined;
    base = platform === 'win32' ? (env.LOCALAPPDATA ?? join(home, 'AppData', 'Local')) : platform === 'darwin' ? join(home, 'Library', 'Caches') : join(home, '.cache');
  }
  return join(base, 'factcheck-zh', 'factbase');
}

/**
 * Where the language server's bundle keeps V8's code cache (its compiled functions, so a
 * start skips most of parsing and compiling): a folder per V8 version inside cacheDir(),
 * or undefined when caching is off.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = cacheDir(env);
  return dir === undefined ? undefined : join(dir, 'code', process.versions.v8);
}
