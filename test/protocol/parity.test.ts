/**
 * The CLI and the language server give the same findings for the same drafts: each
 * fixture draft is checked by `factcheck check --format json` and opened over stdio in
 * the language server — the one tsc built (`factcheck lsp`) and the bundle the VSIX
 * ships (dist/server.js, `npm run bundle`) — with the same as-of date and locale, and the
 * bundled fact base alone. Ranges, codes, messages, severities, the facts they were
 * checked against and the expected values must be equal, finding for finding.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol';
import type { DiagnosticData } from '../../server/src/protocol';
import { fileUri, LspTestClient, ROOT } from './lspClient';

/** The drafts: the accuracy fixtures, the CLI's fixtures and the editor test's draft. */
const DRAFTS = [join(ROOT, 'test/fixtures/drafts'), join(ROOT, 'test/cli/fixtures/drafts'), join(ROOT, 'test/e2e/workspace/drafts')].flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => /\.(md|txt)$/.test(n))
    .sort()
    .map((n) => join(dir, n)),
);
const AS_OF = '2025-06-30';
const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

/** One finding as both sides can state it. */
interface Comparable {
  range: Range;
  code: string;
  severity: string;
  message: string;
  factId?: string;
  expected?: string;
}

interface CliDiagnostic {
  range: Range;
  severity: string;
  code: string;
  message: string;
  factId?: string;
  expected?: string;
}

const order = (a: Comparable, b: Comparable) =>
  a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);

/** Every draft's findings from `factcheck check --format json`, by absolute path. */
function cliFindings(locale: string): Map<string, Comparable[]> {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/factcheck.js'), 'check', '--format', 'json', '--as-of', AS_OF, '--locale', locale === 'en' ? 'en' : 'zh-CN', '--no-config', ...DRAFTS.map((d) => relative(ROOT, d))], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  assert.ok(r.status === 0 || r.status === 1, `factcheck check exited ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { files: { path: string; diagnostics: CliDiagnostic[] }[] };
  return new Map(
    report.files.map((f) => [
      join(ROOT, f.path),
      f.diagnostics.map((d) => ({ range: d.range, code: d.code, severity: d.severity, message: d.message, factId: d.factId, expected: d.expected })).sort(order),
    ]),
  );
}

/** Every draft's first diagnostics from a language server, by absolute path. */
async function serverFindings(locale: string, server?: string): Promise<Map<string, Comparable[]>> {
  const { client } = await LspTestClient.start({ locale, server, settings: { asOf: AS_OF } });
  try {
    const out = new Map<string, Comparable[]>();
    for (const file of DRAFTS) {
      const uri = fileUri(file);
      await client.open(uri, file.endsWith('.txt') ? 'plaintext' : 'markdown', readFileSync(file, 'utf8'));
      const { diagnostics } = await client.diagnostics(uri, 1);
      out.set(
        file,
        diagnostics
          .map((d: Diagnostic) => {
            const data = d.data as DiagnosticData | undefined;
            return { range: d.range, code: String(d.code), severity: SEVERITIES[(d.severity ?? 1) - 1], message: typeof d.message === 'string' ? d.message : d.message.value, factId: data?.factId, expected: data?.expected };
          })
          .sort(order),
      );
    }
    return out;
  } finally {
    await client.stop();
  }
}

function assertSame(cli: Map<string, Comparable[]>, server: Map<string, Comparable[]>, what: string): void {
  for (const file of DRAFTS) {
    const a = cli.get(file);
    assert.ok(a, `the CLI's report lacks ${file}`);
    assert.deepEqual(server.get(file), a, `${what} and the CLI disagree on ${relative(ROOT, file)}`);
  }
}

describe('protocol: the CLI and the language server give the same findings', function () {
  this.timeout(180_000);
  const BUNDLE = join(ROOT, 'dist/server.js');

  it(`has drafts with findings of every severity to compare (${DRAFTS.length} drafts)`, () => {
    const all = [...cliFindings('en').values()].flat();
    for (const s of ['error', 'warning', 'information']) assert.ok(all.some((f) => f.severity === s), `no ${s} among the drafts' findings`);
  });

  for (const locale of ['zh-cn', 'en']) {
    it(`${locale}: factcheck check --format json and the server tsc built (factcheck lsp)`, async () => {
      assertSame(cliFindings(locale), await serverFindings(locale), 'factcheck lsp');
    });
  }

  it('zh-cn: factcheck check --format json and the bundled server the VSIX ships (dist/server.js)', async () => {
    assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run \`npm run bundle\``);
    assertSame(cliFindings('zh-cn'), await serverFindings('zh-cn', BUNDLE), 'dist/server.js');
  });
});
