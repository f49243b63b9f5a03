/**
 * Parses a large base's fact files in worker threads alongside this one (parsing is most
 * of a cold load, and each file parses on its own), waiting for them synchronously so
 * loading stays a plain function. Files are taken largest first from one shared counter,
 * by the workers and by this thread once it has done its own work (`alongside`: the
 * sources), so no thread idles while another has a queue. Files read from disk travel
 * as their bytes, in one shared buffer (the one they were read into, when they were read
 * into one), and each thread decodes only the files it takes
 * (cloning the decoded texts to a worker cost more than decoding). Results are the ones
 * parseFactFile gives in this thread: a file a worker cannot send back whole, or every
 * file when workers cannot be used or do not finish, is parsed here.
 */
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { EntryPositions, type EntryPositionsWire } from './entryPositions';
import { parseFactFile, type ParsedFactFile } from './parseFactFile';
import { FactFilePositions, type YamlIndex } from './factFilePositions';
import { textOf } from '../utf8';

/** Below this many characters of fact files, starting workers costs more than it saves. */
export const PARALLEL_MIN_CHARS = 4_000_000;
/** At most this many workers. */
const MAX_WORKERS = 4;
/** A worker that has finished no file for this long is given up (one that died never signals). */
const STALL_MS = 60_000;

/** A fact file to parse (text or UTF-8 bytes), as the caller gives it. */
export interface FactFileInput {
  file: string;
  content: string | Uint8Array;
}

/** A fact file to parse: its index in the caller's list, path, and text or where its bytes are in WorkerJob.bytes. */
export interface ParseItem {
  i: number;
  file: string;
  text?: string;
  start: number;
  end: number;
}

/** Cells of the shared counter array. */
export const NEXT = 0;

/** What a worker is given. */
export interface WorkerJob {
  /** Every file, largest first; cell NEXT of `flags` says which one is taken next. */
  items: ParseItem[];
  /** The bytes of the items given as bytes. */
  bytes: SharedArrayBuffer;
  /** Cell NEXT: the next item to take; [1, 1 + workers): done flags; [1 + workers, 1 + 2 × workers): files finished, per worker. */
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

/** The text of an item: given, or decoded from its bytes. */
export function itemText(item: ParseItem, bytes: SharedArrayBuffer): string {
  return item.text ?? textOf(new Uint8Array(bytes, item.start, item.end - item.start));
}

/** Options of parseFactFiles. */
export interface ParseOptions {
  /** Fewer characters (bytes, for files given as bytes) of fact files than this are parsed in this thread only (default PARALLEL_MIN_CHARS). */
  minChars?: number;
  /** Work of this thread's own, run once while the workers parse (or first, without workers). */
  alongside?: () => void;
  /** Whether this thread takes files too (default true; tests turn it off to have the workers parse every file). */
  here?: boolean;
  /** Whether worker threads may be started at all (default true). */
  workers?: boolean;
}

/** Number of workers worth starting besides this thread for `chars` characters of fact files (0: parse here). */
function workerCount(chars: number, files: number, minChars: number): number {
  if (chars < minChars || files === 0 || process.env.FACTCHECK_PARSE_WORKERS === '0') return 0;
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return Math.min(cores - 1, MAX_WORKERS, files);
}

/**
 * Parses every file (FACTCHECK_PARSE_WORKERS=0: in this thread only); results in the
 * order given. `alongside` runs exactly once, while the workers parse when there are any.
 */
export function parseFactFiles(files: readonly FactFileInput[], options: ParseOptions = {}): ParsedFactFile[] {
  let pending = options.alongside;
  const alongside = (): void => {
    const run = pending;
    pending = undefined;
    run?.();
  };
  const out: (ParsedFactFile | undefined)[] = new Array(files.length);
  const n = options.workers === false ? 0 : workerCount(files.reduce((s, f) => s + f.content.length, 0), files.length, options.minChars ?? PARALLEL_MIN_CHARS);
  if (n > 0) {
    try {
      inWorkers(files, n, out, alongside, options.here ?? true);
    } catch {
      // workers unavailable: every file not back yet is parsed below
    }
  }
  alongside();
  return files.map((f, i) => out[i] ?? parseFactFile(textOf(f.content), f.file));
}

/** A worker's message turned back into a parsed file. */
function fromWire(wire: WireFactFile): ParsedFactFile {
  return { ...wire.parsed, positions: new FactFilePositions(wire.yamlIndex, undefined, EntryPositions.fromWire(wire.positions)) };
}

/** Parses the files in `n` workers and (when `here`) this thread, filling `out` with what comes back. */
function inWorkers(files: readonly FactFileInput[], n: number, out: (ParsedFactFile | undefined)[], alongside: () => void, here: boolean): void {
  const order = files.map((_, i) => i).sort((a, b) => files[b].content.length - files[a].content.length || a - b);
  // The bytes as read, when they are all in one shared buffer (load.ts reads them so); else a copy.
  const given = files.map((f) => (typeof f.content === 'string' ? undefined : f.content.buffer));
  const one = given.find((b) => b !== undefined);
  const inPlace = one instanceof SharedArrayBuffer && given.every((b) => b === undefined || b === one);
  const bytes = inPlace ? one : new SharedArrayBuffer(files.reduce((s, f) => s + (typeof f.content === 'string' ? 0 : f.content.byteLength), 0));
  const view = new Uint8Array(bytes);
  let at = 0;
  const items: ParseItem[] = order.map((i) => {
    const { file, content } = files[i];
    if (typeof content === 'string') return { i, file, text: content, start: 0, end: 0 };
    if (inPlace) return { i, file, start: content.byteOffset, end: content.byteOffset + content.byteLength };
    view.set(content, at);
    at += content.byteLength;
    return { i, file, start: at - content.byteLength, end: at };
  });
  const flags = new Int32Array(new SharedArrayBuffer(4 * (1 + 2 * n)));
  const workers: Worker[] = [];
  const ports: MessagePort[] = [];
  const drain = (): void => {
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const { i, out: wire } = m.message as { i: number; out?: WireFactFile };
        if (wire) out[i] = fromWire(wire);
      }
    }
  };
  try {
    for (let slot = 0; slot < n; slot++) {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1);
      const job: WorkerJob & { port: MessagePort } = { items, bytes, flags, slot, workers: n, port: port2 };
      const w = new Worker(join(__dirname, 'parseWorker.js'), { workerData: job, transferList: [port2] });
      w.unref();
      w.on('error', () => undefined); // its files are parsed here
      workers.push(w);
    }
    alongside();
    if (here) {
      for (let k = Atomics.add(flags, NEXT, 1); k < items.length; k = Atomics.add(flags, NEXT, 1)) {
        out[items[k].i] = parseFactFile(itemText(items[k], bytes), items[k].file);
        drain();
      }
    }
    let progress = -1;
    let since = Date.now();
    for (let slot = 0; slot < n; ) {
      if (Atomics.wait(flags, 1 + slot, 0, 1000) !== 'timed-out') {
        slot++;
        continue;
      }
      let now = 0;
      for (let w = 0; w < n; w++) now += Atomics.load(flags, 1 + n + w);
      if (now !== progress) [progress, since] = [now, Date.now()];
      else if (Date.now() - since > STALL_MS) break;
    }
    drain();
  } finally {
    for (const p of ports) p.close();
    for (const w of workers) void w.terminate();
  }
}
