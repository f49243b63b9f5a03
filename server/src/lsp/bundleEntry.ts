/**
 * The entry of the language server's bundle (dist/server.js, scripts/bundle.mjs), the
 * module the VS Code extension starts: turns on V8's code cache with v8-compile-cache,
 * then loads the server (dist/serverMain.js, the bundle of lsp/main.ts). A start with the
 * cache skips most of the parsing and compiling of the 2 MB bundle (compile 70 → 20 ms,
 * its first run 120 → 55 ms alone; two to three times that beside a starting editor:
 * BENCHMARKS.md). The cache lives in the user's own cache folder (node/cacheDir.ts,
 * created private, like the fact-base cache), not in a shared temporary folder, and is off
 * when FACTCHECK_CACHE=0. v8-compile-cache writes it each time the server exits; V8
 * rejects a cache made by another V8 or for other code. Only in the bundle: tsc's output runs
 * lsp/main.js directly.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { codeCacheDir } from '../node/cacheDir';

const dir = codeCacheDir();
try {
  if (!dir) throw new Error('caching is off');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  process.env.V8_COMPILE_CACHE_CACHE_DIR = dir;
} catch {
  process.env.DISABLE_V8_COMPILE_CACHE = '1'; // no folder to keep it in: compile as usual
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- installs its hook when required, before the server loads
require('v8-compile-cache');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the server's bundle, loaded through that hook
require(join(__dirname, 'serverMain.js'));
