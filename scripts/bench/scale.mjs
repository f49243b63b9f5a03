// Fact-base scale: loading a generated base of about 100,000 observations and matching
// claims against it, each in a fresh process (so load time and memory are not shared
// with other measurements). Loads are cold (an empty load cache; the entry is serialized
// and written after the load returns, before the process exits)
// then warm (a second process finding the cache). Run as a script, it measures one
// base: node scale.mjs DIR…
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseTexts, requireRoot, now } from './corpus.mjs';

/** Load time, heap and per-claim matching time for the fact-base folders `dirs` (in this process). */
async function measure(dirs) {
  const { loadFactBase, cacheWritesSettled } = requireRoot('./out/server/src/node/index.js');
  const { checkText } = requireRoot('./out/server/src/core/index.js');
  let t = now();
  const { base, problems } = loadFactBase(dirs);
  const loadMs = now() - t;
  const rssAfterLoadMB = process.memoryUsage().rss / 2 ** 20;
  await cacheWritesSettled(); // matching is timed alone, not beside the cache entry's write
  const texts = baseTexts();
  t = now();
  checkText(texts[0], base, { asOf: '2025-12-01' }); // indexes and segmenter
  const firstCheckMs = now() - t;
  let claims = 0;
  t = now();
  for (const x of texts) claims += checkText(x, base, { asOf: '2025-12-01' }).claims.length;
  const checkMs = now() - t;
  return { observations: base.observations.length, problems: problems.length, loadMs, firstCheckMs, msPerClaim: checkMs / claims, claims, rssAfterLoadMB, rssMB: process.memoryUsage().rss / 2 ** 20 };
}

/** Runs `measure` in a child process for each list of folders, with its own load cache folder under `cacheRoot`. */
export function scale(bundledDir, generatedDir, cacheRoot) {
  const run = (dirs, cache) =>
    JSON.parse(
      execFileSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(import.meta.url), ...dirs], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
        env: { ...process.env, FACTCHECK_CACHE_DIR: join(cacheRoot, cache) },
      }),
    );
  const bundled = run([bundledDir], 'bundled');
  const generated = run([generatedDir, bundledDir], 'generated');
  const warm = run([generatedDir, bundledDir], 'generated');
  return { bundled, generated, warm, matchingRatio: generated.msPerClaim / bundled.msPerClaim };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(await measure(process.argv.slice(2))) + '\n');
}
