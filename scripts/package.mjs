#!/usr/bin/env node
// `npm run package` (after `npm run bundle`): the VSIX for the platform this runs on.
// nodejieba is a native module built by `npm ci` for this machine, so the package is
// marked with vsce's --target for it (linux-x64, win32-x64, darwin-arm64, …): VS Code
// installs it only there, and the marketplace serves each platform its own. What goes in
// is .vscodeignore's (the bundles, the segmenter, the fact base). Prints the VSIX's file
// count and size, with the largest files, and fails above MAX_FILES files.
//   node scripts/package.mjs [--target T] [--out FILE]     (default factcheck-zh.vsix)
// --target names the platform expected (CI's matrix): the script refuses another one, as
// the native module in the package is always this machine's.
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { createVSIX } = require('@vscode/vsce');
const yauzl = require('yauzl');

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The most files a VSIX may hold (issue 20: the bundles, the segmenter, the fact base and little else). */
const MAX_FILES = 60;

/** vsce's target for this machine: `${platform}-${arch}`, alpine for Linux on musl. */
function currentTarget(platform = process.platform, arch = process.arch, glibc = process.report?.getReport().header.glibcVersionRuntime) {
  const os = platform === 'linux' && !glibc ? 'alpine' : platform;
  const cpu = arch === 'arm' ? 'armhf' : arch;
  const target = `${os}-${cpu}`;
  const known = ['win32-x64', 'win32-arm64', 'linux-x64', 'linux-arm64', 'linux-armhf', 'alpine-x64', 'alpine-arm64', 'darwin-x64', 'darwin-arm64'];
  if (!known.includes(target)) throw new Error(`no VS Code target for ${platform} ${arch}`);
  return target;
}

/** The entries of a zip file: name and uncompressed size. */
async function entries(file) {
  const zip = await yauzl.openPromise(file);
  const out = [];
  try {
    for await (const e of zip.eachEntry()) if (!e.fileName.endsWith('/')) out.push({ name: e.fileName, size: e.uncompressedSize });
  } finally {
    zip.close();
  }
  return out;
}

const mb = (n) => `${(n / 2 ** 20).toFixed(2)} MB`;

/** Packages the VSIX as the command line asks; resolves to the exit status. */
async function main(argv) {
  const option = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = resolve(option('--out') ?? 'factcheck-zh.vsix');
  const target = currentTarget();
  const asked = option('--target');
  if (asked && asked !== target) throw new Error(`--target ${asked}: this machine packages for ${target} (nodejieba is built for it)`);
  if (!existsSync(resolve(ROOT, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run `npm run bundle` first');
  await createVSIX({ cwd: ROOT, packagePath: out, target, allowMissingRepository: true, skipLicense: true, rewriteRelativeLinks: false });
  const files = await entries(out);
  const size = statSync(out).size;
  const unpacked = files.reduce((n, f) => n + f.size, 0);
  const largest = [...files].sort((a, b) => b.size - a.size).slice(0, 5);
  process.stdout.write(
    `${relative(process.cwd(), out)} (${target}): ${files.length} files, ${mb(size)} (${mb(unpacked)} unpacked)\n` +
      `largest: ${largest.map((f) => `${f.name.replace(/^extension\//, '')} ${mb(f.size)}`).join(', ')}\n`,
  );
  if (files.length > MAX_FILES) {
    process.stderr.write(`package: ${files.length} files, more than ${MAX_FILES}: see .vscodeignore\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`package: ${e.message}\n`);
    return 2;
  });
}
