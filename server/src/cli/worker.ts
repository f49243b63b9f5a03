/**
 * Entry of a checking worker thread: loads the fact base named in workerData once, then
 * answers each WorkerRequest with the engine's result for that text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UsageError } from './errors';
import { checkOne, loadBase, type LoadedBase } from './workerTask';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './workerProtocol';

const setup = workerData as WorkerSetup;
let loaded: LoadedBase | undefined;

parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    loaded ??= loadBase(setup.factDirs);
    reply = { index: req.index, result: checkOne(req.text, loaded.base, setup.options) };
  } catch (e) {
    const usage = e instanceof UsageError;
    reply = { index: req.index, error: e instanceof Error ? (usage ? e.message : (e.stack ?? e.message)) : String(e), usage };
  }
  parentPort?.postMessage(reply);
});
