// Two checkouts on the same inputs: this one and another (built with `npx tsc -b`, its own
// node_modules), e.g. a worktree of an earlier commit. `npm run bench` in each checkout
// measures that version on its own corpus and draft, and the corpus grows with the
// fixtures; here both engines check this checkout's corpus (repeated and made distinct,
// as throughput.mjs does) and its 50,000-character editing draft, each CLI run in a fresh
// process, alternating version by version, run by run, so the machine's drift falls on
// both. Prints a Markdown table of the minimum and median of each figure.
//
//   node scripts/bench/compare.mjs ../other-checkout [runs]   (default 5 runs)
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { corpus, ROOT } from './corpus.mjs';
import { editing } from './lsp.mjs';

const other = resolve(process.argv[2] ?? '');
const runs = Number(process.argv[3] ?? 5);
if (!process.argv[2] || !existsSync(join(other, 'out/server/src/cli/checkCommand.js'))) {
  console.error('usage: node scripts/bench/compare.mjs OTHER_CHECKOUT [runs]  (OTHER_CHECKOUT built with npx tsc -b)');
  process.exit(2);
}
const roots = [ROOT, other];

/** The timed part of `factcheck check --jobs 1`, as throughput.mjs times it: check and the JSON report, in a fresh process. */
const CHILD = `
import { createRequire } from 'node:module';
const [root, dir] = process.argv.slice(2);
const req = createRequire(root + '/package.json');
const { parseCheckArgs, executeCheck } = req('./out/server/src/cli/checkCommand.js');
const { formatReport } = req('./out/server/src/cli/formats/index.js');
const run = parseCheckArgs([dir, '--no-config', '--format', 'json', '--as-of', '2025-12-01', '--jobs', '1'], root);
const t0 = performance.now();
const report = await executeCheck(run);
formatReport(run.format, report, { color: false, cwd: root, locale: 'zh' });
const claims = report.files.reduce((n, f) => n + (f.claims?.length ?? 0), 0);
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, claims }));
`;

const dir = mkdtempSync(join(tmpdir(), 'factcheck-compare-'));
try {
  const { texts, chars } = corpus(2_000_000);
  const repeated = join(dir, 'repeated');
  const distinct = join(dir, 'distinct');
  execFileSync('mkdir', [repeated, distinct]);
  const reps = new Map();
  texts.forEach((x, i) => {
    const name = `d${String(i).padStart(4, '0')}.md`;
    writeFileSync(join(repeated, name), x);
    const k = (reps.get(x) ?? 0) + 1;
    reps.set(x, k);
    writeFileSync(join(distinct, name), x.replace(/([，。])/g, `$1〔${k}〕`));
  });
  const child = join(dir, 'check.mjs');
  writeFileSync(child, CHILD);
  const results = new Map(roots.map((r) => [r, { repeated: [], distinct: [], edit: [], server: [], claims: {}, diagnostics: 0 }]));
  for (let k = 0; k < runs; k++) {
    for (const root of roots) {
      const r = results.get(root);
      for (const [name, folder] of [['repeated', repeated], ['distinct', distinct]]) {
        const out = JSON.parse(execFileSync(process.execPath, [child, root, folder], { encoding: 'utf8', maxBuffer: 1 << 20 }));
        r[name].push(out.ms);
        r.claims[name] = out.claims;
      }
      const e = await editing(200, 50_000, { serverArgs: [join(root, 'bin', 'factcheck.js'), 'lsp'] });
      r.edit.push(e.median);
      r.server.push(e.server.median);
      r.diagnostics = e.diagnostics;
      process.stderr.write(`run ${k + 1}/${runs} ${root}: ${r.repeated.at(-1).toFixed(0)} / ${r.distinct.at(-1).toFixed(0)} ms, edit ${e.median.toFixed(1)} ms\n`);
    }
  }
  const min = (xs) => Math.min(...xs);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const cell = (xs, unit, digits = 0) => `${min(xs).toFixed(digits)} / ${median(xs).toFixed(digits)} ${unit}`;
  const [a, b] = roots.map((r) => results.get(r));
  const ratio = (key) => (median(a[key]) / median(b[key])).toFixed(2);
  console.log(`\nSame inputs, ${runs} alternating runs: ${chars.toLocaleString('en')} characters in ${texts.length} drafts; figures are min / median.\n`);
  console.log(`| figure | this checkout | ${other} | ratio of medians |`);
  console.log('| --- | --- | --- | --- |');
  console.log(`| check --jobs 1, repeated corpus (claims) | ${cell(a.repeated, 'ms')} (${a.claims.repeated}) | ${cell(b.repeated, 'ms')} (${b.claims.repeated}) | ${ratio('repeated')} |`);
  console.log(`| check --jobs 1, repetitions made distinct (claims) | ${cell(a.distinct, 'ms')} (${a.claims.distinct}) | ${cell(b.distinct, 'ms')} (${b.claims.distinct}) | ${ratio('distinct')} |`);
  const perClaim = (r, key) => `${((median(r[key]) * 1000) / r.claims[key]).toFixed(1)} µs`;
  const perClaimRatio = (key) => ((median(a[key]) / a.claims[key]) / (median(b[key]) / b.claims[key])).toFixed(2);
  console.log(`| same per claim (median), repeated corpus | ${perClaim(a, 'repeated')} | ${perClaim(b, 'repeated')} | ${perClaimRatio('repeated')} |`);
  console.log(`| same per claim (median), distinct | ${perClaim(a, 'distinct')} | ${perClaim(b, 'distinct')} | ${perClaimRatio('distinct')} |`);
  console.log(`| edit → diagnostics, median of 200 edits (diagnostics) | ${cell(a.edit, 'ms', 1)} (${a.diagnostics}) | ${cell(b.edit, 'ms', 1)} (${b.diagnostics}) | ${ratio('edit')} |`);
  console.log(`| same, in the server | ${cell(a.server, 'ms', 1)} | ${cell(b.server, 'ms', 1)} | ${ratio('server')} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
