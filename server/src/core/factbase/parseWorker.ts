/**
 * Worker thread of parallelParse: parses the fact files it is given (the `yaml` way: the
 * caller has tried the fast way on them already) and posts each
 * result back as plain data, counting them in its progress cell, then raises its done
 * flag. A file whose positions need the whole YAML document (or whose parse threw) is
 * posted without a result: the caller parses it itself.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { WireFactFile, WorkerJob } from './parallelParse';

const { items, port, flags, slot, workers } = workerData as WorkerJob & { port: MessagePort };
try {
  // Loaded here, so a failure to load still ends in the done flag below.
  const { yamlParsedFactFile } = require('./parseFactFile') as typeof import('./parseFactFile');
  for (const { i, file, text } of items) {
    let out: WireFactFile | undefined;
    try {
      const { positions, ...parsed } = yamlParsedFactFile(text, file);
      const tables = positions.tables;
      if (tables) out = { parsed, yamlIndex: positions.yamlIndex, positions: tables.toWire() };
    } catch {
      out = undefined; // parsed again by the caller, where a throw is its own to report
    }
    port.postMessage({ i, out });
    Atomics.add(flags, workers + slot, 1);
  }
} catch {
  // the caller parses whatever did not come back
} finally {
  port.close();
  Atomics.store(flags, slot, 1);
  Atomics.notify(flags, slot);
}
