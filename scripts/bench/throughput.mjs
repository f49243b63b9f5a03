// Throughput: `factcheck check` (in this process, report formatted) over a corpus of at
// least 2 MB, against nodejieba's raw cut over the same texts in the same process: with
// nodejieba's own dictionary (the reference, ~4 M chars/s here), and with the
// engine's compact one (server/src/node/segmenterTables.ts), which cuts faster.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, requireRoot, now, ROOT } from './corpus.mjs';

/** Runs the throughput measurement; returns its figures. */
export async function throughput(minChars = 2_000_000) {
  const jieba = requireRoot('nodejieba');
  const { texts, chars } = corpus(minChars);
  const cutAll = () => {
    jieba.cut('预热');
    const t0 = now();
    for (const x of texts) jieba.cut(x);
    return now() - t0;
  };
  jieba.load(); // nodejieba's own dictionary
  const jiebaMs = cutAll();
  // Then the engine's tables, loaded outside the timing the way the engine loads them
  // (nodejieba's load always rebuilds the dictionary, so a load by the engine would be timed as check).
  requireRoot('./out/server/src/core/index.js').loadSegmenter();
  const compactMs = cutAll();
  const dir = mkdtempSync(join(tmpdir(), 'factcheck-bench-'));
  try {
    texts.forEach((x, i) => writeFileSync(join(dir, `d${String(i).padStart(4, '0')}.md`), x));
    const { parseCheckArgs, executeCheck } = requireRoot('./out/server/src/cli/checkCommand.js');
    const { formatReport } = requireRoot('./out/server/src/cli/formats/index.js');
    const run1 = async (jobs) => {
      const args = [dir, '--no-config', '--format', 'json', '--as-of', '2025-12-01'];
      if (jobs) args.push('--jobs', String(jobs));
      const run = parseCheckArgs(args, ROOT);
      const t0 = now();
      const report = await executeCheck(run);
      formatReport(run.format, report, { color: false, cwd: ROOT, locale: 'zh' });
      return now() - t0;
    };
    const oneThread = await run1(1);
    const defaultJobs = await run1(undefined);
    // The same corpus with every repetition made distinct (a tag after each ，and 。), so no
    // per-text memo (segmentation, front matter, quote scores) is reused across repetitions.
    const reps = new Map();
    texts.forEach((x, i) => {
      const k = (reps.get(x) ?? 0) + 1;
      reps.set(x, k);
      writeFileSync(join(dir, `d${String(i).padStart(4, '0')}.md`), x.replace(/([，。])/g, `$1〔${k}〕`));
    });
    const distinct = await run1(1);
    const mcs = (ms) => chars / ms / 1000;
    return {
      chars,
      drafts: texts.length,
      jiebaMcps: mcs(jiebaMs),
      jiebaCompactMcps: mcs(compactMs),
      ratio1Compact: compactMs / oneThread,
      checkMcps1: mcs(oneThread),
      checkMcpsDefault: mcs(defaultJobs),
      ratio1: jiebaMs / oneThread,
      ratioDefault: jiebaMs / defaultJobs,
      checkMcpsDistinct: mcs(distinct),
      ratioDistinct: jiebaMs / distinct,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
