/**
 * The HTML report in headless Chromium (Debian's /usr/bin/chromium via playwright-core):
 * every claim of the JSON report is highlighted with its status, hovering a wrong figure
 * and clicking another show their citations, the inline style passes the page's CSP,
 * nothing is fetched. Then the bundled base's report of the accuracy drafts, in Chinese,
 * at 1280 px: no tooltip runs off the page (no horizontal scroll), each draft links back
 * to the summary, the summary's counts link to the findings, codes show their Chinese
 * label beside them, an outdated title cites the old and the newer source. Needs
 * `apt-get install chromium fonts-wqy-microhei`: run with `npm run test:html`.
 * Screenshots land in test/cli/artifacts/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AS_OF, FACTS, FIXTURES, ROOT, cleanupScratch, runCli, scratchDir } from '../support';
import { codeLabel, FINDING_CODES } from '../../../server/src/shared/findingCodes';

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

describe('cli: HTML report layout at 1280 px (bundled base, Chinese)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let page: Page;

  before(async () => {
    const out = path.join(scratchDir(), 'report-zh.html');
    const run = runCli(['check', '--no-config', '--locale', 'zh-CN', '--as-of', '2025-12-31', '--format', 'html', '--output', out, path.join(ROOT, 'test/fixtures/drafts')]);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`file://${out}`);
  });

  after(async () => {
    await browser?.close();
    cleanupScratch();
  });

  it('keeps every tooltip on the page: no horizontal scroll with any claim focused', async () => {
    const result = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(s: string): ArrayLike<unknown> } }).document;
      type El = { focus(): void; blur(): void; id: string; getBoundingClientRect(): { left: number; right: number; top: number; bottom: number }; querySelector(s: string): El | null };
      const marks = Array.from(doc.querySelectorAll('.draft mark.claim')) as El[];
      const bad: string[] = [];
      for (const m of marks) {
        m.focus();
        const tip = m.querySelector('.tip');
        const r = tip?.getBoundingClientRect();
        const mr = m.getBoundingClientRect();
        if (!r || r.right > doc.documentElement.clientWidth || r.left < 0) bad.push(`${m.id}: tip ${r?.left}–${r?.right}`);
        else if (r.top < mr.top || r.top - mr.bottom > 40) bad.push(`${m.id}: tip at ${r.top}, claim ${mr.top}–${mr.bottom}`);
        if (doc.documentElement.scrollWidth > doc.documentElement.clientWidth) bad.push(`${m.id}: page ${doc.documentElement.scrollWidth} px wide`);
        m.blur();
      }
      return { count: marks.length, bad };
    });
    assert.ok(result.count > 50, `only ${result.count} claims`);
    assert.deepEqual(result.bad, []);
  });

  it('in a window as narrow as the editor’s report view, scrolls wide tables in their own box, never the page', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    try {
      const widths = await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return [d.scrollWidth, d.clientWidth];
      });
      assert.ok(widths[0] <= widths[1], `the page is ${widths[0]} px wide in a ${widths[1]} px window`);
      const tip = page.locator('.draft mark.claim').first();
      await tip.focus();
      const box = (await tip.locator('.tip').boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= 400, JSON.stringify(box));
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('shows the tooltip of a claim near the right edge inside the page', async () => {
    // The claim whose right end is furthest right: the case that used to run off the page.
    const id = await page.$$eval('.draft mark.claim', (ms) =>
      ms.map((m) => ({ id: m.id, right: m.getBoundingClientRect().right })).sort((a, b) => b.right - a.right)[0].id,
    );
    const mark = page.locator(`[id="${id}"]`);
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    const tip = mark.locator('.tip');
    await tip.waitFor({ state: 'visible' });
    const box = (await tip.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= 1280, JSON.stringify(box));
    assert.equal(await page.evaluate(() => (globalThis as unknown as { scrollX: number }).scrollX), 0);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-report-right-edge.png') });
    await page.mouse.move(0, 0);
  });

  it('links each draft back to the summary, and the summary’s counts to the findings', async () => {
    const sections = await page.$$eval('section.file', (ss) => ss.map((s) => ({ id: s.id, back: (Array.from(s.querySelectorAll('a.back')) as { getAttribute(n: string): string | null }[]).map((a) => a.getAttribute('href')) })));
    assert.ok(sections.length >= 5);
    for (const s of sections) assert.deepEqual(s.back, ['#summary', '#summary'], s.id);
    const links = await page.$$eval('table.summary tbody tr', (rows) =>
      rows.map((r) =>
        (Array.from(r.querySelectorAll('td')) as { textContent: string | null; querySelector(s: string): { getAttribute(n: string): string | null } | null }[])
          .slice(3)
          .map((td) => ({ n: td.textContent, href: td.querySelector('a')?.getAttribute('href') ?? null })),
      ),
    );
    let followed = 0;
    for (const [k, row] of links.entries()) {
      for (const [col, cell] of row.entries()) {
        if (cell.n === '0') {
          assert.equal(cell.href, null, 'a zero is not a link');
          continue;
        }
        assert.ok(cell.href, `file ${k} column ${col} links somewhere`);
        const target = await page.$eval(cell.href!, (el) => ({ cls: el.className, file: el.closest('section.file')?.id }));
        assert.equal(target.file, `file-${k}`, cell.href!);
        assert.match(target.cls, col === 0 ? /sev-error/ : col === 1 ? /sev-warning/ : /sev-(information|hint)/, cell.href!);
        followed++;
      }
    }
    assert.ok(followed > 5);
    await page.click('table.summary tbody tr:first-child td:nth-child(4) a');
    await page.click('section.file a.back >> nth=0');
    assert.ok((await page.locator('#summary').boundingBox())!.y < 100, 'back at the summary');
  });

  it('shows each finding code with its Chinese label beside it', async () => {
    const shown = await page.$$eval('table.findings td:nth-child(3)', (tds) => [...new Set(tds.map((td) => td.textContent ?? ''))]);
    assert.ok(shown.length >= 5, JSON.stringify(shown));
    for (const text of shown) {
      const code = FINDING_CODES.find((c) => text.endsWith(c));
      assert.ok(code, text);
      assert.equal(text, `${codeLabel(code, 'zh')} ${code}`);
    }
  });

  it('cites the old and the newer source in an outdated title’s row', async () => {
    const rows = await page.$$eval('table.findings tr', (trs) =>
      trs
        .filter((tr) => tr.querySelector('code')?.textContent === 'outdated-role')
        .map((tr) => (Array.from(tr.querySelectorAll('.src')) as { textContent: string | null }[]).map((s) => s.textContent ?? '')),
    );
    assert.ok(rows.length >= 1, 'the accuracy drafts have an outdated title');
    for (const sources of rows) {
      // 于庆丰 as 区长 (2023) and 梁爽, who holds the title by the draft's date (2024).
      assert.equal(sources.length, 2, JSON.stringify(sources));
      assert.ok(sources.some((s) => /2023-07-11$/.test(s)), `the old source: ${JSON.stringify(sources)}`);
      assert.ok(sources.some((s) => /2024-08-26$/.test(s)), `the newer source naming the current holder: ${JSON.stringify(sources)}`);
    }
  });
});
