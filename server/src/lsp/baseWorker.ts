/**
 * Worker thread that loads fact-base folders (workerData.dirs) and posts back the base
 * and its problems, so the server's main thread can load the segmenter meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFactBase } from '../core/factbase/load';

const { base, problems } = loadFactBase((workerData as { dirs: string[] }).dirs);
parentPort?.postMessage({ base, problems });
