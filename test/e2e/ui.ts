/**
 * What the e2e harness does in code-server's workbench the way a writer would: Quick
 * Open a file, run a command from the Command Palette, find the squiggle, the status bar
 * item, the quick-fix menu and a webview's content.
 */
import type { Frame, Locator, Page } from 'playwright-core';

/** Opens a file of the workspace with Quick Open (Ctrl+P); resolves once its tab is active. */
export async function quickOpen(page: Page, name: string, beforeEnter?: () => void): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 30_000 });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
  beforeEnter?.();
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ timeout: 30_000 });
}

/**
 * Runs a command by its title from the Command Palette (F1). A webview (the report) can
 * keep the keyboard focus in its frame after it closes, where F1 does not reach the
 * workbench: the focus goes back to the workbench's document and F1 is pressed again
 * until the palette shows, as a writer would click back into the window.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    await page.evaluate(() => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && active.tagName === 'IFRAME') active.blur();
    });
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/**
 * Installs, before the workbench loads, an observer that notes (epoch ms, in
 * `window.__firstSquiggleAt`) when the first error squiggle enters the page. Playwright's
 * waitFor polls at growing intervals (up to 500 ms apart after the first second), so the
 * cold start's end is read from the page itself rather than from when the wait returned.
 */
export async function noteFirstSquiggle(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __firstSquiggleAt?: number };
    const observer = new MutationObserver((records) => {
      for (const r of records)
        for (const n of Array.from(r.addedNodes)) {
          if (!(n instanceof Element)) continue;
          if (n.matches('.monaco-editor .squiggly-error') || n.querySelector('.squiggly-error')) {
            w.__firstSquiggleAt ??= Date.now();
            observer.disconnect();
            return;
          }
        }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** When the first error squiggle entered the page (noteFirstSquiggle), if it has. */
export async function firstSquiggleAt(page: Page): Promise<number | undefined> {
  return page.evaluate(() => (window as unknown as { __firstSquiggleAt?: number }).__firstSquiggleAt);
}

/** The first error squiggle in the visible editors. */
export function errorSquiggle(page: Page): Locator {
  return page.locator('.monaco-editor .squiggly-error').first();
}

/** The fact-check status bar item (its accessible name starts with "Fact Check"). */
export function statusItem(page: Page): Locator {
  return page.locator('.statusbar-item[aria-label^="Fact Check"]');
}

/** Moves the mouse onto the middle of a squiggle (a little above, where the text is). */
export async function pointAt(page: Page, squiggle: Locator): Promise<{ x: number; y: number }> {
  const box = await squiggle.boundingBox();
  if (!box) throw new Error('the squiggle has no box');
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 - 6 };
  await page.mouse.move(at.x, at.y);
  return at;
}

/** The frame of a webview whose document has `text` in its heading; polls until `ms`. */
export async function webviewFrame(page: Page, text: string, ms = 30_000): Promise<Frame> {
  const deadline = Date.now() + ms;
  for (;;) {
    for (const frame of page.frames()) {
      const h1 = await frame
        .locator('h1')
        .first()
        .textContent({ timeout: 200 })
        .catch(() => null);
      if (h1?.includes(text)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows "${text}"`);
    await page.waitForTimeout(250);
  }
}
