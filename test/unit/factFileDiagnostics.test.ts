/**
 * Live validation of open fact files (lsp/factFiles.ts), loaded in a worker thread: the
 * unsaved text's problems are published for the version validated, only the latest of
 * overlapping validations publishes, a file closed meanwhile gets nothing, and with no
 * file of the base open a scheduled validation loads nothing.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadFactBase } from '../../server/src/node';
import { FactFileDiagnostics } from '../../server/src/lsp/factFiles';
import { BUNDLED, cleanupCopies, copyBase, firstObservation } from './factbaseSupport';

/** A connection that records published diagnostics and logged errors. */
function recorder(): { connection: Connection; published: PublishDiagnosticsParams[]; errors: string[] } {
  const published: PublishDiagnosticsParams[] = [];
  const errors: string[] = [];
  const connection = {
    sendDiagnostics: async (p: PublishDiagnosticsParams) => void published.push(p),
    console: { error: (m: string) => void errors.push(m) },
  } as unknown as Connection;
  return { connection, published, errors };
}

/** A copy of the bundled base and its first observation's fact file opened with `value:` broken in the unsaved text. */
function brokenOpenFile(): { dir: string; doc: TextDocument; line: number } {
  const dir = copyBase(BUNDLED);
  const site = firstObservation(loadFactBase([dir], new Map(), { cache: false }));
  const text = readFileSync(site.file, 'utf8');
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(`id: ${site.id}`));
  const valueLine = lines.findIndex((l, i) => i > line && /^\s+value:/.test(l));
  lines[valueLine] = lines[valueLine].replace(/value:.*/, 'value: 123456');
  return { dir, doc: TextDocument.create(pathToFileURL(site.file).href, 'yaml', 3, lines.join('\n')), line: valueLine };
}

describe('fact files: live validation in a worker thread', function () {
  this.timeout(60000);
  after(cleanupCopies);

  it('publishes the unsaved text\'s problems for the version validated', async () => {
    const { dir, doc, line } = brokenOpenFile();
    const r = recorder();
    const files = new FactFileDiagnostics(r.connection, () => [doc], 0);
    const result = await files.validate([dir]);
    assert.equal(files.validation([dir]), result);
    assert.equal(r.published.length, 1);
    const [p] = r.published;
    assert.equal(p.uri, doc.uri);
    assert.equal(p.version, 3);
    assert.ok(p.diagnostics.some((d) => d.range.start.line === line && d.severity === 1), JSON.stringify(p.diagnostics));
    assert.deepEqual(r.errors, []);
  });

  it('publishes only the latest of overlapping validations, and nothing for a file closed meanwhile', async () => {
    const { dir, doc } = brokenOpenFile();
    const r = recorder();
    let open = [doc];
    const files = new FactFileDiagnostics(r.connection, () => open, 0);
    const first = files.validate([dir]);
    const second = files.validate([dir]);
    await Promise.all([first, second]);
    assert.equal(r.published.length, 1, 'one publication for two validations');
    assert.equal(files.validation([dir]), await second);
    const third = files.validate([dir]);
    open = [];
    await third;
    assert.equal(r.published.length, 1, 'nothing published for a closed file');
  });

  it('loads nothing when no file of the base is open, and forgets the stale validation', async () => {
    const { dir, doc } = brokenOpenFile();
    const r = recorder();
    let open = [doc];
    const files = new FactFileDiagnostics(r.connection, () => open, 0);
    await files.validate([dir]);
    open = [];
    files.schedule([dir]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(files.validation([dir]), undefined);
    assert.equal(r.published.length, 1);
  });
});
