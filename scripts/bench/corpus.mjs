// Texts the benchmark checks: the bundled sources' bodies and the drafts of the shared
// dev set (../shared/eval/dev) and of the project fixtures, as in the corpus,
// plus helpers to build drafts of a given size from them.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

/** The package root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** require() from the package root (out/ modules, node_modules). */
export const requireRoot = createRequire(join(ROOT, 'package.json'));

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;

/** The base texts: source bodies, dev drafts and fixture drafts (front matter kept). */
export function baseTexts() {
  const { loadFactBase, bundledFactsDir } = requireRoot('./out/server/src/node/index.js');
  const texts = loadFactBase([bundledFactsDir()]).base.sources.map((s) => s.body);
  for (const dir of [join(ROOT, '../shared/eval/dev'), join(ROOT, 'test/fixtures/drafts')]) {
    if (!existsSync(dir)) continue;
    for (const n of readdirSync(dir).filter((x) => /\.(md|txt)$/.test(x)).sort()) texts.push(readFileSync(join(dir, n), 'utf8'));
  }
  return texts;
}

/** The corpus: the base texts repeated until they hold at least `minChars` characters. */
export function corpus(minChars) {
  const texts = baseTexts();
  const out = [];
  let chars = 0;
  while (chars < minChars) for (const t of texts) { out.push(t); chars += t.length; }
  return { texts: out, chars };
}

/** One draft of exactly `size` characters: front matter (date) and the base texts' bodies, repeated. */
export function draftOfSize(size, date = '2025-12-01') {
  const bodies = baseTexts().map((t) => t.replace(FRONT_MATTER, '').trim());
  let text = `---\ntitle: 基准测试稿\ndate: ${date}\n---\n`;
  for (let i = 0; text.length < size; i++) text += bodies[i % bodies.length] + '\n\n';
  return text.slice(0, size);
}

/** Milliseconds since an arbitrary origin. */
export const now = () => performance.now();

/** Median and 95th percentile of a list of numbers. */
export function percentiles(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1], n: s.length };
}
