/**
 * Parses a large base's fact files in worker threads (YAML parsing is most of a cold
 * load, and each file parses on its own), waiting for them synchronously so loading
 * stays a plain function. Results are the ones parseFactFile gives in this thread: a
 * file a worker cannot send back whole, or every file when workers cannot be used or do
 * not finish, is parsed here.
 */
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { EntryPositions, type EntryPositionsWire } from './entryPositions';
import { fastParsedFactFile, yamlParsedFactFile, type ParsedFactFile } from './parseFactFile';
import { FactFilePositions, type YamlIndex } from './factFilePositions';

/** Below this many characters of fact files left for the `yaml` way, starting workers costs more than it saves. */
export const PARALLEL_MIN_CHARS = 4_000_000;
/** At most this many workers. */
const MAX_WORKERS = 4;
/** A worker that has finished no file for this long is given up (one that died never signals). */
const STALL_MS = 60_000;

/** A fact file to parse: its index in the caller's list, path and text. */
export interface ParseItem {
  i: number;
  file: string;
  text: string;
}

/** What a worker is given. */
export interface WorkerJob {
  items: ParseItem[];
  /** Cells [0, workers): done flags; [workers, 2 × workers): files finished, per worker. */
  flags: Int32Array;
  slot: number;
  workers: number;
}

/** A parsed fact file as sent back by a worker; undefined: parse it here. */
export interface WireFactFile {
  parsed: Omit<ParsedFactFile, 'positions'>;
  yamlIndex: YamlIndex;
  positions: EntryPositionsWire;
}

/** Number of workers worth starting for `chars` characters of fact files (0: parse here). */
function workerCount(chars: number, files: number, minChars: number): number {
  if (chars < minChars || process.env.FACTCHECK_PARSE_WORKERS === '0') return 0;
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  const n = Math.min(cores, MAX_WORKERS, files);
  return n >= 2 ? n : 0;
}

/**
 * Parses every file: the fast way here first (fastParse.ts: a plain block-layout file
 * parses in a fraction of what starting a worker costs), then the files left for the
 * `yaml` way in worker threads when they hold `minChars` characters or more
 * (FACTCHECK_PARSE_WORKERS=0: never); results in the order given.
 */
export function parseFactFiles(files: readonly { file: string; text: string }[], minChars = PARALLEL_MIN_CHARS): ParsedFactFile[] {
  const out: (ParsedFactFile | undefined)[] = files.map((f) => fastParsedFactFile(f.text, f.file));
  const slow = files.map((f, i) => ({ ...f, i })).filter((f) => out[f.i] === undefined);
  const n = workerCount(slow.reduce((s, f) => s + f.text.length, 0), slow.length, minChars);
  if (n > 0) {
    const back: (ParsedFactFile | undefined)[] = new Array(slow.length);
    try {
      inWorkers(slow, n, back);
    } catch {
      // workers unavailable: every file not back yet is parsed below
    }
    slow.forEach((f, k) => (out[f.i] = back[k]));
  }
  return files.map((f, i) => out[i] ?? yamlParsedFactFile(f.text, f.file));
}

/** Shares the files among `n` workers (largest first, each to the least loaded), fills `out` with what comes back. */
function inWorkers(files: readonly { file: string; text: string }[], n: number, out: (ParsedFactFile | undefined)[]): void {
  const jobs: ParseItem[][] = Array.from({ length: n }, () => []);
  const load = new Array<number>(n).fill(0);
  const order = files.map((_, i) => i).sort((a, b) => files[b].text.length - files[a].text.length || a - b);
  for (const i of order) {
    const w = load.indexOf(Math.min(...load));
    jobs[w].push({ i, file: files[i].file, text: files[i].text });
    load[w] += files[i].text.length;
  }
  const flags = new Int32Array(new SharedArrayBuffer(4 * 2 * n));
  const workers: Worker[] = [];
  const ports: MessagePort[] = [];
  try {
    jobs.forEach((items, slot) => {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1);
      const job: WorkerJob & { port: MessagePort } = { items, flags, slot, workers: n, port: port2 };
      const w = new Worker(join(__dirname, 'parseWorker.js'), { workerData: job, transferList: [port2] });
      w.unref();
      w.on('error', () => undefined); // its files are parsed here
      workers.push(w);
    });
    let progress = -1;
    let since = Date.now();
    for (let slot = 0; slot < n; ) {
      if (Atomics.wait(flags, slot, 0, 1000) !== 'timed-out') {
        slot++;
        continue;
      }
      let now = 0;
      for (let w = 0; w < n; w++) now += Atomics.load(flags, n + w);
      if (now !== progress) [progress, since] = [now, Date.now()];
      else if (Date.now() - since > STALL_MS) break;
    }
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const { i, out: wire } = m.message as { i: number; out?: WireFactFile };
        if (wire) out[i] = { ...wire.parsed, positions: new FactFilePositions(wire.yamlIndex, undefined, EntryPositions.fromWire(wire.positions)) };
      }
    }
  } finally {
    for (const p of ports) p.close();
    for (const w of workers) void w.terminate();
  }
}
