/**
 * Drafts over the wire: the built server is spawned (`node bin/factcheck.js lsp --stdio`)
 * with the fixture workspace's fact base, and each test awaits the notifications it
 * needs (no sleeps): diagnostics, hover, quick fixes, suppression, allowlist, and that
 * a result for an older version never replaces a newer one.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  ExecuteCommandRequest,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type MarkupContent,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { escapeMarkdown } from '../../server/src/lsp/markdown';
import { ACCEPT_CLAIM_COMMAND, ALLOWLIST_FILE, type DiagnosticData } from '../../server/src/protocol';
import { fileUri, LspTestClient } from './lspClient';
import { actionsOf, applyEdits, byteColumn, editsFor, tempWorkspace } from './support';

const WRONG = '# 示例区情况\n\n2024年，示例区地区生产总值增长6.7%。\n\n示例区全区建成口袋公园48个。\n';
const TITLE = '示例区2024年发展情况 [见](command:evil) <b>注意</b>';

describe('protocol: drafts (zh-cn client)', function () {
  this.timeout(60000);
  let ws: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;
  let n = 0;
  /** Opens a new draft in the workspace and waits for its first diagnostics. */
  const openDraft = async (text: string, languageId = 'markdown', ext = '.md') => {
    const uri = fileUri(join(ws.dir, 'drafts', `t${++n}${ext}`));
    await client.open(uri, languageId, text);
    return { uri, diagnostics: (await client.diagnostics(uri, 1)).diagnostics };
  };
  const wrongValue = (ds: Diagnostic[]) => ds.find((d) => d.code === 'wrong-value');
  const codeActions = async (uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]) =>
    actionsOf(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } }));

  before(async () => {
    ws = tempWorkspace();
    ({ client } = await LspTestClient.start({ locale: 'zh-cn', folders: [ws.dir], settings: { useBundledFacts: false } }));
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(client?.transcript());
  });
  after(async () => {
    await client?.stop();
    ws?.cleanup();
  });

  it('publishes a wrong-value error on the figure, with code, documentation link, source and the finding', async () => {
    const { uri, diagnostics } = await openDraft(WRONG);
    const d = wrongValue(diagnostics);
    assert.ok(d, `no wrong-value among ${JSON.stringify(diagnostics)}\n${client.stderr}`);
    assert.deepEqual(d.range, { start: { line: 2, character: 17 }, end: { line: 2, character: 21 } });
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.source, 'factcheck');
    assert.match(d.codeDescription!.href, /^file:\/\/.*\/README\.md#wrong-value$/);
    const data = d.data as DiagnosticData;
    assert.equal(data.expected, '6.1%');
    assert.ok(data.factId, 'names the fact it was checked against');
    assert.deepEqual(data.fix, { range: d.range, newText: '6.1%' }, 'the fix as an LSP edit');
    assert.equal((data as { citations?: unknown }).citations, undefined, 'citations are relatedInformation, not repeated in data');
    assert.ok(d.relatedInformation?.length, 'cites its source');
    assert.match(d.message as string, /[\u4e00-\u9fff]/, 'a zh-cn client gets Chinese messages');
    assert.equal(diagnostics.filter((x) => x.severity === DiagnosticSeverity.Error).length, 1, 'the correct 48个 is not an error');
    const status = await client.waitFor((r) => r.kind === 'status' && r.params.document?.uri === uri);
    assert.ok(status.kind === 'status' && status.params.document!.counts!.error >= 1 && status.params.document!.counts!.verified >= 1);
  });

  it('publishes a long draft\'s diagnostics whole (encoded ahead in slices over stdio), each as in a short draft', async () => {
    const line = '2024年，示例区地区生产总值增长6.7%。\n';
    const one = (await openDraft(line)).diagnostics;
    assert.ok(one.length >= 1, 'the line has a finding');
    const lines = 1200; // more than lsp/preEncoded.ts's ENCODE_SLICE findings
    const { diagnostics } = await openDraft(line.repeat(lines));
    assert.equal(diagnostics.length, one.length * lines);
    const moved = (d: Diagnostic, by: number) => ({ ...d, range: { start: { ...d.range.start, line: d.range.start.line + by }, end: { ...d.range.end, line: d.range.end.line + by } } });
    for (let k = 0; k < lines; k += 97) {
      const at = diagnostics.filter((d) => d.range.start.line === k);
      assert.deepEqual(at.map((d) => ({ ...d, data: { ...(d.data as DiagnosticData), claim: 0, fix: undefined } })), one.map((d) => moved({ ...d, data: { ...(d.data as DiagnosticData), claim: 0, fix: undefined } }, k)), `line ${k}`);
    }
  });

  it('hovers with the verdict, the source title and the quote with the figure in bold, all escaped', async () => {
    const { uri } = await openDraft(WRONG);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 18 } });
    assert.ok(hover, 'no hover on the claim');
    const md = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.ok(md.includes(escapeMarkdown(TITLE)), md);
    assert.ok(md.includes('示例区人民政府') && md.includes('2024-05-20'), md);
    assert.ok(md.includes(`**${escapeMarkdown('6.1%')}**`), 'the figure is bold in the quote');
    assert.ok(!md.includes('](command:'), 'no link from fact-base text');
    assert.ok(!md.includes('<b>'), 'no HTML from fact-base text');
    assert.match(md, /\]\(file:\/\/[^)]*demo-2024\.md#L8\)/, 'links the source file at the quote line');
    const verified = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 13 } });
    assert.ok(verified && (verified.contents as MarkupContent).value.includes('已核实'), 'verified claims have a hover too');
  });

  it('offers a quick fix that writes the expected value, computed for the current version', async () => {
    const { uri, diagnostics } = await openDraft(WRONG);
    const d = wrongValue(diagnostics)!;
    const actions = await codeActions(uri, d.range, [d]);
    const fix = actions.find((a) => a.title === '改为“6.1%”');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.equal((fix.edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version, 1);
    assert.ok(applyEdits(WRONG, editsFor(fix.edit, uri)).includes('地区生产总值增长6.1%。'));
  });

  it('finds the fix when the client sends byte columns back (Neovim 0.7)', async () => {
    const { uri, diagnostics } = await openDraft(WRONG);
    const d = wrongValue(diagnostics)!;
    const line = WRONG.split('\n')[2];
    const bytes: Range = { start: { line: 2, character: byteColumn(line, d.range.start.character) }, end: { line: 2, character: byteColumn(line, d.range.end.character) } };
    const actions = await codeActions(uri, bytes, [{ ...d, range: bytes }]);
    const fix = actions.find((a) => a.title === '改为“6.1%”');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(editsFor(fix.edit, uri)[0].range, d.range, 'the edit uses the server range, not the client one');
  });

  it('fixes all unambiguous errors with the source.fixAll.factcheck action', async () => {
    const text = WRONG + '\n2024年示例区地区生产总值增长6.9%。\n';
    const { uri } = await openDraft(text);
    const actions = await codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(actions[0].kind, 'source.fixAll.factcheck');
    const fixed = applyEdits(text, editsFor(actions[0].edit, uri));
    assert.equal(fixed.match(/增长6\.1%/g)?.length, 2, fixed);
  });

  it('suppresses the next line with the disable comment it inserts', async () => {
    const { uri, diagnostics } = await openDraft(WRONG);
    const d = wrongValue(diagnostics)!;
    const suppress = (await codeActions(uri, d.range, [d])).find((a) => a.title.includes('factcheck-disable-next-line'));
    assert.ok(suppress);
    const text = applyEdits(WRONG, editsFor(suppress.edit, uri));
    assert.ok(text.includes('<!-- factcheck-disable-next-line -->\n2024年，示例区'), text);
    const v = await client.change(uri, text);
    const after = await client.diagnostics(uri, v);
    assert.equal(after.diagnostics.filter((x) => x.severity === DiagnosticSeverity.Error).length, 0, JSON.stringify(after.diagnostics));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 18 } });
    assert.ok(hover && (hover.contents as MarkupContent).value.includes('已忽略'), 'the claim is shown as suppressed');
  });

  it('honours "# factcheck-disable-next-line" in plain text', async () => {
    const text = '# factcheck-disable-next-line\n2024年，示例区地区生产总值增长6.7%。\n2024年，示例区地区生产总值增长6.7%。\n';
    const { diagnostics } = await openDraft(text, 'plaintext', '.txt');
    const errors = diagnostics.filter((x) => x.severity === DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((e) => e.range.start.line), [2], 'only the line without the comment above it');
  });

  it('inserts a citation footnote for a verified claim, and the footnote is not checked', async () => {
    const { uri } = await openDraft(WRONG);
    const actions = await codeActions(uri, { start: { line: 4, character: 13 }, end: { line: 4, character: 13 } });
    const cite = actions.find((a) => a.title.startsWith('插入引用'));
    assert.ok(cite, JSON.stringify(actions.map((a) => a.title)));
    const text = applyEdits(WRONG, editsFor(cite.edit, uri));
    assert.ok(text.includes('口袋公园48个[^fc1]。'), text);
    assert.ok(text.endsWith(`\n\n[^fc1]: 来源：《${TITLE}》，示例区人民政府，2024-05-20。\n`), text);
    const v = await client.change(uri, text);
    const after = await client.diagnostics(uri, v);
    assert.deepEqual(after.diagnostics.filter((x) => x.range.start.line > 5), [], 'nothing reported on the footnote');
  });

  it('accepts a claim into .factcheck-allow.json and stops reporting it', async () => {
    const { uri, diagnostics } = await openDraft(WRONG);
    const d = wrongValue(diagnostics)!;
    const accept = (await codeActions(uri, d.range, [d])).find((a: CodeAction) => a.command?.command === ACCEPT_CLAIM_COMMAND);
    assert.ok(accept?.command);
    const from = client.received.length;
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: accept.command.command, arguments: accept.command.arguments });
    const allow = JSON.parse(readFileSync(join(ws.dir, ALLOWLIST_FILE), 'utf8')) as { claims: { text: string; line: string }[] };
    assert.deepEqual(allow.claims, [{ text: '6.7%', line: '2024年，示例区地区生产总值增长6.7%。' }]);
    const again = await client.waitFor((r) => r.kind === 'diagnostics' && r.params.uri === uri, from);
    assert.ok(again.kind === 'diagnostics' && !wrongValue(again.params.diagnostics), 'the accepted claim is no longer reported');
  });

  it('never shows a result computed for an older version over a newer text', async () => {
    const uri = fileUri(join(ws.dir, 'drafts', 'stale.md'));
    client.hold((scope) => scope === uri); // the first check waits for its settings…
    await client.open(uri, 'markdown', WRONG);
    await client.waitFor((r) => r.kind === 'trace' && r.message.includes(`check started: ${uri} version 1`));
    const v2 = await client.change(uri, WRONG.replace('6.7%', '6.1%')); // …while the text changes
    client.releaseConfiguration();
    const published = await client.diagnostics(uri, v2);
    assert.equal(wrongValue(published.diagnostics), undefined, 'the newer text is correct');
    const versions = () => client.received.flatMap((r) => (r.kind === 'diagnostics' && r.params.uri === uri ? [r.params.version] : []));
    assert.deepEqual(versions(), [v2], 'no diagnostics for version 1 were published');
    await client.waitFor((r) => r.kind === 'trace' && r.message.includes(`check dropped (stale): ${uri} version 1`));
    assert.deepEqual(versions(), [v2]);
  });
});

describe('protocol: drafts (en client, settings)', function () {
  this.timeout(60000);
  let ws: ReturnType<typeof tempWorkspace>;
  afterEach(() => ws?.cleanup());

  it('speaks English to an English client', async () => {
    ws = tempWorkspace();
    const { client } = await LspTestClient.start({ locale: 'en', folders: [ws.dir], settings: { useBundledFacts: false } });
    try {
      const uri = fileUri(join(ws.dir, 'drafts', 'en.md'));
      await client.open(uri, 'markdown', WRONG);
      const d = (await client.diagnostics(uri, 1)).diagnostics.find((x) => x.code === 'wrong-value');
      assert.ok(d);
      const actions = actionsOf(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }));
      assert.ok(actions.some((a) => a.title === 'Replace with “6.1%”'), JSON.stringify(actions.map((a) => a.title)));
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: d.range.start });
      assert.ok(hover && (hover.contents as MarkupContent).value.includes('**Wrong value** `wrong-value`'), JSON.stringify(hover));
    } finally {
      await client.stop();
    }
  });

  it('applies severity overrides and drops codes set to "off"', async () => {
    ws = tempWorkspace();
    const { client } = await LspTestClient.start({ folders: [ws.dir], settings: { useBundledFacts: false, severity: { 'wrong-value': 'hint', unverified: 'off' } } });
    try {
      const uri = fileUri(join(ws.dir, 'drafts', 'sev.md'));
      await client.open(uri, 'markdown', WRONG + '\n示例区新增停车位3000个。\n');
      const ds = (await client.diagnostics(uri, 1)).diagnostics;
      assert.equal(ds.find((x) => x.code === 'wrong-value')?.severity, DiagnosticSeverity.Hint);
      assert.equal(ds.filter((x) => x.code === 'unverified').length, 0);
      const from = client.received.length;
      await client.setSettings({ useBundledFacts: false });
      const again = await client.waitFor((r) => r.kind === 'diagnostics' && r.params.uri === uri, from);
      assert.ok(again.kind === 'diagnostics');
      assert.equal(again.params.diagnostics.find((x) => x.code === 'wrong-value')?.severity, DiagnosticSeverity.Error);
      assert.equal(again.params.diagnostics.filter((x) => x.code === 'unverified').length, 1, 'without the override the claim is reported');
    } finally {
      await client.stop();
    }
  });

  it('does not check documents of other languages', async () => {
    ws = tempWorkspace();
    const { client } = await LspTestClient.start({ folders: [ws.dir], settings: { useBundledFacts: false, languages: ['markdown'] } });
    try {
      const txt = fileUri(join(ws.dir, 'drafts', 'x.txt'));
      const md = fileUri(join(ws.dir, 'drafts', 'y.md'));
      await client.open(txt, 'plaintext', WRONG);
      await client.open(md, 'markdown', WRONG);
      await client.diagnostics(md, 1);
      await client.waitFor((r) => r.kind === 'trace' && r.message.includes(`check skipped (not a draft): ${txt}`));
      assert.equal(client.received.filter((r) => r.kind === 'diagnostics' && r.params.uri === txt).length, 0);
    } finally {
      await client.stop();
    }
  });
});
