/**
 * Entry of the extension's own test suite inside a real VS Code: the `run()` that
 * @vscode/test-electron (and VS Code's extensionTestsPath) calls. Runs every
 * *.test.js beside this file with mocha and rejects when a test fails. The spec
 * reporter's output goes to the extension host's console; when FACTCHECK_E2E_RESULTS
 * is set (by test/e2e/runner.ts) a one-line JSON summary and the failures are
 * also written to that file, since a browser-hosted VS Code shows no stdout.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Runs the suite; resolves when every test passed. */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const results = process.env.FACTCHECK_E2E_RESULTS;
  const failures: string[] = [];
  const passes: string[] = [];
  const failed = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on('pass', (test) => passes.push(test.fullTitle()));
    runner.on('fail', (test, err: Error) => failures.push(`${test.fullTitle()}: ${err.stack ?? err.message}`));
  });
  if (results) {
    fs.writeFileSync(results, JSON.stringify({ passed: passes, failed: failures }, null, 2) + '\n');
  }
  if (failed > 0) throw new Error(`${failed} test(s) failed:\n${failures.join('\n')}`);
}
