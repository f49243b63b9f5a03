/**
 * What the core needs from the machine it runs on, registered with it at start: the core
 * reads no files, so the bundled units table (the package's facts/units.yaml) and the
 * word segmenter's dictionary files (a compact dictionary derived from nodejieba's) come
 * from here, as a language service is handed its workspace. Every program that checks
 * calls useNodeHost once before its first check (the CLI, its workers, the language
 * server, its loading thread, the test runner's setup); loading a fact base from disk
 * (loadFactBase) calls it too.
 */
import { setBundledUnits, setSegmenterTables } from '../core';
import { readBundledUnits } from './bundledUnits';
import { segmenterTables } from './segmenterTables';

let installed = false;

/** Registers the Node side's units table and segmenter tables with the core (once per thread; later calls do nothing). */
export function useNodeHost(): void {
  if (installed) return;
  installed = true;
  setBundledUnits(() => readBundledUnits());
  setSegmenterTables(segmenterTables);
}
