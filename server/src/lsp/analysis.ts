/**
 * One analysis per document version: settings and fact base for the document's scope,
 * checkText on its text, then suppressions (disable comments, allowlist). Hover, code
 * actions, diagnostics and the report all read the same cached analysis, so what a
 * quick fix edits is exactly what the diagnostics showed for that version.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkSteps, checkText, CheckMemo, loadSegmenter, LineIndex } from '../core';
import type { CheckResult, Locale } from '../core';
import { today } from '../node';
import type { Allowlists } from './allowlist';
import type { FactBaseStore, LoadedBase } from './factBases';
import type { Settings, SettingsStore } from './settings';
import { factBaseDirs, isInside, uriToPath, type Folder, type Workspace } from './workspace';
import { driveSteps } from './slices';
import { startupMark } from '../shared/startupMarks';

/** The checked state of one document version. */
export interface Analysis {
  uri: string;
  /** The language of the messages (the client's). */
  locale: Locale;
  /** Document version (undefined for a file read from disk). */
  version?: number;
  languageId: string;
  text: string;
  index: LineIndex;
  /** checkText's result with suppressed claims marked and their findings dropped. */
  result: CheckResult;
  settings: Settings;
  folder?: Folder;
  loaded: LoadedBase;
}

/** Where a document belongs: its folder, settings and fact base. */
export interface Scope {
  folder?: Folder;
  settings: Settings;
  loaded: LoadedBase;
}

/** A check dropped because the document changed while it ran. */
export class CheckCancelled extends Error {
  constructor() {
    super('check cancelled: the document changed');
  }
}

/** Computes and caches analyses. */
export class Analyzer {
  private readonly cache = new Map<string, { key: string; analysis: Analysis }>();
  /** Per open document: what its last checks computed, so an edit re-analyses only what it changed. */
  private readonly memos = new Map<string, CheckMemo>();
  /** Per open document: the check under way (a newer version's check cancels it; the same version's waits for it). */
  private readonly running = new Map<string, { key: string; text: string; cancelled: boolean; done: Promise<CheckResult> }>();

  constructor(
    private readonly locale: Locale,
    private readonly workspace: Workspace,
    private readonly settings: SettingsStore,
    private readonly bases: FactBaseStore,
    private readonly allowlists: Allowlists,
    private readonly bundledDir: string,
  ) {}

  /** The folder, settings and fact base of a document. */
  async scope(uri: string): Promise<Scope> {
    const folder = this.workspace.folderOf(uri);
    const settings = await this.settings.get(uri);
    const dirs = factBaseDirs(folder?.path, settings, this.bundledDir);
    await this.bases.ready(dirs); // a first load in a worker thread: wait for it rather than load twice
    const loaded = this.bases.get(dirs);
    return { folder, settings, loaded };
  }

  /**
   * Called as initialize is answered, before the editor's settings arrive: starts loading
   * `dirs` (the base the default settings give the first folder) in a worker thread now,
   * and the segmenter on this thread once the answer is out, so both are under way while
   * the editor handles the answer, sends the settings and opens its documents.
   * jieba's dictionary blocks this thread while it loads (0.1 s alone, 0.3–0.6 s beside a
   * starting editor): loaded in the same turn as the answer, it held the answer back, and
   * the editor could only start on it afterwards. vscode-jsonrpc's writer sends a message
   * from a setImmediate callback queued after this one; one more turn of the event loop
   * lets it go first.
   */
  prestart(dirs: string[]): void {
    setImmediate(() => {
      void this.bases.preload(dirs);
      setImmediate(() => {
        loadSegmenter();
        startupMark('server', 'segmenter loaded');
      });
    });
  }

  /**
   * Loads a document's fact base and the segmenter side by side (the base in a worker
   * thread, jieba's dictionary here), then warms the engine up on that base, unless and
   * until `waiting` says a document is open: its own check builds what the engine needs,
   * and a sample checked first only delays its diagnostics (by 0.1–0.4 s beside a
   * starting editor, where the editor often sends the draft while the base loads).
   * Resolves with the base's folders.
   */
  async start(uri: string, waiting: () => boolean = () => false): Promise<string[]> {
    const settings = await this.settings.get(uri);
    const dirs = factBaseDirs(this.workspace.folderOf(uri)?.path, settings, this.bundledDir);
    const pending = this.bases.preload(dirs);
    loadSegmenter();
    await pending;
    startupMark('server', 'fact base ready');
    if (waiting()) return dirs;
    if (await this.warmUp(await this.scope(uri), waiting)) startupMark('server', 'engine warmed up');
    return dirs;
  }

  /** True when a document is a draft to check: a configured language, and not a file of its fact base. */
  isDraft(uri: string, languageId: string, scope: Scope): boolean {
    if (!scope.settings.languages.includes(languageId)) return false;
    const path = uriToPath(uri);
    return !path || !scope.loaded.dirs.some((d) => isInside(path, d));
  }

  /** The analysis of an open document's current version (cached). */
  async ofDocument(doc: TextDocument): Promise<Analysis> {
    return this.analyze(doc.uri, doc.getText(), doc.languageId, doc.version);
  }

  /** Analyses a text (cached per uri, version, settings, fact base and allowlist). */
  async analyze(uri: string, text: string, languageId: string, version?: number, scope?: Scope): Promise<Analysis> {
    const s = scope ?? (await this.scope(uri));
    const allow = this.allowlists.entries(s.folder?.path);
    // An undated draft is checked as of today (the one clock, node/clock.ts): a new day is a new analysis.
    const asOf = s.settings.asOf || today();
    const key = JSON.stringify([version, s.loaded.generation, s.settings, allow, languageId, asOf]);
    const hit = this.cache.get(uri);
    if (hit && hit.key === key && hit.analysis.text === text) return hit.analysis;
    const index = new LineIndex(text);
    const options = { asOf, locale: this.locale, reportUnverified: s.settings.reportUnverified, freshnessMonths: s.settings.freshness, allow };
    let result: CheckResult;
    if (version === undefined) result = checkText(text, s.loaded.base, options);
    else {
      const running = this.running.get(uri);
      if (running && running.key === key && running.text === text) result = await running.done;
      else {
        if (running) running.cancelled = true;
        let memo = this.memos.get(uri);
        if (!memo) this.memos.set(uri, (memo = new CheckMemo()));
        const run = { key, text, cancelled: false, done: Promise.resolve(undefined as unknown as CheckResult) };
        run.done = this.runSteps(checkSteps(text, s.loaded.base, options, memo), run);
        this.running.set(uri, run);
        try {
          result = await run.done;
        } finally {
          if (this.running.get(uri) === run) this.running.delete(uri);
        }
      }
    }
    const analysis: Analysis = { uri, locale: this.locale, version, languageId, text, index, result, settings: s.settings, folder: s.folder, loaded: s.loaded };
    if (version !== undefined) this.cache.set(uri, { key, analysis });
    return analysis;
  }

  /**
   * Drives a check's steps, letting the event loop serve other messages every
   * SLICE_MS; throws CheckCancelled once a newer check of the document has started.
   */
  private runSteps(steps: Generator<void, CheckResult, void>, run: { cancelled: boolean }): Promise<CheckResult> {
    return driveSteps(steps, () => {
      if (run.cancelled) throw new CheckCancelled();
    });
  }

  /**
   * Checks a short sample against a scope's base, so the first real check does not pay
   * for what the engine builds as it goes (and for compiling its code). In slices: it
   * stops, resolving false, as soon as `stop` says a document is waiting (that
   * document's check does the same work, and sooner).
   */
  async warmUp(scope: Scope, stop: () => boolean = () => false): Promise<boolean> {
    const steps = checkSteps('2024年，全区地区生产总值增长5%。', scope.loaded.base, { asOf: today(), locale: this.locale });
    try {
      await driveSteps(steps, () => {
        if (stop()) throw new CheckCancelled();
      });
      return true;
    } catch (e) {
      if (e instanceof CheckCancelled) return false;
      throw e;
    }
  }

  /** Drops a closed document's analysis. */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.memos.delete(uri);
  }
}
