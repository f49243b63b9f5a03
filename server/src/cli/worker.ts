/**
 * Entry of a checking worker thread: loads the fact base named in workerData and warms
 * up the engine, says it is ready, then answers each WorkerRequest with the engine's
 * result for that text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useNodeHost } from '../node';
import { UsageError } from './errors';
import { checkOne, loadBase, type LoadedBase } from './workerTask';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './workerProtocol';

const setup = workerData as WorkerSetup;

function failure(index: number, e: unknown): WorkerReply {
  const usage = e instanceof UsageError;
  return { index, error: e instanceof Error ? (usage ? e.message : (e.stack ?? e.message)) : String(e), usage };
}

useNodeHost();
let loaded: LoadedBase | undefined;
try {
  loaded = loadBase(setup.factDirs);
  checkOne('怀柔区2024年接待游客1万人次。', loaded.base, setup.options); // loads the segmenter and the engine's indexes
  parentPort?.postMessage({ ready: true } satisfies WorkerReply);
} catch (e) {
  parentPort?.postMessage(failure(-1, e));
}

parentPort?.on('message', (req: WorkerRequest) => {
  if (!loaded) return;
  let reply: WorkerReply;
  try {
    reply = { index: req.index, result: checkOne(req.text, loaded.base, setup.options) };
  } catch (e) {
    reply = failure(req.index, e);
  }
  parentPort?.postMessage(reply);
});
