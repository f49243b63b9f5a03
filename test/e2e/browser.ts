/**
 * Debian's Chromium driven by playwright-core, with the flags that work as root in a
 * container, and helpers to open code-server's workbench.
 */
import * as fs from 'fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where scripts/e2e-setup.sh's apt-get puts Chromium (override with CHROMIUM). */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/e2e-setup.sh first`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page of the workbench's size, its console copied into `consoleLog`. */
export async function newPage(browser: Browser, consoleLog: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, locale: 'en-US' });
  page.on('console', (msg) => fs.appendFileSync(consoleLog, `[${msg.type()}] ${msg.text()}\n`));
  page.on('pageerror', (err) => fs.appendFileSync(consoleLog, `[pageerror] ${err.stack ?? err.message}\n`));
  return page;
}

/** The workbench URL for a folder, with an optional development/test payload. */
export function workbenchUrl(base: string, folder: string, payload?: [string, string][]): string {
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
