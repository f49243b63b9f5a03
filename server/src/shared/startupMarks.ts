/**
 * Timing marks of a cold start, for the editor end-to-end harness (test/e2e/runner.ts):
 * when FACTCHECK_STARTUP_LOG names a file, the extension and the language server append
 * one line per mark, `<epoch ms> <process> <mark>`, so the harness can say where the time
 * between opening a draft and its first squiggle goes. Without the variable a mark costs
 * one property read. The language server inherits the variable from the extension host.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.FACTCHECK_STARTUP_LOG;

/** Wall-clock milliseconds of an instant measured with performance.now() in this process. */
export function epochOf(now: number): number {
  return performance.timeOrigin + now;
}

/** Appends a mark (at `now`, default this instant) when FACTCHECK_STARTUP_LOG is set; never throws. */
export function startupMark(who: 'extension' | 'server', mark: string, now = performance.now()): void {
  if (!file) return;
  try {
    appendFileSync(file, `${epochOf(now).toFixed(1)} ${who} ${mark}\n`);
  } catch {
    // a diagnostic aid only
  }
}
