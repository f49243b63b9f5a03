#!/usr/bin/env node
// `npm run bundle`: the extension and its language server, each bundled into one file
// with esbuild (as vscode-eslint does), in dist/:
//   extension.js   the VS Code client (client/src/extension.ts; `vscode` is the host's)
//   server.js      the language server's entry (server/src/lsp/bundleEntry.ts): turns on
//                  V8's code cache, then loads serverMain.js
//   serverMain.js  the language server (server/src/lsp/main.ts)
//   baseWorker.js  its fact-base loading thread (server/src/lsp/baseWorker.ts)
//   snapshot/      the bundled fact base, loaded (server/src/node/bundledSnapshot.ts)
// A worker is started as `join(__dirname, '<name>.js')`, and __dirname of every bundle is
// dist/, so each worker is an entry of its own, named as its source. nodejieba stays
// outside (a native module with its dictionaries: the VSIX ships it in node_modules).
// The fact-base load cache keys its entries on the code that parsed them: the bundles
// carry FACTCHECK_BUILD_ID, a hash of every input file, of esbuild's version and of this
// script (server/src/node/loadCache.ts). The CLI is not bundled: it runs from out/ (tsc).
// --minify minifies (names kept, for readable stack traces).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist');
const minify = process.argv.includes('--minify');

/**
 * Packages resolve as Node resolves them for tsc's CommonJS output (the `require`
 * condition of their exports): esbuild would take the `import` condition for an import
 * statement, and an ES module's import.meta is empty in a CommonJS bundle.
 */
const requireCondition = {
  name: 'require-condition',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.pluginData === 'require' || (args.kind !== 'import-statement' && args.kind !== 'dynamic-import')) return undefined;
      return build.resolve(args.path, { kind: 'require-call', importer: args.importer, resolveDir: args.resolveDir, pluginData: 'require' });
    });
  },
};

/** Options shared by every bundle. */
const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outdir: OUT,
  sourcemap: 'linked',
  sourcesContent: false,
  minify,
  keepNames: true, // readable stack traces: function and class names survive minification
  logLevel: 'warning',
  metafile: true,
  plugins: [requireCondition],
};

const client = { ...common, entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode'] };
const server = {
  ...common,
  entryPoints: {
    server: 'server/src/lsp/bundleEntry.ts',
    serverMain: 'server/src/lsp/main.ts',
    baseWorker: 'server/src/lsp/baseWorker.ts',
  },
  external: ['nodejieba'],
};

/** Hash of everything a bundle is made of: its input files, esbuild's version and this script. */
async function buildId() {
  const h = createHash('sha256').update(`esbuild ${esbuild.version}\0`).update(readFileSync(fileURLToPath(import.meta.url)));
  const inputs = new Set();
  for (const options of [client, server]) {
    const { metafile } = await esbuild.build({ ...options, write: false, logLevel: 'silent' });
    for (const file of Object.keys(metafile.inputs)) inputs.add(file);
  }
  for (const file of [...inputs].sort()) h.update(`${file}\0`).update(readFileSync(join(ROOT, file)));
  return h.digest('hex').slice(0, 32);
}

rmSync(OUT, { recursive: true, force: true });
const id = await buildId();
const define = { FACTCHECK_BUILD_ID: JSON.stringify(id) };
let bytes = 0;
for (const options of [client, server]) {
  const { metafile, warnings } = await esbuild.build({ ...options, define });
  if (warnings.length) throw new Error(`bundle: ${warnings.length} warning(s) above: a bundle must build cleanly`);
  for (const [file, out] of Object.entries(metafile.outputs)) if (file.endsWith('.js')) bytes += out.bytes;
}
// The bundled fact base's snapshot (server/src/node/bundledSnapshot.ts): written by a
// bundle of node/writeSnapshot.ts with the same build id, which is then removed.
const writer = join(OUT, '.writeSnapshot.js');
await esbuild.build({ ...common, outdir: undefined, entryPoints: [join(ROOT, 'server/src/node/writeSnapshot.ts')], outfile: writer, sourcemap: false, external: ['nodejieba'], define });
const written = spawnSync(process.execPath, [writer, join(OUT, 'snapshot')], { stdio: 'inherit', env: { ...process.env, FACTCHECK_STARTUP_LOG: '' } });
rmSync(writer, { force: true });
if (written.status !== 0) throw new Error('bundle: the snapshot of the bundled fact base could not be written');
// Written private like any cache entry; installed, it is read by whoever runs the extension.
chmodSync(join(OUT, 'snapshot'), 0o755);
for (const f of readdirSync(join(OUT, 'snapshot'))) chmodSync(join(OUT, 'snapshot', f), 0o644);
process.stderr.write(`bundle: ${relative(process.cwd(), OUT) || '.'}/ extension.js, server.js, serverMain.js, baseWorker.js (${(bytes / 2 ** 20).toFixed(2)} MB, build ${id.slice(0, 12)}), snapshot/\n`);
