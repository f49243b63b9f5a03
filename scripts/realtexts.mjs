#!/usr/bin/env node
// Checks a folder of real public texts (kept outside the repository: they are third-party
// text) each as of its own front-matter date, and prints every error and warning, every
// verified claim and a summary, for a person to judge each flag against the sources.
//
//   node scripts/realtexts.mjs DIR [--verified]
//
// Each file is Markdown with front matter (date: YYYY-MM-DD, url: …). docs/REAL-TEXTS.md
// lists the texts used, by address and date, and what the checker said of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(fileURLToPath(import.meta.url), '..', '..');
const { checkText } = require(join(root, 'out/server/src/core/index.js'));
const { loadFactBase, bundledFactsDir, today } = require(join(root, 'out/server/src/node/index.js'));

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node scripts/realtexts.mjs DIR [--verified]\n');
  process.exit(2);
}
const showVerified = process.argv.includes('--verified');
const { base } = loadFactBase([bundledFactsDir()]);
const totals = { texts: 0, claims: 0, verified: 0, flags: 0 };
for (const name of readdirSync(dir).filter((n) => /^\d.*\.md$/.test(n)).sort()) {
  const text = readFileSync(join(dir, name), 'utf8');
  const r = checkText(text, base, { asOf: today() }); // each text's front matter gives its date
  const flags = r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  const verified = r.claims.filter((c) => c.status === 'verified');
  const around = (start, end) => text.slice(Math.max(0, start - 20), end + 8).replace(/\s+/g, ' ');
  for (const f of flags) console.log(`FLAG ${name} ${f.code} “${text.slice(f.start, f.end)}” | ${around(f.start, f.end)} | ${f.message}`);
  if (showVerified) for (const c of verified) console.log(`VER  ${name} “${c.text}” ${c.factId ?? ''} | ${around(c.start, c.end)}`);
  console.log(`TEXT ${name} as of ${r.asOf}: ${r.claims.length} claims, ${verified.length} verified, ${flags.length} errors and warnings`);
  totals.texts++;
  totals.claims += r.claims.length;
  totals.verified += verified.length;
  totals.flags += flags.length;
}
console.log(`${totals.texts} texts: ${totals.claims} claims, ${totals.verified} verified, ${totals.flags} errors and warnings`);
