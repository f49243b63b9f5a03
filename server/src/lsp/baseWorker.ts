/**
 * Worker thread that loads fact-base folders (workerData.dirs, with the unsaved texts of
 * workerData.overrides) and posts back the base and its problems, so the server's main
 * thread answers requests (and loads the segmenter) meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFactBase } from '../core/factbase/load';
import { unwrapStrings, wrapStrings } from './sharedStrings';

const { dirs, overrides } = workerData as { dirs: string[]; overrides?: Map<string, string> };
// One thread only: this load is already in the background, and a second parsing thread
// would compete with the server's main thread for the cores (and keep its own malloc arena).
const { base, problems } = loadFactBase(dirs, overrides, { parseWorkers: false });
// Each distinct text crosses once (sharedStrings.ts).
parentPort?.postMessage(wrapStrings({ base, problems }));
// The load's cache entry is serialized after this turn (loadCache.ts): from the base as
// loaded, not from its wrapped form.
unwrapStrings({ base, problems });
