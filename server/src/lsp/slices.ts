/**
 * Long work on the server's main thread, done in slices: a stepped job (core/util/steps.ts)
 * runs for at most SLICE_MS at a time, then the event loop serves other messages (a
 * hover, an edit) for PAUSE_TURNS turns before the job goes on.
 */

/** Longest stretch of work between two pauses (hover, edits and other documents are served in between). */
export const SLICE_MS = 5;

/**
 * Turns of the event loop a pause lasts. vscode-jsonrpc takes one turn (a setImmediate)
 * to decode a message it has read, one to dispatch it from its queue and one to write the
 * answer; pausing for a single turn let a hover wait for three slices of checking, where
 * four turns answer it after one, and the check is no slower for it (BENCHMARKS.md).
 */
export const PAUSE_TURNS = 4;

/** Lets the event loop run `turns` times (I/O, timers and other setImmediate callbacks). */
export async function pause(turns: number): Promise<void> {
  for (let k = 0; k < turns; k++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Runs a stepped job to its end, pausing every SLICE_MS; `afterPause` runs after each
 * pause (a check throws there once it is cancelled).
 */
export async function driveSteps<T>(steps: Generator<void, T, void>, afterPause: () => void = () => undefined): Promise<T> {
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since < SLICE_MS) continue;
    await pause(PAUSE_TURNS);
    afterPause();
    since = performance.now();
  }
}
