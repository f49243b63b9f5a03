/**
 * Messages between the main thread and checking workers (worker.ts).
 */
import type { CheckOptions, CheckResult } from '../core';

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

/**
 * Worker → main: ready (fact base and segmenter loaded: send drafts), a result, or why
 * it failed (usage: a fact-base problem; index -1 when loading failed).
 */
export type WorkerReply = { ready: true } | { index: number; result: CheckResult } | { index: number; error: string; usage?: boolean };
