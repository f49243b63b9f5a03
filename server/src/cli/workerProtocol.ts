/**
 * Messages between the main thread and checking workers (worker.ts).
 */
import type { CheckOptions, CheckResult } from '../core/types';

/** Sent once as workerData: what every check of the run shares. */
export interface WorkerSetup {
  factDirs: string[];
  options: CheckOptions;
}

/** Main → worker: check this text. */
export interface WorkerRequest {
  index: number;
  text: string;
}

/** Worker → main: the result, or why it failed (usage: a fact-base or input problem). */
export type WorkerReply = { index: number; result: CheckResult } | { index: number; error: string; usage?: boolean };
