#!/usr/bin/env node
// `npm run bench`: every figure of the speed issue, measured side by side in one run,
// printed as a table with the target of each. Needs a build (npm run build). Sections can
// be chosen: node scripts/bench/run.mjs [throughput] [editing] [start] [large] [scale]
// (all by default). BENCH_OBS sets the generated base's size (default 100000).
// The figures and the machine they were measured on are recorded in BENCHMARKS.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { throughput } from './throughput.mjs';
import { editing, startUp, longCheck, memoryWith } from './lsp.mjs';
import { largeCli } from './largeCli.mjs';
import { scale } from './scale.mjs';
import { generateBase } from './genBase.mjs';
import { requireRoot } from './corpus.mjs';

const all = ['throughput', 'editing', 'start', 'large', 'scale'];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : all;
for (const c of chosen) if (!all.includes(c)) throw new Error(`unknown section ${c}: expected ${all.join(', ')}`);
const rows = [];
const f = (x, d = 0) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : String(x));
const row = (figure, value, target, ok) => {
  rows.push({ figure, value, target, ok: ok === undefined ? '' : ok ? 'yes' : 'NO' });
  process.stderr.write(`  ${figure}: ${value}${target ? `  (target ${target})` : ''}\n`);
};

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);

if (chosen.includes('throughput')) {
  process.stderr.write('throughput…\n');
  const r = await throughput();
  row(`corpus`, `${f(r.chars / 1e6, 2)} M characters in ${r.drafts} drafts`);
  row('nodejieba cut (its own dictionary: "cut" below)', `${f(r.jiebaMcps, 2)} M chars/s`);
  row('nodejieba cut, the engine\'s compact dictionary', `${f(r.jiebaCompactMcps, 2)} M chars/s`);
  row('factcheck check --jobs 1', `${f(r.checkMcps1, 3)} M chars/s = ${f(r.ratio1, 3)} × cut (${f(r.ratio1Compact, 3)} × compact cut)`, '≥ 0.333 × cut', r.ratio1 >= 1 / 3);
  row('factcheck check --jobs 1, repetitions made distinct', `${f(r.checkMcpsDistinct, 3)} M chars/s = ${f(r.ratioDistinct, 3)} × cut`, '≥ 0.333 × cut', r.ratioDistinct >= 1 / 3);
  row('factcheck check (default jobs)', `${f(r.checkMcpsDefault, 3)} M chars/s = ${f(r.ratioDefault, 3)} × cut`, '≥ 0.333 × cut', r.ratioDefault >= 1 / 3);
}
if (chosen.includes('editing')) {
  process.stderr.write('editing…\n');
  const r = await editing();
  row('edit → diagnostics, 50,000-char draft, median', `${f(r.median, 1)} ms (${r.n} edits, ${r.diagnostics} diagnostics)`, '≤ 20 ms', r.median <= 20);
  row('edit → diagnostics, p95', `${f(r.p95, 1)} ms (max ${f(r.max, 1)})`, '≤ 50 ms', r.p95 <= 50);
  row('same, in the server: check start → diagnostics handed to the connection (debounce, encoding and transport excluded), median / p95', `${f(r.server.median, 1)} / ${f(r.server.p95, 1)} ms`);
  row('server RSS after the edits (bundled base)', `${f(r.rssMB)} MB (peak ${f(r.peakMB)})`);
}
if (chosen.includes('start')) {
  process.stderr.write('start…\n');
  const r = await startUp();
  row('server spawn → ready (dictionary and base loaded, hover answered)', `${f(r.readyMs)} ms`, '≤ 1000 ms', r.readyMs <= 1000);
  row('open 10,000-char draft at start → first diagnostics', `${f(r.firstDiagnosticsFromOpenMs)} ms (${f(r.firstDiagnosticsFromSpawnMs)} from spawn)`, '≤ 1500 ms', r.firstDiagnosticsFromOpenMs <= 1500);
}
if (chosen.includes('large')) {
  process.stderr.write('large drafts…\n');
  const c = largeCli();
  row('CLI on one 2 MB draft', `${f(c.seconds, 1)} s, peak RSS ${f(c.peakMB)} MB, exit ${c.exit}${c.stderr ? ` ${c.stderr}` : ''}`, 'completes', c.exit === 0 || c.exit === 1);
  const l = await longCheck();
  row('server: full check of a 2 MB draft', `${f(l.fullCheckMs)} ms`);
  row('server: hover during that check, max', l.hover ? `${f(l.hover.max)} ms (median ${f(l.hover.median)}, ${l.hover.n} hovers)` : 'no hover sent', '≤ 100 ms', l.hover ? l.hover.max <= 100 : undefined);
  row('server: hovers answered before the diagnostics were published, max', l.hoverDuringCheck ? `${f(l.hoverDuringCheck.max)} ms (median ${f(l.hoverDuringCheck.median)}, ${l.hoverDuringCheck.n} hovers); hovers overlapping the publication: ${l.hoverOverPublish.map((x) => f(x)).join(', ') || 'none'} ms` : 'no hover answered before', '≤ 100 ms', l.hoverDuringCheck ? l.hoverDuringCheck.max <= 100 : undefined);
  const ipc = await longCheck(2_000_000, 'ipc');
  row('same over Node\'s IPC channel (no encoding ahead; how VS Code ran the server before it took stdio): hovers overlapping the publication', `${ipc.hoverOverPublish.map((x) => f(x)).join(', ') || 'none'} ms`);
  row('server: newer edit during a check → its diagnostics', `${f(l.newerEditMs)} ms; stale version published: ${l.stalePublished}`, 'stale not published', !l.stalePublished);
  row('server RSS with the 2 MB draft', `${f(l.rssMB)} MB (peak ${f(l.peakMB)})`);
}
if (chosen.includes('scale')) {
  const n = Number(process.env.BENCH_OBS ?? 100_000);
  process.stderr.write(`scale (${n} observations)…\n`);
  const dir = mkdtempSync(join(tmpdir(), 'factcheck-genbase-'));
  const cacheRoot = mkdtempSync(join(tmpdir(), 'factcheck-cache-'));
  try {
    const g = generateBase(dir, n);
    const { bundledFactsDir } = requireRoot('./out/server/src/node/index.js');
    const s = scale(bundledFactsDir(), dir, cacheRoot);
    row('generated base', `${g.observations} observations, ${g.measures} measures, ${g.districts * g.years} sources`);
    row('load, bundled base (cold)', `${f(s.bundled.loadMs)} ms`);
    row('load, generated + bundled base, cold (empty load cache; its entry serialized and written after the load returns)', `${f(s.generated.loadMs)} ms (${s.generated.problems} problems)`, '≤ 3000 ms', s.generated.loadMs <= 3000);
    row('load, generated + bundled base, warm (load cache found)', `${f(s.warm.loadMs)} ms (${s.warm.problems} problems)`, '≤ 3000 ms', s.warm.loadMs <= 3000);
    row('matching per claim, bundled → generated', `${f(s.bundled.msPerClaim, 3)} → ${f(s.generated.msPerClaim, 3)} ms = ${f(s.matchingRatio, 2)} ×`, '≤ 2 ×', s.matchingRatio <= 2);
    process.env.FACTCHECK_CACHE_DIR = join(cacheRoot, 'server'); // a cold load in the server, as before the cache
    const m = await memoryWith(dir);
    delete process.env.FACTCHECK_CACHE_DIR;
    row('server RSS with the generated base, right after the 50,000-char draft\'s first diagnostics', `${f(m.rssMB)} MB (peak ${f(m.peakMB)}), first diagnostics after ${f(m.firstDiagnosticsMs)} ms`);
    row('server RSS with the generated base, idle (5 s later)', `${f(m.rssIdleMB)} MB`, '≤ 250 MB', m.rssIdleMB <= 250);
    row('server: a fact file of the generated base changes on disk → the draft\'s diagnostics against the reloaded base', `${f(m.reloadMs)} ms; RSS then ${f(m.rssAfterReloadMB)} MB, 15 s later ${f(m.rssSettledMB)} MB`);
    row('server: hovers during that reload, max', `${f(m.reloadHover.max)} ms (median ${f(m.reloadHover.median)}, ${m.reloadHover.n} hovers)`, '≤ 100 ms', m.reloadHover.max <= 100);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheRoot, { recursive: true, force: true });
  }
}

console.log('\n| figure | measured | target | met |\n| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.figure} | ${r.value} | ${r.target ?? ""} | ${r.ok} |`);
