// Language-server figures, measured through the protocol with the project's test client
// (out/test/protocol/lspClient.js, the server spawned over stdio): start-up, editing
// latency, responsiveness during a long check, and memory with a large fact base.
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { percentiles, draftOfSize, requireRoot, now } from './corpus.mjs';

const { LspTestClient } = requireRoot('./out/test/protocol/lspClient.js');
const { TextDocument } = requireRoot('vscode-languageserver-textdocument');

/** The server's debounce before a check (DraftDiagnostics' default), subtracted from edit latencies. */
export const DEBOUNCE_MS = 150;

/** A deterministic pseudo-random generator (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rssOf = (pid) => {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? NaN);
  return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
};

/** Start: spawn → ready (a hover on a one-line draft answered), and spawn → first diagnostics of a 10,000-character draft opened at start. */
export async function startUp() {
  let t0 = now();
  let { client } = await LspTestClient.start({ locale: 'zh-cn' });
  const tiny = 'file:///bench/ready.md';
  await client.open(tiny, 'markdown', '2024年，全区地区生产总值增长5%。\n');
  await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: tiny }, position: { line: 0, character: 15 } });
  const readyMs = now() - t0;
  await client.stop();
  t0 = now();
  ({ client } = await LspTestClient.start({ locale: 'zh-cn' }));
  const uri = 'file:///bench/first.md';
  const opened = now();
  await client.open(uri, 'markdown', draftOfSize(10_000));
  await client.diagnostics(uri, 1);
  const t = now();
  await client.stop();
  return { readyMs, firstDiagnosticsFromSpawnMs: t - t0, firstDiagnosticsFromOpenMs: t - opened };
}

/**
 * Editing: one-character edits at random places of a 50,000-character draft, didChange →
 * publishDiagnostics, debounce subtracted. `start` adds to the test client's options (another
 * checkout's server: compare.mjs).
 */
export async function editing(edits = 200, size = 50_000, start = {}) {
  const { client } = await LspTestClient.start({ locale: 'zh-cn', ...start });
  const uri = 'file:///bench/edit.md';
  let doc = TextDocument.create(uri, 'markdown', 1, draftOfSize(size));
  await client.open(uri, 'markdown', doc.getText());
  const first = await client.diagnostics(uri, 1);
  const rnd = random(42);
  const bodyStart = doc.getText().indexOf('\n---\n') + 5;
  const latencies = [];
  const serverMs = [];
  let pending;
  for (let k = 0; k < edits + 10; k++) {
    let change;
    if (pending === undefined) {
      const at = bodyStart + Math.floor(rnd() * (doc.getText().length - bodyStart));
      const ch = '1的年，'[Math.floor(rnd() * 4)];
      const p = doc.positionAt(at);
      change = { range: { start: p, end: p }, text: ch };
      pending = at;
    } else {
      change = { range: { start: doc.positionAt(pending), end: doc.positionAt(pending + 1) }, text: '' };
      pending = undefined;
    }
    const version = doc.version + 1;
    doc = TextDocument.update(doc, [change], version);
    const t = now();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await client.diagnostics(uri, version);
    if (k >= 10) latencies.push(now() - t - DEBOUNCE_MS);
    // The server's own time for this version: from the check's start to the diagnostics handed to the connection (traced right after them).
    const published = `check published: ${uri} version ${version},`;
    const trace = await client.waitFor((r) => r.kind === 'trace' && r.message.startsWith(published));
    if (k >= 10) serverMs.push(Number(/checked in ([\d.]+) ms/.exec(trace.message)[1]));
  }
  const mem = rssOf(client.process.pid);
  await client.stop();
  return { ...percentiles(latencies), server: percentiles(serverMs), diagnostics: first.diagnostics.length, ...mem };
}

/**
 * A long check: a 2 MB draft; hovers sent every 25 ms while it runs, then an edit that
 * must cancel the stale check. `transport`: 'stdio' (default) or 'ipc' (as VS Code runs the server).
 */
export async function longCheck(size = 2_000_000, transport = 'stdio') {
  const { client } = await LspTestClient.start({ locale: 'zh-cn', transport });
  const uri = 'file:///bench/large.md';
  const text = draftOfSize(size);
  const ready = 'file:///bench/ready.md';
  await client.open(ready, 'markdown', '2024年，全区地区生产总值增长5%。\n');
  await client.diagnostics(ready, 1);
  const t0 = now();
  await client.open(uri, 'markdown', text);
  let done = false;
  const hovers = [];
  let publishedAt = Infinity;
  const first = client.diagnostics(uri, 1).then(() => {
    done = true;
    publishedAt = now();
  });
  const spans = [];
  const hoverLoop = (async () => {
    await new Promise((r) => setTimeout(r, 300));
    while (!done && now() - t0 < 120_000) {
      const t = now();
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: ready }, position: { line: 0, character: 15 } });
      hovers.push(now() - t);
      spans.push([t, now()]);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  await first;
  const fullCheckMs = now() - t0;
  await hoverLoop;
  // Hovers whose answer came after the diagnostics (one notification of every finding,
  // which the server serializes and this client parses before it reads the answer).
  const waitedForPublish = spans.filter(([, end]) => end >= publishedAt).map(([a, b]) => b - a);
  const duringCheck = spans.filter(([, end]) => end < publishedAt).map(([a, b]) => b - a);
  // A newer edit while the check of the previous version runs: only the new version is published.
  const before = client.received.length;
  const edit = async (version, at) => {
    const change = { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: '1' };
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  };
  const te = now();
  await edit(2, 100);
  await new Promise((r) => setTimeout(r, DEBOUNCE_MS + 200));
  await edit(3, 20_000);
  await client.diagnostics(uri, 3);
  const newerEditMs = now() - te;
  const stalePublished = client.received.slice(before).some((r) => r.kind === 'diagnostics' && r.params.uri === uri && r.params.version === 2);
  const mem = rssOf(client.process.pid);
  await client.stop();
  return { fullCheckMs, hover: hovers.length ? percentiles(hovers) : undefined, hoverDuringCheck: duringCheck.length ? percentiles(duringCheck) : undefined, hoverOverPublish: waitedForPublish, newerEditMs, stalePublished, ...mem };
}

/**
 * Server memory with an extra fact-base folder (the generated base): RSS right after
 * checking a 50,000-character draft, and once the server has been idle for 5 s. Then a
 * fact file of that folder changes on disk (a comment appended) and the server reloads
 * the base: hovers on a one-line draft are sent every
 * 50 ms until the long draft's diagnostics against the reloaded base arrive; returns
 * their latencies, the time to those diagnostics, and RSS then and after 15 s idle.
 */
export async function memoryWith(factDir) {
  const t0 = now();
  const { client } = await LspTestClient.start({ locale: 'zh-cn', settings: { factBases: [factDir] } });
  const uri = 'file:///bench/mem.md';
  await client.open(uri, 'markdown', draftOfSize(50_000));
  await client.diagnostics(uri, 1);
  const firstMs = now() - t0;
  const mem = rssOf(client.process.pid);
  // Idle: the server collects the load's garbage once quiet (memory.ts: 1.5 s, twice).
  await new Promise((r) => setTimeout(r, 5_000));
  const idle = rssOf(client.process.pid);
  // Hovers go to a one-line draft: they wait for the server, not for the long draft's re-check.
  const small = 'file:///bench/small.md';
  await client.open(small, 'markdown', '2024年，全区地区生产总值增长5%。\n');
  await client.diagnostics(small, 1);
  const file = join(factDir, readdirSync(factDir).filter((n) => n.endsWith('.yaml')).sort()[0]);
  appendFileSync(file, '# changed by the benchmark\n');
  const from = client.received.length;
  const t1 = now();
  let reloadMs;
  const installed = client.waitFor((r) => r.kind === 'diagnostics' && r.params.uri === uri, from).then(() => (reloadMs = now() - t1));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
  const hovers = [];
  while (reloadMs === undefined && now() - t1 < 60_000) {
    const h = now();
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 15 } });
    hovers.push(now() - h);
    await new Promise((r) => setTimeout(r, 50));
  }
  await installed;
  const afterReload = rssOf(client.process.pid);
  await new Promise((r) => setTimeout(r, 15_000)); // idle: V8 gives back what the old base held
  const settled = rssOf(client.process.pid);
  await client.stop();
  return { firstDiagnosticsMs: firstMs, ...mem, rssIdleMB: idle.rssMB, peakMB: idle.peakMB, reloadMs, reloadHover: percentiles(hovers), rssAfterReloadMB: afterReload.rssMB, rssSettledMB: settled.rssMB };
}
