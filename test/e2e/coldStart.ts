/**
 * The cold start of the extension, from the moment the writer opens a draft to its first
 * squiggle, broken down by phase. The harness notes when it pressed Enter and when the
 * squiggle showed; the extension and the language server append their own marks to the
 * file named by FACTCHECK_STARTUP_LOG (server/src/shared/startupMarks.ts). All times
 * are wall-clock milliseconds on one machine, so the three timelines line up.
 */
import * as fs from 'fs';

/** One mark: when, which process, what. */
export interface Mark {
  at: number;
  who: string;
  what: string;
}

/** Reads the marks file (missing file: no marks). */
export function readMarks(file: string): Mark[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const m = /^(\d+(?:\.\d+)?) (\S+) (.+)$/.exec(line);
      return m ? [{ at: Number(m[1]), who: m[2], what: m[3] }] : [];
    });
}

/** What the harness noted: page load started, workbench shown, draft opened (Enter in Quick Open), squiggle visible. */
export interface HarnessTimes {
  goto: number;
  workbench: number;
  opened: number;
  squiggle: number;
}

/** A cold start: the two totals and the timeline of every mark, in order. */
export interface ColdStart {
  /** Enter on the draft in Quick Open → the squiggle visible. */
  openToSquiggle: number;
  /** Page load started → the squiggle visible (the harness's typing in Quick Open included). */
  loadToSquiggle: number;
  /** Every mark: its time since the page load started and since the previous mark. */
  timeline: { what: string; sinceLoad: number; sincePrevious: number }[];
}

const NAMES: Record<string, string> = {
  'extension module loading': 'extension host loads the extension',
  'extension server spawned': 'extension: server process spawned',
  'extension activate': 'extension modules loaded, activate called',
  'extension client starting': 'language client starting',
  'extension client running': 'language client running (initialize answered)',
  'server process start': 'server process started',
  'server modules loaded': 'server modules loaded',
  'server initialize': 'server: initialize received',
  'server initialized': 'server: initialized',
  'server first document opened': 'server: draft opened (didOpen)',
  'server segmenter loaded': 'server: segmenter loaded',
  'server fact base ready': 'server: fact base ready',
  'server engine warmed up': 'server: engine warmed up',
  'server first diagnostics published': 'server: first diagnostics published',
  'extension first document sent': 'extension: first document sent (didOpen)',
  'extension first diagnostics received': 'extension: first diagnostics received',
};

/**
 * The timeline from the harness's instants and the processes' marks (first of each):
 * where the time goes between loading the workbench, opening the draft and its first
 * squiggle (extension activation, server spawn, base and segmenter load, first check,
 * drawing).
 */
export function coldStart(h: HarnessTimes, marks: Mark[]): ColdStart {
  const points = new Map<string, number>([
    ['harness: page load', h.goto],
    ['harness: workbench shown', h.workbench],
    ['harness: draft opened (Enter)', h.opened],
    ['harness: squiggle visible', h.squiggle],
  ]);
  for (const m of marks) {
    const name = NAMES[`${m.who} ${m.what}`] ?? `${m.who}: ${m.what}`;
    if (!points.has(name)) points.set(name, m.at);
  }
  const sorted = [...points].sort((a, b) => a[1] - b[1]);
  const timeline = sorted.map(([what, at], i) => ({ what, sinceLoad: Math.round(at - h.goto), sincePrevious: Math.round(at - (i > 0 ? sorted[i - 1][1] : at)) }));
  return { openToSquiggle: Math.round(h.squiggle - h.opened), loadToSquiggle: Math.round(h.squiggle - h.goto), timeline };
}

/** The cold start as lines for the log. */
export function formatColdStart(c: ColdStart): string[] {
  return [
    `cold start: draft opened → first squiggle ${c.openToSquiggle} ms; page load → first squiggle ${c.loadToSquiggle} ms`,
    ...c.timeline.map((t) => `  ${String(t.sinceLoad).padStart(6)} ms (+${String(t.sincePrevious).padStart(5)})  ${t.what}`),
  ];
}
