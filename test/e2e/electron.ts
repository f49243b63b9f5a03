/**
 * Runs the same extension test suite in a desktop VS Code downloaded by
 * @vscode/test-electron, for machines that can reach VS Code's download host (this
 * project's CI cannot: it uses test/e2e/run.sh with code-server instead).
 * Usage: node out/test/e2e/electron.js [VS Code version, default "stable"]
 */
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '../../..');

async function main(): Promise<void> {
  await runTests({
    version: process.argv[2] ?? 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out/test/e2e/suite/index.js'),
    launchArgs: [path.join(ROOT, 'test/e2e/workspace'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`e2e (electron): ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
