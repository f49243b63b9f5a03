#!/usr/bin/env node
// Dumps everything loadFactBase returns for the given folders — every problem (with its
// position, end and related places), the coverage of each source, and every entry of the
// base with its origin — one JSON line per item, so a change to loading can be diffed for
// identical results:  node scripts/bench/dumpBase.mjs DIR… > before.jsonl; …; cmp before.jsonl after.jsonl
import { writeSync } from 'node:fs';
import { requireRoot } from './corpus.mjs';

const { loadFactBase } = requireRoot('./out/server/src/node/index.js');
const dirs = process.argv.slice(2);
if (!dirs.length) throw new Error('usage: node scripts/bench/dumpBase.mjs DIR…');
const { base, problems, coverage } = loadFactBase(dirs);
const out = (kind, x) => writeSync(1, JSON.stringify([kind, x]) + '\n');
out('counts', { problems: problems.length, coverage: coverage.length, observations: base.observations.length, dirs: base.dirs });
for (const p of problems) out('problem', p);
for (const c of coverage) out('coverage', c);
for (const kind of ['subjects', 'measures', 'observations', 'roles', 'exclusions', 'sources']) {
  for (const x of base[kind]) out(kind, { value: x, origin: x.id === undefined ? undefined : base.origins.get(x.id) });
}
out('origins', [...base.origins.entries()]);
