/**
 * Source documents over the wire: a figure the fact base does not hold gets a hint, its
 * "Add to fact base" code action writes the suggested entry (reviewed: false) through
 * workspace/applyEdit, the coverage arrives as factcheck/sourceCoverage, and an entry
 * marked reviewed: false gets an "Accept" code lens that removes the flag.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeActionRequest, CodeLensRequest, DiagnosticSeverity, ExecuteCommandRequest, type CodeAction, type TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { fileUri, LspTestClient } from './lspClient';
import { tempWorkspace } from './support';
import { SourceCoverageNotification, type SourceCoverageParams } from '../../server/src/protocol';

describe('protocol: source documents', function () {
  this.timeout(60000);
  let ws: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log(client?.transcript());
    await client?.stop();
    ws?.cleanup();
  });

  it('hints a figure not in the fact base, adds it with the code action, reports coverage and accepts it', async () => {
    ws = tempWorkspace();
    const sourceFile = join(ws.dir, 'facts', 'sources', 'demo-2024.md');
    const uri = fileUri(sourceFile);
    ({ client } = await LspTestClient.start({ locale: 'en', folders: [ws.dir], settings: { useBundledFacts: false } }));
    const coverage: SourceCoverageParams[] = [];
    client.connection.onNotification(SourceCoverageNotification.method, (p: SourceCoverageParams) => void coverage.push(p));
    const text = readFileSync(sourceFile, 'utf8') + '全区新建绿道12公里。\n';
    await client.open(uri, 'markdown', text);
    const diags = (await client.diagnostics(uri, 1)).diagnostics;
    const hint = diags.find((d) => d.severity === DiagnosticSeverity.Hint && d.code === 'not-in-fact-base');
    assert.ok(hint, JSON.stringify(diags));
    assert.match(hint.message as string, /^not in the fact base: 12公里/);
    assert.ok(!diags.some((d) => d.severity === DiagnosticSeverity.Error), 'the coverage error gives way to the hint');
    const line = text.split('\n').findIndex((l) => l.includes('12公里'));
    assert.deepEqual(hint.range.start, { line, character: text.split('\n')[line].indexOf('12') });
    assert.deepEqual(coverage.at(-1), { uri, source: 'demo-2024', held: 2, total: 3 });

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: hint.range, context: { diagnostics: [hint] } })) as CodeAction[];
    const add = actions.find((a) => a.title === 'Add to fact base: 12公里');
    assert.ok(add?.command, JSON.stringify(actions));
    assert.equal(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: add.command.command, arguments: add.command.arguments }), true);
    const edit = client.appliedEdits.at(-1)!;
    const changes = edit.documentChanges as (TextDocumentEdit | { kind: string; uri: string })[];
    const edited = changes.filter((c): c is TextDocumentEdit => 'edits' in c);
    const texts = edited.flatMap((c) => c.edits.map((e) => ('newText' in e ? e.newText : ''))).join('');
    // The file holding the source's observations gets the entry, and the new measure with it.
    assert.deepEqual(edited.map((c) => c.textDocument.uri.replace(/.*\/facts\//, '')), ['demo.yaml'], JSON.stringify(changes));
    assert.match(texts, /figure: 12公里\n/);
    assert.match(texts, /quote: 全区新建绿道12公里\n/);
    assert.match(texts, /reviewed: false/);

    const factsUri = fileUri(join(ws.dir, 'facts', 'demo.yaml'));
    const factsText = readFileSync(join(ws.dir, 'facts', 'demo.yaml'), 'utf8').replace(/(\n {2}- id: [^\n]*\n(?: {4}[^\n]*\n)*)/, '$1    reviewed: false\n');
    await client.open(factsUri, 'yaml', factsText);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: factsUri } });
    assert.equal(lenses?.length, 1);
    assert.equal(lenses![0].command?.title, 'Accept');
    assert.equal(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: lenses![0].command!.command, arguments: lenses![0].command!.arguments }), true);
    const accept = client.appliedEdits.at(-1)!.documentChanges![0] as TextDocumentEdit;
    const flagLine = factsText.split('\n').findIndex((l) => l === '    reviewed: false');
    assert.deepEqual(accept.edits[0], { range: { start: { line: flagLine, character: 0 }, end: { line: flagLine + 1, character: 0 } }, newText: '' });
  });
});
