/**
 * Checks many drafts, in parallel worker threads when there are several, and returns
 * the results in the order of the input (so output is stable whatever finishes first).
 * Cached results are taken from the cache without a thread; new results are stored.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckOptions, CheckResult, FactBase } from '../core/types';
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
  /** Threads; default os.availableParallelism(). 1 checks in the main thread. */
  jobs?: number;
  /** Fact-base folders, loaded by each worker. */
  factDirs: string[];
  cache?: CheckCache;
  /** Called after each draft is done (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** Fewer drafts than this are checked in the main thread: a worker's start-up (loading the fact base and the segmenter) costs more than it saves. */
export const MIN_DRAFTS_FOR_WORKERS = 4;

/** Checks the drafts; results[i] belongs to drafts[i]. */
export async function checkDrafts(drafts: DraftInput[], base: FactBase, options: CheckOptions, pool: PoolOptions): Promise<CheckResult[]> {
  const results: (CheckResult | undefined)[] = drafts.map((d) => pool.cache?.get(d.text));
  const todo = drafts.map((_, i) => i).filter((i) => results[i] === undefined);
  let done = drafts.length - todo.length;
  const total = drafts.length;
  const finish = (i: number, r: CheckResult): void => {
    results[i] = r;
    pool.cache?.set(drafts[i].text, r);
    pool.onProgress?.(++done, total);
  };
  const jobs = Math.min(pool.jobs ?? os.availableParallelism(), todo.length);
  if (jobs <= 1 || todo.length < MIN_DRAFTS_FOR_WORKERS) {
    for (const i of todo) finish(i, checkOne(drafts[i].text, base, options));
  } else {
    await runInWorkers(drafts, todo, jobs, { factDirs: pool.factDirs, options }, finish);
  }
  return results as CheckResult[];
}

/** Hands drafts to `jobs` workers one at a time (so a slow draft does not hold up a whole batch). */
function runInWorkers(
  drafts: DraftInput[],
  todo: number[],
  jobs: number,
  setup: WorkerSetup,
  finish: (i: number, r: CheckResult) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let running = jobs;
    let failed = false;
    const workers: Worker[] = [];
    const stopAll = (err: Error): void => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    const feed = (w: Worker): void => {
      if (failed) return;
      if (next >= todo.length) {
        void w.terminate();
        if (--running === 0) resolve();
        return;
      }
      const i = todo[next++];
      const req: WorkerRequest = { index: i, text: drafts[i].text };
      w.postMessage(req);
    };
    for (let k = 0; k < jobs; k++) {
      const w = new Worker(path.join(__dirname, 'worker.js'), { workerData: setup });
      workers.push(w);
      w.on('message', (reply: WorkerReply) => {
        if ('error' in reply) {
          // A fact-base problem is the user's to fix (exit 2); anything else is a bug, with its stack.
          stopAll(reply.usage ? new UsageError(reply.error) : new Error(`${drafts[reply.index]?.path ?? 'worker'}: ${reply.error}`));
          return;
        }
        finish(reply.index, reply.result);
        feed(w);
      });
      w.on('error', (e) => stopAll(e));
      w.on('exit', (code) => {
        if (code !== 0 && !failed && next < todo.length) stopAll(new Error(`a checking thread stopped with status ${code}`));
      });
      feed(w);
    }
  });
}
