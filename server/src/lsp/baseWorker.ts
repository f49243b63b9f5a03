/**
 * Worker thread that loads fact-base folders (workerData.dirs) and posts back the base
 * and its problems, so the server's main thread can load the segmenter meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFactBase } from '../core/factbase/load';
import { wrapStrings } from './sharedStrings';

const { base, problems } = loadFactBase((workerData as { dirs: string[] }).dirs);
// Each distinct text crosses once (sharedStrings.ts).
parentPort?.postMessage(wrapStrings({ base, problems }));
