#!/usr/bin/env node
// Recall and precision of `factcheck facts suggest --all` against the curated base, per
// source: what test/unit/suggestQuality.test.ts gates. Usage: node scripts/suggest-quality.mjs
// [--facts DIR]… [--verbose]   (after `npx tsc -b`)
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { loadFactBase, bundledFactsDir } = require('../out/server/src/node/index.js');
const { suggestSource, compareWithCurated } = require('../out/server/src/core/index.js');

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dirs = args.flatMap((a, i) => (args[i - 1] === '--facts' ? [a] : []));
const { base } = loadFactBase(dirs.length ? dirs : [bundledFactsDir()]);
let curated = 0, recalled = 0, suggested = 0, matched = 0;
const pct = (x) => `${(100 * x).toFixed(1)}%`;
for (const s of base.sources) {
  const q = compareWithCurated(base, s.id, suggestSource(base, s.id, { all: true }).suggestions);
  curated += q.curated; recalled += q.recalled; suggested += q.suggested; matched += q.matched;
  console.log(`${s.id}: recall ${q.recalled}/${q.curated} ${pct(q.recall)}, precision ${q.matched}/${q.suggested} ${pct(q.precision)}`);
  if (verbose) {
    for (const m of q.missed) console.log(`  missed    ${m}`);
    for (const u of q.unmatched) console.log(`  unmatched ${u}`);
  }
}
console.log(`all: recall ${recalled}/${curated} ${pct(recalled / curated)}, precision ${matched}/${suggested} ${pct(matched / suggested)}`);
