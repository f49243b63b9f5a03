/**
 * Fact files over the wire: live validation of unsaved YAML (schema, quotes, dangling
 * ids) at the right positions, go-to-definition from a `source:` id, reload on save,
 * and a broken save that keeps the last good base in use and says so.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefinitionRequest, DiagnosticSeverity, MessageType, type Location } from 'vscode-languageserver-protocol/node';
import { fileUri, LspTestClient } from './lspClient';
import { tempWorkspace } from './support';

const DRAFT = '2024年，示例区地区生产总值增长6.7%。\n';

/** 0-based line and UTF-16 column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in the text`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('protocol: fact files', function () {
  this.timeout(60000);
  let ws: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;
  let factsFile: string;
  let factsUri: string;
  let original: string;

  beforeEach(async () => {
    ws = tempWorkspace();
    factsFile = join(ws.dir, 'facts', 'demo.yaml');
    factsUri = fileUri(factsFile);
    original = readFileSync(factsFile, 'utf8');
    ({ client } = await LspTestClient.start({ locale: 'en', folders: [ws.dir], settings: { useBundledFacts: false } }));
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log(client?.transcript());
    await client?.stop();
    ws?.cleanup();
  });

  it('reports schema errors, quotes not in the source and dangling ids in unsaved text, at their positions', async () => {
    await client.open(factsUri, 'yaml', original);
    const clean = await client.diagnostics(factsUri, 1);
    assert.deepEqual(clean.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error), [], JSON.stringify(clean.diagnostics));
    const broken = original
      .replace('kind: count', 'kind: many')
      .replace('quote: 2024年,示例区地区生产总值增长6.1%', 'quote: 2024年,示例区地区生产总值增长6.1%以上')
      .replace(/(demo\.pocket-parks\.demo-2024[\s\S]*?source: )demo-2024/, '$1nope-2024');
    assert.notEqual(broken, original);
    const v = await client.change(factsUri, broken);
    const errors = (await client.diagnostics(factsUri, v)).diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    const at = (needle: string) => errors.filter((d) => d.range.start.line === positionOf(broken, needle).line);
    const schema = at('kind: many');
    assert.equal(schema.length, 1, JSON.stringify(errors));
    assert.equal(schema[0].range.start.character, positionOf(broken, 'many').character);
    assert.ok(at('quote: 2024年,示例区地区生产总值增长6.1%以上').some((d) => /demo-2024/.test(d.message as string)), `quote not in source: ${JSON.stringify(errors)}`);
    assert.ok(at('source: nope-2024').some((d) => /nope-2024/.test(d.message as string)), `dangling source id: ${JSON.stringify(errors)}`);
    assert.ok(errors.every((d) => d.source === 'factcheck'));
  });

  it('goes from an observation\'s source id to the source file', async () => {
    await client.open(factsUri, 'yaml', original);
    const pos = positionOf(original, 'source: demo-2024');
    const loc = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: factsUri },
      position: { line: pos.line, character: pos.character + 'source: de'.length },
    })) as Location | null;
    assert.ok(loc && !Array.isArray(loc), JSON.stringify(loc));
    assert.equal(loc.uri, fileUri(join(ws.dir, 'facts', 'sources', 'demo-2024.md')));
  });

  it('reloads the base when a fact file is saved, and keeps the last good one after a broken save', async () => {
    const draft = fileUri(join(ws.dir, 'drafts', 'r.md'));
    await client.open(draft, 'markdown', DRAFT);
    const before = (await client.diagnostics(draft, 1)).diagnostics;
    assert.ok(before.some((d) => d.code === 'wrong-value'), JSON.stringify(before));
    await client.waitFor((r) => r.kind === 'status' && r.params.document?.uri === draft); // the status that follows those diagnostics

    // The source and the fact now say 6.7%: saving the fact file reloads the base.
    const source = join(ws.dir, 'facts', 'sources', 'demo-2024.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('增长6.1%', '增长6.7%'));
    const updated = original.replace('value: 6.1', 'value: 6.7').replace('figure: 6.1%', 'figure: 6.7%').replace('增长6.1%', '增长6.7%');
    writeFileSync(factsFile, updated);
    await client.open(factsUri, 'yaml', updated);
    let from = client.received.length;
    await client.save(factsUri);
    const reloaded = await client.waitFor((r) => r.kind === 'diagnostics' && r.params.uri === draft, from);
    assert.ok(reloaded.kind === 'diagnostics');
    assert.deepEqual(reloaded.params.diagnostics.filter((d) => d.code === 'wrong-value'), [], 'checked against the reloaded base');
    const ok = await client.waitFor((r) => r.kind === 'status' && !r.params.document, from);
    assert.ok(ok.kind === 'status' && ok.params.factBase.ok, JSON.stringify(ok));
    const counts = await client.waitFor((r) => r.kind === 'status' && r.params.document?.uri === draft, from);
    assert.ok(counts.kind === 'status' && counts.params.document!.counts!.verified === 1, JSON.stringify(counts));

    // A broken save: the last good base stays in use, and the server says so.
    const broken = updated.replace('value: 6.7', 'value: [');
    writeFileSync(factsFile, broken);
    const v = await client.change(factsUri, broken);
    from = client.received.length;
    await client.save(factsUri);
    const message = await client.waitFor((r) => r.kind === 'message', from);
    assert.ok(message.kind === 'message' && message.params.type === MessageType.Warning && /last good/.test(message.params.message), JSON.stringify(message));
    const state = await client.waitFor((r) => r.kind === 'status' && !r.params.document && !r.params.factBase.ok, from);
    assert.ok(state.kind === 'status' && state.params.factBase.problems > 0);
    const still = await client.waitFor((r) => r.kind === 'status' && r.params.document?.uri === draft, from);
    assert.ok(still.kind === 'status');
    assert.deepEqual([still.params.document!.counts!.verified, still.params.document!.counts!.error], [1, 0], 'still checked against the last good base (6.7%)');
    // The draft's status names the base's state now, not the state its cached check was made with.
    assert.equal(still.params.factBase.ok, false, `the draft's status says the base is broken: ${JSON.stringify(still.params)}`);
    assert.equal(still.params.factBase.key, state.params.factBase.key);
    const yamlErrors = await client.diagnostics(factsUri, v);
    assert.ok(yamlErrors.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error), 'the broken file shows its error');
  });
});
