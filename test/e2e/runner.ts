/**
 * The editor end-to-end test, after scripts/e2e-setup.sh and `npm run package`:
 *   1. suite: code-server runs the extension from this checkout (extensionDevelopmentPath)
 *      with its mocha suite (out/test/e2e/suite/index.js) on test/e2e/workspace; the
 *      workbench reports the suite's exit code through codeAutomationExit.
 *   2. vsix: the packaged VSIX is installed into a fresh extensions folder; the draft is
 *      opened like a writer would (Quick Open), the squiggle must appear, its hover must
 *      cite the right value, the status bar must show the counts. Screenshot saved.
 * Usage: node out/test/e2e/runner.js [--phase suite|vsix|all] --vsix FILE
 * Exit status 0 when every phase passed. Artifacts (logs, screenshots) in test/e2e/artifacts/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, workbenchUrl } from './browser';
import { installVsix, prepareUserData, startCodeServer, stopAll, type CodeServer } from './codeServer';

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

/** Phase 2: the packaged VSIX, installed like a user would, driven through the UI. */
async function runVsix(browser: Browser, vsix: string): Promise<void> {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist: run \`npm run package\` first`);
  const userDataDir = tempDir('vsix-data');
  const extensionsDir = tempDir('vsix-ext');
  prepareUserData(userDataDir);
  let server: CodeServer | undefined;
  try {
    log(`vsix: installing ${path.relative(ROOT, vsix)}`);
    installVsix(vsix, extensionsDir, userDataDir);
    const installed = fs.readdirSync(extensionsDir).find((d) => d.startsWith(`${EXTENSION_ID}-`));
    if (!installed) throw new Error(`the VSIX did not install into ${extensionsDir}: ${fs.readdirSync(extensionsDir).join(', ')}`);
    checkInstalledFiles(path.join(extensionsDir, installed));

    server = await startCodeServer({ userDataDir, extensionsDir, logFile: path.join(ARTIFACTS, 'vsix-code-server.log') });
    log(`vsix: code-server on ${server.url}`);
    const page = await newPage(browser, path.join(ARTIFACTS, 'vsix-console.log'));
    try {
      await page.goto(workbenchUrl(server.url, WORKSPACE));
      await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
      // Open the draft like a writer: Quick Open, type the name, Enter.
      await page.locator('.monaco-workbench').click({ position: { x: 640, y: 400 } });
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 30_000 });
      await input.fill(DRAFT);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: DRAFT }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      await page.locator(`.tab.active[aria-label*="${DRAFT}"]`).waitFor({ timeout: 30_000 });

      // The language server starts, checks the draft, the squiggle appears.
      const squiggle = page.locator('.monaco-editor .squiggly-error').first();
      await squiggle.waitFor({ timeout: 120_000 });
      log('vsix: the draft shows an error squiggle');

      // The status bar shows the counts of the draft.
      const status = page.locator('.statusbar-item[aria-label*="wrong"]');
      await status.waitFor({ timeout: 30_000 });
      const label = (await status.getAttribute('aria-label')) ?? '';
      if (!/\b1 wrong\b/.test(label)) throw new Error(`the status bar should count 1 wrong figure: "${label}"`);
      log(`vsix: status bar "${label}"`);

      // Hover the squiggle: the hover names the right value.
      const box = await squiggle.boundingBox();
      if (!box) throw new Error('the squiggle has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 6);
      const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content', {
        hasText: '5.7%',
      });
      await hover.first().waitFor({ state: 'visible', timeout: 30_000 });
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'hover.png') });
      log('vsix: hover shows 5.7%; screenshot test/e2e/artifacts/hover.png');
    } catch (err) {
      await page.screenshot({ path: path.join(ARTIFACTS, 'vsix-failure.png') }).catch(() => undefined);
      dumpLogs(userDataDir);
      throw err;
    }
  } finally {
    await server?.stop();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const phase = arg('--phase') ?? 'all';
  const vsix = path.resolve(arg('--vsix') ?? path.join(ROOT, 'factcheck-zh.vsix'));
  if (!['suite', 'vsix', 'all'].includes(phase)) throw new Error(`--phase must be suite, vsix or all, not ${phase}`);
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
    if (phase !== 'vsix') await runPhase('suite', () => runSuite(browser));
    if (phase !== 'suite') await runPhase('vsix', () => runVsix(browser, vsix));
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
