/**
 * The custom requests of server/src/protocol.ts and multi-root workspaces: each folder
 * has its own fact base and settings; checkWorkspace publishes diagnostics for drafts
 * on disk; listSources, report and reloadFacts answer from the folder's base.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { CheckWorkspaceRequest, ListSourcesRequest, ReloadFactsRequest, ReportRequest } from '../../server/src/protocol';
import { fileUri, LspTestClient } from './lspClient';
import { tempWorkspace } from './support';

const DRAFT = '2024年，示例区地区生产总值增长6.7%。\n';

describe('protocol: custom requests and multi-root workspaces', function () {
  this.timeout(60000);
  let a: ReturnType<typeof tempWorkspace>;
  let b: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;

  before(async () => {
    a = tempWorkspace();
    b = tempWorkspace();
    // Folder b's fact base says 6.7% (source and fact), and b reports wrong values as warnings.
    const src = join(b.dir, 'facts', 'sources', 'demo-2024.md');
    writeFileSync(src, readFileSync(src, 'utf8').replace('增长6.1%', '增长6.7%'));
    const facts = join(b.dir, 'facts', 'demo.yaml');
    writeFileSync(facts, readFileSync(facts, 'utf8').replace('value: 6.1', 'value: 6.7').replace('figure: 6.1%', 'figure: 6.7%').replace('增长6.1%', '增长6.7%'));
    writeFileSync(join(b.dir, 'drafts', 'note.md'), DRAFT.replace('6.7%', '6.1%'));
    const inB = (scope: string | undefined) => !!scope && (scope === fileUri(b.dir) || scope.startsWith(fileUri(b.dir) + '/'));
    ({ client } = await LspTestClient.start({
      folders: [a.dir, b.dir],
      settingsFor: (scope) => (inB(scope) ? { useBundledFacts: false, severity: { 'wrong-value': 'warning' } } : { useBundledFacts: false }),
    }));
  });
  after(async function () {
    await client?.stop();
    a?.cleanup();
    b?.cleanup();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(client?.transcript());
  });

  it('checks each folder against its own fact base and settings', async () => {
    const inA = fileUri(join(a.dir, 'drafts', 'm.md'));
    const inB = fileUri(join(b.dir, 'drafts', 'm.md'));
    await client.open(inA, 'markdown', DRAFT);
    await client.open(inB, 'markdown', DRAFT.replace('6.7%', '6.1%'));
    const da = (await client.diagnostics(inA, 1)).diagnostics.find((d) => d.code === 'wrong-value');
    const db = (await client.diagnostics(inB, 1)).diagnostics.find((d) => d.code === 'wrong-value');
    assert.equal(da?.severity, DiagnosticSeverity.Error, 'a: 6.7% contradicts 6.1%');
    assert.equal((da?.data as { expected?: string }).expected, '6.1%');
    assert.equal(db?.severity, DiagnosticSeverity.Warning, 'b: 6.1% contradicts 6.7%, reported as a warning');
    assert.equal((db?.data as { expected?: string }).expected, '6.7%');
  });

  it('checkWorkspace publishes diagnostics for the drafts on disk of every folder', async () => {
    const from = client.received.length;
    const result = await client.connection.sendRequest(CheckWorkspaceRequest, undefined);
    assert.equal(result.files, 2, JSON.stringify(result));
    assert.deepEqual([result.error, result.warning], [1, 1], JSON.stringify(result));
    const noteA = fileUri(join(a.dir, 'drafts', 'note.md'));
    const published = await client.waitFor((r) => r.kind === 'diagnostics' && r.params.uri === noteA, from);
    assert.ok(published.kind === 'diagnostics' && published.params.diagnostics.some((d) => d.code === 'wrong-value'));
    assert.equal(client.received.slice(from).filter((r) => r.kind === 'diagnostics' && r.params.uri.includes('/facts/')).length, 0, 'sources are not drafts');
  });

  it('lists the sources of a folder\'s base', async () => {
    const sources = await client.connection.sendRequest(ListSourcesRequest, { uri: fileUri(join(a.dir, 'drafts', 'm.md')) });
    assert.deepEqual(sources.map((s) => [s.id, s.published, s.uri]), [['demo-2024', '2024-05-20', fileUri(join(a.dir, 'facts', 'sources', 'demo-2024.md'))]]);
  });

  it('renders the HTML report of a draft on disk, and refuses a source document', async () => {
    const { title, html } = await client.connection.sendRequest(ReportRequest, { uri: fileUri(join(a.dir, 'drafts', 'note.md')) });
    assert.equal(title, 'drafts/note.md');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<h2>drafts\/note\.md<\/h2>/);
    assert.match(html, /<span class="code-label">Wrong value<\/span> <code>wrong-value<\/code><\/td><td>[^<]*should be 6\.1%/, html);
    assert.doesNotMatch(html, /<script/i);
    const source = fileUri(join(a.dir, 'facts', 'sources', 'demo-2024.md'));
    await assert.rejects(client.connection.sendRequest(ReportRequest, { uri: source }), /demo-2024\.md is not a draft/);
  });

  it('reloads the fact bases on request; each draft\'s status names its own folder\'s base', async () => {
    const from = client.received.length;
    const { bases } = await client.connection.sendRequest(ReloadFactsRequest, undefined);
    assert.equal(bases.length, 2, JSON.stringify(bases));
    assert.ok(bases.every((x) => x.ok && x.dirs.length === 1 && x.key === x.dirs.join('\n')), JSON.stringify(bases));
    // Both bases report their state after the reload; a client tells them apart by key, so
    // the last one to arrive does not become the state shown for the other folder's drafts.
    for (const [folder, draft] of [[a.dir, 'm.md'], [b.dir, 'm.md']] as const) {
      const uri = fileUri(join(folder, 'drafts', draft));
      const status = await client.waitFor((r) => r.kind === 'status' && r.params.document?.uri === uri, from);
      assert.ok(status.kind === 'status' && status.params.factBase.key === join(folder, 'facts'), JSON.stringify(status));
    }
    const keys = client.received.slice(from).flatMap((r) => (r.kind === 'status' && !r.params.document ? [r.params.factBase.key] : []));
    assert.deepEqual([...new Set(keys)].sort(), [join(a.dir, 'facts'), join(b.dir, 'facts')].sort());
  });
});
