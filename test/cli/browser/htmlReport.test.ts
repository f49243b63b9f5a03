/**
 * The HTML report in headless Chromium (Debian's /usr/bin/chromium via playwright-core):
 * every claim of the JSON report is highlighted with its status, hovering a wrong figure
 * and clicking another show their citations, the inline style passes the page's CSP,
 * nothing is fetched. Needs `apt-get install chromium fonts-wqy-microhei`: run with
 * `npm run test:html`. A screenshot lands in test/cli/artifacts/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AS_OF, FACTS, FIXTURES, ROOT, cleanupScratch, runCli, scratchDir } from '../support';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ARTIFACTS = path.join(ROOT, 'test/cli/artifacts');

interface JsonClaim {
  text: string;
  status: string;
}
interface JsonReport {
  files: { path: string; claims: JsonClaim[]; diagnostics: { severity: string; sources: { title: string; quote: string }[] }[] }[];
}

describe('cli: HTML report in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  let json: JsonReport;
  const requests: string[] = [];
  const cspErrors: string[] = [];

  before(async () => {
    const drafts = path.join(FIXTURES, 'drafts');
    const args = ['--no-config', '--facts', FACTS, '--as-of', AS_OF];
    const out = path.join(scratchDir(), 'report.html');
    const html = runCli(['check', '--format', 'html', '--output', out, ...args, drafts]);
    assert.ok(html.status === 0 || html.status === 1, html.stderr);
    json = JSON.parse(runCli(['check', '--format', 'json', ...args, drafts]).stdout) as JsonReport;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(`file://${out}`);
  });

  after(async () => {
    await browser?.close();
    cleanupScratch();
  });

  it('highlights every claim of every draft with its status', async () => {
    for (const [k, f] of json.files.entries()) {
      const marks = await page.$$eval(`#file-${k} .draft mark.claim`, (ms) =>
        ms.map((m) => ({ text: m.firstChild?.textContent ?? '', cls: m.className })),
      );
      assert.deepEqual(
        marks.map((m) => m.text),
        f.claims.map((c) => c.text),
        f.path,
      );
      f.claims.forEach((c, i) => assert.match(marks[i].cls, new RegExp(`\\bst-${c.status}\\b`)));
    }
  });

  it('shows a wrong figure’s citation on hover, and another’s on click', async () => {
    const wrong = page.locator('.draft mark.claim.st-contradicted').first();
    await wrong.scrollIntoViewIfNeeded();
    const tip = wrong.locator('.tip');
    assert.equal(await tip.isVisible(), false, 'hidden before hover');
    await wrong.hover();
    await tip.waitFor({ state: 'visible' });
    const file = json.files.find((f) => f.diagnostics.some((d) => d.severity === 'error' && d.sources.length > 0));
    assert.ok(file, 'the fixtures have an error with a source');
    const tipText = await tip.innerText();
    assert.match(tipText, /《怀柔区专场新闻发布会（测试用节选）》/);
    assert.match(tipText, /2024-08-26/);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-report-hover.png'), fullPage: false });

    await page.mouse.move(0, 0);
    await tip.waitFor({ state: 'hidden' });
    const verified = page.locator('.draft mark.claim.st-verified').first();
    await verified.click();
    await page.mouse.move(0, 0);
    const vtip = verified.locator('.tip');
    await vtip.waitFor({ state: 'visible' });
    assert.match(await vtip.innerText(), /来源|Sources/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-report-click.png'), fullPage: true });
  });

  it('applies its inline style under the CSP and fetches nothing', async () => {
    const bg = await page.locator('.draft mark.claim.st-contradicted').first().evaluate((m) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(m).backgroundColor);
    assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'the style sheet was blocked');
    assert.deepEqual(cspErrors, []);
    assert.deepEqual(requests, []);
  });

  it('has a summary table row per draft', async () => {
    const rows = await page.$$eval('table.summary tbody tr td:first-child', (tds) => tds.map((t) => t.textContent));
    assert.deepEqual(rows, json.files.map((f) => f.path));
  });
});
