/**
 * Gives memory back once the server is idle after a fact base is installed. Installing a
 * large base leaves tens of MB of garbage in V8's old space (the worker's clone unwrapped,
 * the index built, the first checks); once nothing allocates, V8 starts no collection and
 * never runs its memory reducer here, so the process kept its load-time high for good
 * (with a 100,000-observation base, tens of MB of garbage and emptied pages).
 * After IDLE_MS without activity the server runs two full collections, once per install
 * and each at an idle moment of its own (a full collection of a large heap is a pause the
 * writer would notice while typing): the first
 * frees the garbage, the second the pages it emptied. Both compact the heap: a base read
 * in parts between other work (lsp/baseParts.ts) leaves its objects spread over partly
 * used pages, which a plain full collection keeps.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How long the server must have been idle before it collects. */
export const IDLE_MS = 1500;

/** Full collections run after each install. */
export const COLLECTIONS = 2;

/**
 * V8's full collection as a function, compacting every page it can (V8's
 * --compact-on-every-full-gc, on for that collection only); undefined if the runtime
 * refuses. The collection is `gc` when node runs with --expose-gc, else the same function
 * taken from a fresh context after turning the flag on (the way Jest's leak detector
 * gets it).
 */
export function fullCollection(): (() => void) | undefined {
  const gc = exposedGc();
  if (!gc) return undefined;
  return () => {
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}

/** `gc`, from the global object or a fresh context (see fullCollection). */
function exposedGc(): (() => void) | undefined {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === 'function') return own as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    setFlagsFromString('--no-expose-gc'); // later vm contexts stay as they were
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs COLLECTIONS collections, each once the server has been idle for `idleMs`, after `installed()`. */
export class MemoryReclaimer {
  /** Collections still to run. */
  private remaining = 0;
  private last = 0;
  private timer: NodeJS.Timeout | undefined;
  private collect: (() => void) | undefined | null = null;

  constructor(
    private readonly idleMs = IDLE_MS,
    /** The collection to run (found lazily with fullCollection by default). */
    collect?: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (collect) this.collect = collect;
  }

  /** A base was installed: collect at the next idle moment. */
  installed(): void {
    this.remaining = COLLECTIONS;
    this.touch();
  }

  /** The server did something (an edit, a request, a publication): idleness starts again. */
  touch(): void {
    this.last = this.now();
    if (this.remaining > 0 && !this.timer) this.arm(this.idleMs);
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => this.fire(), ms);
    this.timer.unref(); // a pending collection never keeps the process alive
  }

  private fire(): void {
    this.timer = undefined;
    const idle = this.now() - this.last;
    if (idle < this.idleMs) return this.arm(this.idleMs - idle);
    if (this.collect === null) this.collect = fullCollection();
    this.collect?.();
    this.remaining--;
    // The next one waits for a quiet moment of its own: a request that came during the pause moves it on.
    this.last = this.now();
    if (this.remaining > 0) this.arm(this.idleMs);
  }
}
