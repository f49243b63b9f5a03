/**
 * The editor end-to-end test, after scripts/e2e-setup.sh and `npm run package`:
 *   1. suite: code-server runs the extension from this checkout (extensionDevelopmentPath)
 *      with its mocha suite (out/test/e2e/suite/index.js) on test/e2e/workspace; the
 *      workbench reports the suite's exit code through codeAutomationExit.
 *   2. vsix: the packaged VSIX is installed into a fresh extensions folder; on a copy of
 *      the workspace the draft is opened like a writer would (Quick Open) and the cold
 *      start to its first squiggle is broken down by phase (coldStart.ts); the status bar
 *      must count by severity with a plain accessible name, the hover must cite the right
 *      value, Ctrl+. must offer the fix, "Show Report" must render the report in a
 *      webview, a source document must refuse typing. A second session saves a broken
 *      fact file: the draft's status bar must say so at once. Screenshots: hover.png,
 *      quick-fix.png, report.png, source-read-only.png, status-bar-broken-base.png;
 *      cold-start.json.
 *   coldstart (on request): N fresh workbenches opening the draft, medians in cold-start.json.
 * Usage: node out/test/e2e/runner.js [--phase suite|vsix|all|coldstart] [--runs N] --vsix FILE
 * Exit status 0 when every phase passed. Artifacts (logs, screenshots) in test/e2e/artifacts/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, workbenchUrl } from './browser';
import { installVsix, prepareUserData, startCodeServer, stopAll, type CodeServer } from './codeServer';
import { coldStart, formatColdStart, readMarks, type ColdStart } from './coldStart';
import { errorSquiggle, firstSquiggleAt, noteFirstSquiggle, pointAt, quickOpen, runCommand, statusItem, webviewFrame } from './ui';

const ROOT = path.resolve(__dirname, '../../..');
const WORKSPACE = path.join(ROOT, 'test/e2e/workspace');
const DRAFT = 'huairou.md';
const ARTIFACTS = path.join(ROOT, 'test/e2e/artifacts');
const EXTENSION_ID = 'factcheck-zh.factcheck-zh';

function log(message: string): void {
  process.stdout.write(`[e2e ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Rejects after `ms` with `what` in the message. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `factcheck-e2e-${name}-`));
}

/** Prints the tail of the extension-host logs, where server crashes and activation errors land. */
function dumpLogs(userDataDir: string): void {
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return;
  for (const rel of fs.readdirSync(logs, { recursive: true, encoding: 'utf8' })) {
    if (!/exthost\.log$|Fact Check\.log$|remoteexthost\.log$/.test(rel)) continue;
    const text = fs.readFileSync(path.join(logs, rel), 'utf8');
    process.stdout.write(`---- ${rel} (last 60 lines)\n${text.split('\n').slice(-60).join('\n')}\n`);
  }
}

/** Phase 1: the extension's own mocha suite inside code-server. */
async function runSuite(browser: Browser): Promise<void> {
  const userDataDir = tempDir('suite-data');
  const extensionsDir = tempDir('suite-ext');
  prepareUserData(userDataDir);
  const results = path.join(ARTIFACTS, 'suite-results.json');
  fs.rmSync(results, { force: true });
  let server: CodeServer | undefined;
  try {
    server = await startCodeServer({
      userDataDir,
      extensionsDir,
      logFile: path.join(ARTIFACTS, 'suite-code-server.log'),
      env: { FACTCHECK_E2E_RESULTS: results },
    });
    log(`suite: code-server on ${server.url}`);
    const page = await newPage(browser, path.join(ARTIFACTS, 'suite-console.log'));
    let exit: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    const remote = `vscode-remote://127.0.0.1:${server.port}`;
    await page.goto(
      workbenchUrl(server.url, WORKSPACE, [
        ['extensionDevelopmentPath', `${remote}${ROOT}`],
        ['extensionTestsPath', `${remote}${ROOT}/out/test/e2e/suite/index.js`],
      ]),
    );
    const code = await withTimeout(exitCode, 300_000, 'the extension test suite to finish').catch(async (err: Error) => {
      await page.screenshot({ path: path.join(ARTIFACTS, 'suite-timeout.png') }).catch(() => undefined);
      throw err;
    });
    if (fs.existsSync(results)) {
      const { passed, failed } = JSON.parse(fs.readFileSync(results, 'utf8')) as { passed: string[]; failed: string[] };
      for (const t of passed) log(`  ✔ ${t}`);
      for (const t of failed) log(`  ✖ ${t}`);
    }
    if (code !== 0) {
      dumpLogs(userDataDir);
      throw new Error(`the extension test suite failed (exit code ${code}); see test/e2e/artifacts/suite-*.log`);
    }
    log('suite: passed');
  } finally {
    await server?.stop();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  }
}

/**
 * Files the installed extension must have (the bundles, the segmenter, the fact base), and
 * paths that must not ship: sources, tests, tsc's output, raw articles, source maps, and
 * any package but nodejieba (the others are inside the bundles).
 */
const REQUIRED_FILES = [
  'package.json',
  'package.nls.json',
  'package.nls.zh-cn.json',
  'l10n/bundle.l10n.zh-cn.json',
  'dist/extension.js',
  'dist/server.js',
  'dist/baseWorker.js',
  'facts/subjects.yaml',
  'facts/schema/factbase.schema.json',
  'syntaxes/factcheck-quantities.tmLanguage.json',
  'syntaxes/factcheck-plaintext.tmLanguage.json',
  'node_modules/nodejieba/index.js',
  'node_modules/nodejieba/build/Release/nodejieba.node',
  'node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8',
  'node_modules/nodejieba/submodules/cppjieba/dict/hmm_model.utf8',
];
const FORBIDDEN = [/\.ts$/, /^out\//, /^client\//, /^server\//, /^test\//, /^scripts\//, /^facts\/sources\/(raw|meta)\//, /^syntaxes\/test\//, /\.map$/, /^node_modules\/(?!nodejieba(\/|$))/];

/** Checks what the VSIX installed: the runtime pieces are there, sources and tests are not. */
function checkInstalledFiles(dir: string): void {
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/'));
  const missing = REQUIRED_FILES.filter((f) => !files.includes(f));
  if (missing.length > 0) throw new Error(`the installed extension lacks ${missing.join(', ')}`);
  const stray = files.filter((f) => FORBIDDEN.some((re) => re.test(f)));
  if (stray.length > 0) throw new Error(`the VSIX ships files it should not (.vscodeignore): ${stray.slice(0, 10).join(', ')}`);
  log(`vsix: ${files.length} entries installed: runtime files present, no sources or tests`);
}

/** A fresh copy of the fixture workspace (the UI phase edits and saves files in it), with the protocol tests' small fact base when `withFacts`. */
function workspaceCopy(withFacts: boolean): string {
  const dir = tempDir('workspace');
  fs.cpSync(WORKSPACE, dir, { recursive: true });
  if (withFacts) fs.cpSync(path.join(ROOT, 'test/protocol/fixtures/workspace/facts'), path.join(dir, 'facts'), { recursive: true });
  return dir;
}

/** One code-server session with the installed extension on a workspace: its page, and a clean-up that keeps the logs on failure. */
async function session<T>(
  browser: Browser,
  name: string,
  extensionsDir: string,
  workspace: string,
  env: NodeJS.ProcessEnv,
  body: (page: Page, times: { goto: number; workbench: number }) => Promise<T>,
): Promise<T> {
  const userDataDir = tempDir(`${name}-data`);
  prepareUserData(userDataDir);
  let server: CodeServer | undefined;
  try {
    server = await startCodeServer({ userDataDir, extensionsDir, logFile: path.join(ARTIFACTS, `${name}-code-server.log`), env });
    log(`${name}: code-server on ${server.url}`);
    const page = await newPage(browser, path.join(ARTIFACTS, `${name}-console.log`));
    await noteFirstSquiggle(page);
    try {
      const goto = Date.now();
      await page.goto(workbenchUrl(server.url, workspace));
      await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
      const workbench = Date.now();
      await page.locator('.monaco-workbench').click({ position: { x: 640, y: 400 } });
      return await body(page, { goto, workbench });
    } catch (err) {
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-failure.png`) }).catch(() => undefined);
      dumpLogs(userDataDir);
      throw err;
    }
  } finally {
    await server?.stop();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Opens the draft like a writer (Quick Open) on a workbench where the extension has not run yet; the cold start to its first squiggle. */
async function openDraftCold(page: Page, times: { goto: number; workbench: number }, marksFile: string): Promise<ColdStart> {
  let opened = 0;
  await quickOpen(page, DRAFT, () => (opened = Date.now()));
  await errorSquiggle(page).waitFor({ timeout: 120_000 });
  const squiggle = (await firstSquiggleAt(page)) ?? Date.now();
  return coldStart({ ...times, opened, squiggle }, readMarks(marksFile));
}

/** The writer's session: cold start, status bar, hover, quick-fix menu, the rendered report, a read-only source. */
async function writerSession(browser: Browser, extensionsDir: string): Promise<ColdStart> {
  const workspace = workspaceCopy(false);
  const marks = path.join(tempDir('marks'), 'startup.log');
  // An empty fact-base cache: the first start after installing.
  const env = { FACTCHECK_STARTUP_LOG: marks, FACTCHECK_CACHE_DIR: tempDir('cache') };
  try {
    return await session(browser, 'vsix', extensionsDir, workspace, env, async (page, times) => {
      const cold = await openDraftCold(page, times, marks);
      for (const line of formatColdStart(cold)) log(`vsix: ${line}`);
      fs.writeFileSync(path.join(ARTIFACTS, 'cold-start.json'), JSON.stringify({ firstStart: cold }, null, 2) + '\n');
      log('vsix: the draft shows an error squiggle');
      // The server's process was started as the extension loaded (client/src/earlyServer.ts),
      // before activate, and the client talks to that one: one process, one start.
      const started = readMarks(marks)
        .filter((m) => m.what === 'server spawned' || m.what === 'process start' || m.what === 'activate')
        .sort((a, b) => a.at - b.at);
      const order = started.map((m) => `${m.who} ${m.what}`).join(', ');
      if (order !== 'extension server spawned, server process start, extension activate' && order !== 'extension server spawned, extension activate, server process start')
        throw new Error(`the server should start once, as the extension loads, before activate: ${order}`);
      log('vsix: the server process started once, as the extension loaded, before activate');

      // The status bar counts by severity, like VS Code's counter; its accessible name is plain text.
      const status = statusItem(page);
      await status.and(page.locator('[aria-label*="1 error"]')).waitFor({ timeout: 30_000 });
      const label = (await status.getAttribute('aria-label')) ?? '';
      if (!/^Fact Check: this draft: \d+ verified figures, 1 error, \d+ warnings?, \d+ notes?\. Fact base loaded: /.test(label)) throw new Error(`status bar label: "${label}"`);
      if (/&nbsp;|\\/.test(label)) throw new Error(`the status bar's accessible name has markup in it: "${label}"`);
      log(`vsix: status bar "${label}"`);

      // Hover the squiggle: the hover names the right value.
      const at = await pointAt(page, errorSquiggle(page));
      const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content', { hasText: '5.7%' });
      await hover.first().waitFor({ state: 'visible', timeout: 30_000 });
      await page.screenshot({ path: path.join(ARTIFACTS, 'hover.png') });
      log('vsix: hover shows 5.7%; screenshot test/e2e/artifacts/hover.png');
      await page.keyboard.press('Escape');

      // The quick-fix menu on the wrong figure: Ctrl+. with the cursor in it.
      await page.mouse.click(at.x, at.y + 6);
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget', { hasText: 'Replace with “5.7%”' }).waitFor({ state: 'visible', timeout: 30_000 });
      await page.screenshot({ path: path.join(ARTIFACTS, 'quick-fix.png') });
      log('vsix: the quick-fix menu offers “Replace with “5.7%””; screenshot test/e2e/artifacts/quick-fix.png');
      await page.keyboard.press('Escape');

      // The report, rendered in a webview beside the draft.
      await runCommand(page, 'Fact Check: Show Report for the Current Draft');
      const frame = await webviewFrame(page, 'Fact check report');
      const row = frame.locator('table.findings tr', { hasText: 'wrong-value' });
      await row.first().waitFor({ timeout: 30_000 });
      const rowText = await row.first().innerText();
      if (!rowText.includes('Wrong value') || !rowText.includes('5.7%')) throw new Error(`the report's finding row: "${rowText}"`);
      await page.screenshot({ path: path.join(ARTIFACTS, 'report.png') });
      log('vsix: the report is rendered in a webview; screenshot test/e2e/artifacts/report.png');
      await page.keyboard.press('Control+W');

      // A source document opens read-only: typing changes nothing.
      await runCommand(page, 'Fact Check: Open a Source Document…');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: '北京怀柔建设国际一流战略科技融合发展示范区' }).first().click();
      const tab = page.locator('.tab.active[aria-label*="hr-2025-11.md"]');
      await tab.waitFor({ timeout: 30_000 });
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.type('xyz');
      await page.locator('.monaco-editor-overlaymessage', { hasText: 'read-only' }).waitFor({ state: 'visible', timeout: 10_000 });
      await page.screenshot({ path: path.join(ARTIFACTS, 'source-read-only.png') });
      if (await page.locator('.tab.active.dirty').count()) throw new Error('the source document took the typing');
      log('vsix: the source document refuses typing (read-only)');
      return cold;
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

/** The fact base breaks on save: the open draft's status bar says so at once, with a warning background. */
async function brokenBaseSession(browser: Browser, extensionsDir: string): Promise<void> {
  const workspace = workspaceCopy(true);
  try {
    await session(browser, 'broken-base', extensionsDir, workspace, {}, async (page) => {
      await quickOpen(page, DRAFT);
      const status = statusItem(page);
      await status.and(page.locator('[aria-label*="Fact base loaded"]')).waitFor({ timeout: 120_000 });
      // Break the workspace's fact file (a key the schema does not know) and save it.
      await quickOpen(page, 'demo.yaml');
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Home');
      await page.keyboard.type('broken: 1');
      await page.keyboard.press('Control+S');
      // Back to the draft's tab, untouched: its status bar already says the base is broken.
      await page.locator('.tabs-container .tab', { hasText: DRAFT }).first().click();
      await page.locator(`.tab.active[aria-label*="${DRAFT}"]`).waitFor({ timeout: 30_000 });
      await status.and(page.locator('[aria-label*="last good version"]')).waitFor({ timeout: 60_000 });
      const background = await status.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(el).backgroundColor);
      if (background === 'rgba(0, 0, 0, 0)' || background === 'transparent') throw new Error('the status bar item has no warning background');
      await status.hover();
      await page.locator('.monaco-hover, .workbench-hover', { hasText: 'last good version' }).first().waitFor({ state: 'visible', timeout: 10_000 });
      await page.screenshot({ path: path.join(ARTIFACTS, 'status-bar-broken-base.png') });
      log(`vsix: broken fact base: status bar "${(await status.getAttribute('aria-label')) ?? ''}" (background ${background}); screenshot test/e2e/artifacts/status-bar-broken-base.png`);
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

/**
 * A curator adds a figure of a source to the fact base from the editor: on the source
 * document, the figure the base does not hold has a hint; Ctrl+. on it offers "Add to fact
 * base"; choosing it writes the suggested entry, marked reviewed: false, into the fact file
 * and shows it there.
 */
async function curationSession(browser: Browser, extensionsDir: string): Promise<void> {
  const workspace = workspaceCopy(true);
  const source = path.join(workspace, 'facts', 'sources', 'demo-2024.md');
  // A new sentence in the source, as after `factcheck facts add`: its figure is not curated yet.
  fs.appendFileSync(source, '全区新建绿道12公里。\n');
  const factFile = path.join(workspace, 'facts', 'demo.yaml');
  try {
    await session(browser, 'curate', extensionsDir, workspace, {}, async (page) => {
      await quickOpen(page, 'demo-2024.md');
      const hint = page.locator('.monaco-editor .squiggly-hint').first();
      await hint.waitFor({ state: 'attached', timeout: 120_000 });
      const at = await pointAt(page, hint);
      await page.mouse.click(at.x, at.y + 6);
      await page.keyboard.press('Control+.');
      const add = page.locator('.action-widget .monaco-list-row', { hasText: 'Add to fact base: 12公里' });
      await add.first().waitFor({ state: 'visible', timeout: 30_000 });
      await page.screenshot({ path: path.join(ARTIFACTS, 'add-to-fact-base.png') });
      // Chosen with the keyboard, as a writer does: arrow down to the row, Enter applies it.
      const focused = page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Add to fact base: 12公里' });
      for (let i = 0; i < 6 && !(await focused.count()); i++) await page.keyboard.press('ArrowDown');
      await focused.waitFor({ state: 'attached', timeout: 10_000 });
      await page.keyboard.press('Enter');
      // The fact file opens at the new entry, and the entry is on disk, waiting for review.
      await page.locator('.tab.active[aria-label*="demo.yaml"]').waitFor({ timeout: 30_000 });
      const deadline = Date.now() + 30_000;
      let text = '';
      while (Date.now() < deadline && !/figure: 12公里/.test((text = fs.readFileSync(factFile, 'utf8')))) await page.waitForTimeout(250);
      if (!/figure: 12公里\n/.test(text) || !/reviewed: false/.test(text) || !/quote: 全区新建绿道12公里\n/.test(text)) throw new Error(`the fact file after "Add to fact base":\n${text}`);
      await page.screenshot({ path: path.join(ARTIFACTS, 'added-entry.png') });
      log('vsix: "Add to fact base" on a source figure wrote its entry (reviewed: false) into demo.yaml and showed it; screenshots test/e2e/artifacts/add-to-fact-base.png, added-entry.png');
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

/** Phase 2: the packaged VSIX, installed like a user would, driven through the UI. */
async function runVsix(browser: Browser, vsix: string): Promise<void> {
  const extensionsDir = installed(vsix);
  try {
    await writerSession(browser, extensionsDir);
    await brokenBaseSession(browser, extensionsDir);
    await curationSession(browser, extensionsDir);
  } finally {
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  }
}

/** Installs the VSIX into a fresh extensions folder and checks what it holds; returns the folder. */
function installed(vsix: string): string {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist: run \`npm run package\` first`);
  const extensionsDir = tempDir('vsix-ext');
  log(`vsix: installing ${path.relative(ROOT, vsix)}`);
  installVsix(vsix, extensionsDir, tempDir('vsix-install'));
  const dir = fs.readdirSync(extensionsDir).find((d) => d.startsWith(`${EXTENSION_ID}-`));
  if (!dir) throw new Error(`the VSIX did not install into ${extensionsDir}: ${fs.readdirSync(extensionsDir).join(', ')}`);
  checkInstalledFiles(path.join(extensionsDir, dir));
  return extensionsDir;
}

/**
 * Phase "coldstart": `runs` fresh workbenches, each opening the draft once; the first
 * with an empty fact-base cache, the others with the cache the first one wrote. Medians
 * in test/e2e/artifacts/cold-start.json.
 */
async function runColdStarts(browser: Browser, vsix: string, runs: number): Promise<void> {
  const extensionsDir = installed(vsix);
  const cache = tempDir('cache');
  const results: ColdStart[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const workspace = workspaceCopy(false);
      const marks = path.join(tempDir('marks'), 'startup.log');
      try {
        const cold = await session(browser, `coldstart-${i + 1}`, extensionsDir, workspace, { FACTCHECK_STARTUP_LOG: marks, FACTCHECK_CACHE_DIR: cache }, (page, times) =>
          openDraftCold(page, times, marks),
        );
        for (const line of formatColdStart(cold)) log(`coldstart ${i + 1}: ${line}`);
        results.push(cold);
      } finally {
        fs.rmSync(workspace, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const warm = results.slice(1);
  const summary = {
    runs: results.length,
    firstStart: results[0],
    warmCache: warm.length ? { openToSquiggleMedian: median(warm.map((r) => r.openToSquiggle)), loadToSquiggleMedian: median(warm.map((r) => r.loadToSquiggle)), runs: warm } : undefined,
  };
  fs.writeFileSync(path.join(ARTIFACTS, 'cold-start.json'), JSON.stringify(summary, null, 2) + '\n');
  log(`coldstart: first start ${results[0]?.openToSquiggle} ms; with the cache, median ${summary.warmCache?.openToSquiggleMedian} ms (draft opened → squiggle) over ${warm.length} runs`);
}

async function main(argv: string[]): Promise<number> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const phase = arg('--phase') ?? 'all';
  const vsix = path.resolve(arg('--vsix') ?? path.join(ROOT, 'factcheck-zh.vsix'));
  if (!['suite', 'vsix', 'all', 'coldstart'].includes(phase)) throw new Error(`--phase must be suite, vsix, all or coldstart, not ${phase}`);
  const runs = Number(arg('--runs') ?? 5);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await launchBrowser();
  // `timeout` (run.sh) sends SIGTERM: end the servers and the browser before leaving.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping code-server and Chromium`);
      void Promise.allSettled([stopAll(), browser.close()]).then(() => process.exit(1));
    });
  }
  // Both phases run even when the first fails, so one run shows every problem.
  const failures: string[] = [];
  const runPhase = async (name: string, body: () => Promise<void>): Promise<void> => {
    const t = Date.now();
    try {
      await body();
    } catch (err) {
      failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    log(`${name} phase: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  try {
    if (phase === 'coldstart') await runPhase('coldstart', () => runColdStarts(browser, vsix, runs));
    else {
      if (phase !== 'vsix') await runPhase('suite', () => runSuite(browser));
      if (phase !== 'suite') await runPhase('vsix', () => runVsix(browser, vsix));
    }
  } finally {
    await browser.close();
  }
  for (const f of failures) process.stderr.write(`e2e: FAILED ${f}\n`);
  return failures.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`e2e: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
