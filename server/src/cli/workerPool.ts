/**
 * Checks many drafts, in worker threads besides the main thread when there are many,
 * and returns the results in the order of the input (so output is stable whatever
 * finishes first). The main thread checks drafts too, one at a time between events; a
 * worker takes drafts only once it has loaded the fact base and the segmenter, so a
 * short run never waits for a worker to start. Cached results skip the checking. A draft
 * the engine throws on is reported as a failure and does not stop the others.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckOptions, CheckResult, FactBase } from '../core';
import type { CheckCache } from './cache';
import { UsageError } from './errors';
import { checkOne } from './workerTask';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './workerProtocol';

/** A draft to check: its display path and text. */
export interface DraftInput {
  path: string;
  text: string;
}

/** How to run the checks. */
export interface PoolOptions {
  /** Threads including the main thread; default defaultJobs() (workers only for runs long enough to pay for their start). */
  jobs?: number;
  /** Fact-base folders, loaded by each worker. */
  factDirs: string[];
  cache?: CheckCache;
  /** Called after each draft is done (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Let the main thread check drafts too (default true; tests turn it off to exercise the workers alone). */
  mainThreadChecks?: boolean;
}

/**
 * Without an explicit --jobs, a run uses one more thread per this many characters of
 * drafts to check, up to the available parallelism. A worker first loads the fact base
 * and the segmenter, then runs with a cold JIT and empty memos, so shorter runs finish
 * first on the main thread alone.
 */
export const CHARS_PER_EXTRA_THREAD = 3_000_000;

/**
 * The default number of checking threads for `drafts` drafts holding `chars` characters.
 * On two cores or fewer, one: measured on 2 cores (BENCHMARKS.md), a second thread made
 * runs of 2, 4 and 8 M characters slower, distinct drafts or repeated, as both threads'
 * compiler and garbage-collector threads share the cores with them.
 */
export function defaultJobs(drafts: number, chars: number, cores = os.availableParallelism()): number {
  if (cores <= 2) return 1;
  return Math.max(1, Math.min(cores, drafts, 1 + Math.floor(chars / CHARS_PER_EXTRA_THREAD)));
}

/** Drafts sent ahead to each worker (a round trip through the main thread, busy with a draft of its own, can take as long as checking a draft). */
export const WORKER_PREFETCH = 4;

/**
 * What checking one draft gave: the engine's result, or the error the engine threw on
 * it (a bug: the run checks the other drafts and reports this one).
 */
export type DraftOutcome = CheckResult | DraftFailure;

/** The engine threw on a draft: the error's stack (or message). */
export interface DraftFailure {
  failure: string;
}

/** True when the engine threw on the draft. */
export function isFailure(o: DraftOutcome): o is DraftFailure {
  return 'failure' in o;
}

/** The stack or message of an error thrown while checking. */
function failureOf(e: unknown): DraftFailure {
  return { failure: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

/** Checks the drafts; results[i] belongs to drafts[i]. */
export async function checkDrafts(drafts: DraftInput[], base: FactBase, options: CheckOptions, pool: PoolOptions): Promise<DraftOutcome[]> {
  const results: (DraftOutcome | undefined)[] = drafts.map((d) => pool.cache?.get(d.text));
  const todo = drafts.map((_, i) => i).filter((i) => results[i] === undefined);
  let done = drafts.length - todo.length;
  const finish = (i: number, r: DraftOutcome): void => {
    results[i] = r;
    if (!isFailure(r)) pool.cache?.set(drafts[i].text, r);
    pool.onProgress?.(++done, drafts.length);
  };
  const jobs = pool.jobs ?? defaultJobs(todo.length, todo.reduce((n, i) => n + drafts[i].text.length, 0));
  const mainChecks = pool.mainThreadChecks ?? true;
  const workers = Math.min(mainChecks ? jobs - 1 : Math.max(jobs, 1), todo.length);
  if (workers <= 0) {
    for (const i of todo) finish(i, checkOrFailure(drafts[i].text, base, options));
  } else {
    await runShared(drafts, todo, workers, mainChecks ? base : undefined, { factDirs: pool.factDirs, options }, finish);
  }
  return results as DraftOutcome[];
}

/** checkOne, or the failure when the engine throws. */
function checkOrFailure(text: string, base: FactBase, options: CheckOptions): DraftOutcome {
  try {
    return checkOne(text, base, options);
  } catch (e) {
    return failureOf(e);
  }
}

/** Runs the queue on `workerCount` workers plus, when `base` is given, the main thread. */
function runShared(
  drafts: DraftInput[],
  todo: number[],
  workerCount: number,
  base: FactBase | undefined,
  setup: WorkerSetup,
  finish: (i: number, r: DraftOutcome) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let pending = todo.length;
    let failed = false;
    const workers: Worker[] = [];
    const retired = new Set<Worker>();
    const ready = new Set<Worker>();
    // A worker still loading the segmenter is inside native code: terminating it there can
    // abort the process (nodejieba throws across the torn-down environment). It is ended
    // once it reports ready, or reports that it could not load.
    const retire = (w: Worker): void => {
      if (retired.has(w)) return;
      retired.add(w);
      if (ready.has(w)) void w.terminate();
    };
    const stopAll = (err: Error): void => {
      if (failed) return;
      failed = true;
      workers.forEach(retire);
      reject(err);
    };
    const completed = (i: number, r: DraftOutcome): void => {
      finish(i, r);
      if (--pending === 0) {
        workers.forEach(retire);
        resolve();
      }
    };
    // Each worker holds up to WORKER_PREFETCH drafts, so it never idles while the main
    // thread, busy with a draft of its own, has yet to read a result and send the next text.
    const inFlight = new Map<Worker, number>();
    const feed = (w: Worker): void => {
      if (failed) return;
      let held = inFlight.get(w) ?? 0;
      while (held < WORKER_PREFETCH && next < todo.length) {
        const index = todo[next++];
        const req: WorkerRequest = { index, text: drafts[index].text };
        w.postMessage(req);
        held++;
      }
      inFlight.set(w, held);
      if (held === 0) retire(w);
    };
    for (let k = 0; k < workerCount; k++) {
      const w = new Worker(path.join(__dirname, 'worker.js'), { workerData: setup });
      workers.push(w);
      w.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) {
          ready.add(w);
          if (retired.has(w)) void w.terminate();
          else feed(w);
        } else if (retired.has(w)) {
          void w.terminate();
        } else if ('error' in reply && (reply.index < 0 || reply.usage)) {
          ready.add(w); // out of its load either way: safe to end
          // The worker could not load: a fact-base problem is the user's to fix (exit 2); anything else is a bug, with its stack.
          stopAll(reply.usage ? new UsageError(reply.error) : new Error(`checking thread: ${reply.error}`));
        } else {
          // A result, or the error the engine threw on this draft (a bug: reported with it, the others are still checked).
          inFlight.set(w, (inFlight.get(w) ?? 1) - 1);
          completed(reply.index, 'error' in reply ? { failure: reply.error } : reply.result);
          feed(w);
        }
      });
      w.on('error', (e) => stopAll(e));
      w.on('exit', (code) => {
        if (!retired.has(w) && !failed) stopAll(new Error(`a checking thread stopped with status ${code}`));
      });
    }
    if (base) {
      // The main thread takes one draft per turn of the event loop, so workers' messages are served in between.
      const step = (): void => {
        if (failed || next >= todo.length) return;
        const i = todo[next++];
        completed(i, checkOrFailure(drafts[i].text, base, setup.options));
        setImmediate(step);
      };
      setImmediate(step);
    }
  });
}
