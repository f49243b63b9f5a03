/**
 * Worker thread of parallelParse: takes fact files from the shared counter until none is
 * left, decodes and parses each (the fast way, else the `yaml` way) and posts the result back as
 * plain data, counting them in its progress cell, then raises its done flag. A file whose
 * positions need the whole YAML document (or whose parse threw) is posted without a
 * result: the caller parses it itself.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { WireFactFile, WorkerJob } from './parallelParse';

const { items, bytes, port, flags, slot, workers } = workerData as WorkerJob & { port: MessagePort };
try {
  // Loaded here, so a failure to load still ends in the done flag below.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { parseFactFile } = require('./parseFactFile') as typeof import('./parseFactFile');
  const { NEXT, itemText } = require('./parallelParse') as typeof import('./parallelParse');
  /* eslint-enable @typescript-eslint/no-require-imports */
  for (let k = Atomics.add(flags, NEXT, 1); k < items.length; k = Atomics.add(flags, NEXT, 1)) {
    const { i, file } = items[k];
    let out: WireFactFile | undefined;
    try {
      const { positions, ...parsed } = parseFactFile(itemText(items[k], bytes), file);
      const tables = positions.tables;
      if (tables) out = { parsed, yamlIndex: positions.yamlIndex, positions: tables.toWire() };
    } catch {
      out = undefined; // parsed again by the caller, where a throw is its own to report
    }
    port.postMessage({ i, out });
    Atomics.add(flags, 1 + workers + slot, 1);
  }
} catch {
  // the caller parses whatever did not come back
} finally {
  port.close();
  Atomics.store(flags, 1 + slot, 1);
  Atomics.notify(flags, 1 + slot);
}
