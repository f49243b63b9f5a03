/**
 * Writes the bundled fact base's snapshot (bundledSnapshot.ts) into the folder named by
 * the first argument: scripts/bundle.mjs bundles this file with the server's build id,
 * runs it once and deletes it. Exits with status 1 if the bundled base has errors.
 */
import { hasErrors } from '../core';
import { bundledFactsDir, loadFactBase } from './loadFactBase';
import { cacheWritesSettled } from './loadCache';

const into = process.argv[2];
if (!into) throw new Error('usage: writeSnapshot FOLDER');
const { problems } = loadFactBase([bundledFactsDir()], new Map(), { cache: false, snapshotInto: into });
if (hasErrors(problems)) {
  process.stderr.write(`the bundled fact base has errors: ${problems.map((p) => `${p.file}:${p.line + 1} ${p.message}`).join('; ')}\n`);
  process.exitCode = 1;
} else {
  void cacheWritesSettled().then(() => process.stderr.write(`snapshot of ${bundledFactsDir()} written to ${into}\n`));
}
