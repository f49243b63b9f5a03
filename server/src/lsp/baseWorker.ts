/**
 * Worker thread that loads fact-base folders (workerData.dirs, with the unsaved texts of
 * workerData.overrides) and posts back the base and its problems, in parts serialized
 * into one buffer handed over without a copy (baseParts.ts), so the server's main thread
 * answers requests while the load runs and while it reads the parts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFactBase, useNodeHost } from '../node';
import { cutLoad, serializeParts } from './baseParts';

useNodeHost();
const { dirs, overrides } = workerData as { dirs: string[]; overrides?: Map<string, string> };
// The load's cache entry is serialized after this turn, from the load as loaded (node/loadCache.ts).
const message = serializeParts(cutLoad(loadFactBase(dirs, overrides)));
parentPort?.postMessage(message, [message.bytes.buffer as ArrayBuffer]);
