#!/usr/bin/env node
// Dumps checkText's full results (claims and findings) for every draft the accuracy gates
// use — the shared dev set, the project fixtures and each source file as of its own
// `published` date — as one JSON document, so a speed change can be diffed for identical
// behaviour:  node scripts/bench/dump.mjs > before.json; …; node scripts/bench/dump.mjs > after.json; diff
// Also prints the sources' self-check on stderr (error/warning flags, verified claims).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { checkText } = require(join(root, 'out/server/src/core/index.js'));
const { loadFactBase, bundledFactsDir } = require(join(root, 'out/server/src/node/index.js'));

const { base } = loadFactBase([bundledFactsDir()]);
const out = {};
const sets = [join(root, '../shared/eval/dev'), join(root, 'test/fixtures/drafts')];
for (const dir of sets) {
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).filter((n) => /\.(md|txt)$/.test(n)).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    out[`${relative(root, dir)}/${name}`] = checkText(text, base, { asOf: '2025-12-01' });
  }
}
let flags = 0;
let verified = 0;
let claims = 0;
for (const s of base.sources) {
  // The whole file, front matter included: its title names the district, as a draft's does.
  const r = checkText(readFileSync(s.file, 'utf8'), base, { asOf: s.published });
  out[`source:${s.id}`] = r;
  flags += r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
  claims += r.claims.length;
  verified += r.claims.filter((c) => c.status === 'verified').length;
}
process.stderr.write(`sources self-check: ${flags} error/warning flags, ${verified} of ${claims} claims verified\n`);
// Paths under the package root are written relative to it, so dumps of two checkouts compare.
process.stdout.write(JSON.stringify(out, null, 1).split(root + '/').join('<root>/') + '\n');
