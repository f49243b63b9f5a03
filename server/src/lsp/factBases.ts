/**
 * The loaded fact bases, one per distinct list of folders. Loads and reloads run in a
 * worker thread, so the server answers requests meanwhile (a 100,000-observation base
 * takes seconds to load afresh); the base in use stays until its successor is
 * installed. A reload whose result has errors keeps the last good base in use (and says
 * so); a base that never loaded cleanly is used as loaded (broken entries left out).
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { prepareSteps, hasErrors, type Problem } from '../core';
import { bundledFactsDir, loadFactBase } from '../node';
import type { FactBase, Locale } from '../core';
import type { FactBaseState } from '../protocol';
import { t } from './messages';
import { isInside } from './workspace';
import { readParts, type BaseLoad, type PartsMessage } from './baseParts';
import { driveSteps } from './slices';

/** One fact base in use. */
export interface LoadedBase {
  /** The folders, in load order. */
  dirs: string[];
  /** The base checks use (the last good one after a broken reload). */
  base: FactBase;
  /** Problems of the latest load attempt (not necessarily of `base`). */
  problems: Problem[];
  /** State for factcheck/status. */
  state: FactBaseState;
  /** Increases with every load that changed `base`, so analyses can tell they are stale. */
  generation: number;
}

interface Slot {
  dirs: string[];
  current?: LoadedBase;
  /** When `current.base` was loaded without errors. */
  goodAt?: Date;
  /** Counts the reloads asked for, so only the latest one installs its result. */
  reloads: number;
  /** A preload guessed these folders and the settings chose others: its result is neither installed nor announced. */
  unwanted?: boolean;
}

const EMPTY_BASE = (dirs: string[]): FactBase => ({
  subjects: [],
  measures: [],
  observations: [],
  roles: [],
  sources: [],
  exclusions: [],
  origins: new Map(),
  dirs,
});

let generations = 0;

/** HH:MM:SS of a date (local time). */
function clock(d: Date): string {
  return d.toTimeString().slice(0, 8);
}

export type { BaseLoad } from './baseParts';

/** The key of a base: its folders, one per line (FactBaseState.key). */
export function baseKey(dirs: readonly string[]): string {
  return dirs.join('\n');
}

/**
 * loadFactBase in a worker thread, with unsaved texts by path (rejects when the load
 * throws or the worker fails). The base arrives in parts, each read in its own slice of
 * the main thread's time, so the server answers requests meanwhile (baseParts.ts).
 */
export async function loadInWorker(dirs: string[], overrides?: ReadonlyMap<string, string>): Promise<BaseLoad> {
  const message = await new Promise<PartsMessage>((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'baseWorker.js'), { workerData: { dirs, overrides } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`fact-base worker exited with code ${code}`)));
  });
  return driveSteps(readParts(message));
}

/** loadInWorker, then the engine's indexes of the base built in slices (slices.ts), so checks find them built. */
async function loadPrepared(dirs: string[]): Promise<BaseLoad> {
  const load = await loadInWorker(dirs);
  await driveSteps(prepareSteps(load.base));
  return load;
}

/** Fact bases keyed by their folder list. */
export class FactBaseStore {
  private readonly slots = new Map<string, Slot>();
  /** First loads under way in a worker thread, by folder list. */
  private readonly preloads = new Map<string, Promise<void>>();

  constructor(
    private readonly locale: Locale,
    /** Called after every (re)load with the base now in use and whether it replaced the previous one. */
    private readonly onLoaded: (base: LoadedBase, event: { keptLastGood: boolean; failed: boolean }) => void,
  ) {}

  /** The base for a list of folders, loading it the first time. */
  get(dirs: string[]): LoadedBase {
    const slot = this.slot(dirs);
    slot.unwanted = false;
    return slot.current ?? this.load(slot);
  }

  /**
   * Starts the first load of a list of folders in a worker thread, so the main thread
   * can load the segmenter meanwhile; get() after `ready` finds it loaded. If the worker
   * fails, nothing is installed and get() loads the folders itself (and reports why).
   */
  preload(dirs: string[]): Promise<void> {
    const slot = this.slot(dirs);
    const key = dirs.join('\n');
    if (slot.current) return Promise.resolve();
    let p = this.preloads.get(key);
    if (!p) {
      p = loadPrepared(slot.dirs)
        .then(
          ({ base, problems }) => {
            if (!slot.current && !slot.unwanted) this.install(slot, base, problems);
          },
          () => undefined,
        )
        .finally(() => this.preloads.delete(key));
      this.preloads.set(key, p);
    }
    return p;
  }

  /** Resolves once no preload of these folders is under way. */
  ready(dirs: string[]): Promise<void> {
    return this.preloads.get(dirs.join('\n')) ?? Promise.resolve();
  }

  /**
   * The state of the base now in use for a list of folders: an analysis made before a
   * broken reload still holds the base it was made with, but its status must say what
   * is in use now.
   */
  stateOf(loaded: LoadedBase): FactBaseState {
    return this.slots.get(baseKey(loaded.dirs))?.current?.state ?? loaded.state;
  }

  /** The bases loaded so far. */
  loaded(): LoadedBase[] {
    return [...this.slots.values()].flatMap((s) => (s.current ? [s.current] : []));
  }

  /**
   * Reloads every loaded base whose folders hold `file` (all loaded bases when `file` is
   * undefined), each in a worker thread (in this thread if the worker fails). Resolves
   * with the bases in use once they are installed; of overlapping reloads of one base,
   * the latest is installed.
   */
  reload(file?: string): Promise<LoadedBase[]> {
    const out: Promise<LoadedBase>[] = [];
    for (const slot of this.slots.values()) {
      if (!slot.current) continue;
      if (file !== undefined && !slot.dirs.some((d) => isInside(file, d))) continue;
      const ticket = ++slot.reloads;
      const latest = () => ticket === slot.reloads && this.slots.get(slot.dirs.join('\n')) === slot;
      out.push(
        loadPrepared(slot.dirs).then(
          ({ base, problems }) => (latest() ? this.install(slot, base, problems) : slot.current!),
          () => (latest() ? this.load(slot) : slot.current!),
        ),
      );
    }
    return Promise.all(out);
  }

  /** Forgets the base of `dirs` unless it is one of `inUse` (a preload guessed wrong). */
  dropUnless(dirs: string[], inUse: string[][]): void {
    const key = baseKey(dirs);
    if (inUse.some((d) => baseKey(d) === key)) return;
    const slot = this.slots.get(key);
    // A status of a base no draft uses would tell the client about folders the settings did not choose.
    if (slot && !slot.current) slot.unwanted = true;
    const pending = this.preloads.get(key) ?? Promise.resolve();
    void pending.then(() => {
      if (!inUse.some((d) => baseKey(d) === key) && this.slots.get(key) === slot && slot?.unwanted !== false) this.slots.delete(key);
    });
  }

  /** Forgets every base (settings changed: folder lists may differ). Keeps nothing loaded. */
  clear(): void {
    this.slots.clear();
  }

  private slot(dirs: string[]): Slot {
    const key = dirs.join('\n');
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { dirs: [...dirs], reloads: 0 };
      this.slots.set(key, slot);
    }
    return slot;
  }

  private load(slot: Slot): LoadedBase {
    const L = this.locale;
    let base: FactBase;
    let problems: Problem[];
    try {
      ({ base, problems } = loadFactBase(slot.dirs));
    } catch (e) {
      const message = t(L, 'base.failed', (e as Error).message);
      problems = [{ file: slot.dirs[0] ?? '', line: 0, column: 0, message, severity: 'error' }];
      base = EMPTY_BASE(slot.dirs);
      const kept = slot.current && slot.goodAt !== undefined;
      if (kept && slot.current) {
        slot.current = { ...slot.current, problems, state: { key: baseKey(slot.dirs), ok: false, message: t(L, 'base.keptLastGood', 1, clock(slot.goodAt!), (e as Error).message), problems: 1 } };
      } else {
        slot.current = { dirs: slot.dirs, base, problems, state: { key: baseKey(slot.dirs), ok: false, message, problems: 1 }, generation: ++generations };
      }
      this.onLoaded(slot.current, { keptLastGood: !!kept, failed: true });
      return slot.current;
    }
    return this.install(slot, base, problems);
  }

  /** Puts a loaded base in use (or keeps the last good one when it has errors). */
  private install(slot: Slot, base: FactBase, problems: Problem[]): LoadedBase {
    const L = this.locale;
    const errors = problems.filter((p) => p.severity === 'error');
    const first = errors[0] ? `${errors[0].file}:${errors[0].line + 1}:${errors[0].column + 1} ${errors[0].message}` : '';
    if (hasErrors(problems) && slot.current && slot.goodAt) {
      const state: FactBaseState = { key: baseKey(slot.dirs), ok: false, message: t(L, 'base.keptLastGood', errors.length, clock(slot.goodAt), first), problems: problems.length };
      slot.current = { ...slot.current, problems, state };
      this.onLoaded(slot.current, { keptLastGood: true, failed: true });
      return slot.current;
    }
    const nObs = base.observations.length + base.roles.length;
    // The bundled base's warnings are for its curators (`factcheck facts check`); a team's own base's are shown here.
    const bundled = bundledFactsDir();
    const warnings = problems.filter((p) => p.severity !== 'error' && !isInside(p.file, bundled)).length;
    let state: FactBaseState;
    const key = baseKey(slot.dirs);
    if (errors.length) state = { key, ok: false, message: t(L, 'base.broken', errors.length, first), problems: problems.length };
    else if (warnings) state = { key, ok: true, message: t(L, 'base.loadedWithWarnings', nObs, base.sources.length, warnings), problems: warnings };
    else state = { key, ok: true, message: t(L, 'base.loaded', nObs, base.sources.length), problems: 0 };
    if (!errors.length) slot.goodAt = new Date();
    slot.current = { dirs: slot.dirs, base, problems, state, generation: ++generations };
    this.onLoaded(slot.current, { keptLastGood: false, failed: errors.length > 0 });
    return slot.current;
  }
}
