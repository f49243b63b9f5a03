/**
 * The GitHub Actions workflow (.github/workflows/package.yml) cannot run here, so it is
 * validated: GitHub's own workflow parser (@actions/workflow-parser, from the Actions
 * language services behind the VS Code extension for workflows) reads it against the
 * workflow schema it ships (workflow-v1.0.json) and converts it as the Actions service
 * would; neither may report an error. Then what the workflow must do: one job per
 * platform, each testing, packaging and uploading the VSIX of its target. The parser is
 * published for bundlers (it imports its schema, a JSON file, without the import
 * attribute Node asks for), so the test bundles it with esbuild before loading it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');
const FILE = join(ROOT, '.github/workflows/package.yml');

interface Job {
  'runs-on': string;
  strategy: { matrix: { include: { os: string; target: string; test: string }[] } };
  steps: { run?: string; uses?: string; with?: Record<string, string> }[];
}

type Parser = typeof import('@actions/workflow-parser', { with: { 'resolution-mode': 'import' } });
let parser: Parser | undefined;

/** @actions/workflow-parser, bundled into one CommonJS file by esbuild and loaded. */
async function workflowParser(): Promise<Parser> {
  if (!parser) {
    const esbuild = await import('esbuild');
    const built = await esbuild.build({
      stdin: { contents: "export * from '@actions/workflow-parser';", resolveDir: ROOT },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      logLevel: 'silent',
    });
    const dir = mkdtempSync(join(tmpdir(), 'factcheck-workflow-parser-'));
    try {
      writeFileSync(join(dir, 'parser.cjs'), built.outputFiles[0].text);
      parser = require(join(dir, 'parser.cjs')) as Parser;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return parser;
}

/** Errors of GitHub's parser and converter for a workflow text (none for a valid one). */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await workflowParser();
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length || !parsed.value) return errors.length ? errors : ['no workflow read'];
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((e) => e.Message);
}

describe('GitHub Actions workflow', function () {
  this.timeout(30_000);
  const text = readFileSync(FILE, 'utf8');

  it('is a valid workflow for GitHub\'s parser and its workflow schema', async () => {
    assert.deepEqual(await workflowErrors('package.yml', text), []);
  });

  it('the parser rejects a workflow that breaks the schema (the check can fail)', async () => {
    const broken = text.replace('runs-on: ${{ matrix.os }}', 'runs-onn: ${{ matrix.os }}').replace('timeout-minutes: 45', 'timeout-minutes: soon');
    assert.notDeepEqual(await workflowErrors('package.yml', broken), []);
  });

  it('builds, tests and packages one VSIX each on Linux x64, Windows x64 and macOS arm64', async () => {
    const { parse } = await import('yaml');
    const workflow = parse(text) as { jobs: Record<string, Job> };
    const [job] = Object.values(workflow.jobs);
    assert.deepEqual(job.strategy.matrix.include.map((m) => m.target).sort(), ['darwin-arm64', 'linux-x64', 'win32-x64']);
    assert.equal(job['runs-on'], '${{ matrix.os }}');
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const { target, test } of job.strategy.matrix.include) {
      assert.match(test, /^npm (test|run [\w:-]+)$/, `${target} runs an npm script`);
      const name = test === 'npm test' ? 'test' : test.slice('npm run '.length);
      assert.ok(scripts[name], `${target}: package.json has the script ${name}`);
    }
    assert.equal(job.strategy.matrix.include.find((m) => m.target === 'linux-x64')?.test, 'npm test', 'Linux runs the whole suite');
    const runs = job.steps.map((s) => s.run ?? '');
    for (const command of ['npm ci', '${{ matrix.test }}', 'npm run package -- --target ${{ matrix.target }}']) {
      assert.ok(runs.some((r) => r.startsWith(command)), `a step runs ${command}`);
    }
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    assert.ok(upload?.with?.path.includes('${{ matrix.target }}.vsix'), 'uploads the VSIX of its target');
  });
});
