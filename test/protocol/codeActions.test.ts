/**
 * Quick fixes over the wire are offered for the claim under the cursor only: never the fix
 * of another claim on the same line, whether the client sends the diagnostic under the
 * cursor, the whole line's diagnostics in UTF-8 byte columns (Neovim 0.7), or none; and a
 * title fix, whose edit is the title before the name, from the name or the title.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CodeActionRequest, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-protocol/node';
import { fileUri, LspTestClient } from './lspClient';
import { actionsOf, applyEdits, byteColumn, editsFor, tempWorkspace } from './support';

/** Two wrong figures on one line (the fixture base: growth 6.1%, 48 pocket parks). */
const TWO = '# 示例区情况\n\n2024年，示例区地区生产总值增长6.7%；截至2024年5月，全区建成口袋公园50个。\n';
const LINE = TWO.split('\n')[2];
const at = (s: string) => LINE.indexOf(s);
const cursor = (character: number): Range => ({ start: { line: 2, character }, end: { line: 2, character } });
const inBytes = (r: Range): Range => ({
  start: { line: r.start.line, character: byteColumn(LINE, r.start.character) },
  end: { line: r.end.line, character: byteColumn(LINE, r.end.character) },
});

describe('protocol: quick fixes for the claim under the cursor', function () {
  this.timeout(60000);
  let ws: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;
  let n = 0;
  let uri: string;
  let diagnostics: Diagnostic[];
  const actions = async (u: string, range: Range, sent: Diagnostic[] = []): Promise<CodeAction[]> =>
    actionsOf(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range, context: { diagnostics: sent, only: ['quickfix'] } }));
  const fixTitles = (list: CodeAction[]) => list.filter((a) => a.isPreferred).map((a) => a.title);

  before(async () => {
    ws = tempWorkspace();
    ({ client } = await LspTestClient.start({ locale: 'zh-cn', folders: [ws.dir], settings: { useBundledFacts: false } }));
    uri = fileUri(join(ws.dir, 'drafts', `two${++n}.md`));
    await client.open(uri, 'markdown', TWO);
    diagnostics = (await client.diagnostics(uri, 1)).diagnostics.filter((d) => d.code === 'wrong-value');
    assert.equal(diagnostics.length, 2, JSON.stringify(diagnostics));
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(client?.transcript());
  });
  after(async () => {
    await client?.stop();
    ws?.cleanup();
  });

  it('the cursor on one figure: its fix, suppression and acceptance only', async () => {
    const growth = diagnostics.find((d) => d.range.start.character === at('6.7%'))!;
    for (const c of [at('6.7%'), at('6.7%') + 2, at('6.7%') + 4]) {
      const list = await actions(uri, cursor(c), [growth]);
      assert.deepEqual(fixTitles(list), ['改为“6.1%”'], `cursor at ${c}: ${JSON.stringify(list.map((a) => a.title))}`);
      assert.ok(!list.some((a) => a.title.includes('50个') || a.title.includes('48个')), 'nothing about the other claim');
      assert.equal(list.filter((a) => a.command).length, 1, 'one claim to accept');
    }
    const parks = await actions(uri, cursor(at('50个') + 1), []);
    assert.deepEqual(fixTitles(parks), ['改为“48个”'], 'no diagnostics sent: the cursor decides');
    const fixed = applyEdits(TWO, editsFor(parks.find((a) => a.isPreferred)!.edit, uri));
    assert.equal(fixed.split('\n')[2], '2024年，示例区地区生产总值增长6.7%；截至2024年5月，全区建成口袋公园48个。');
  });

  it('the cursor between the figures: no fix of either', async () => {
    const list = await actions(uri, cursor(at('全区')), []);
    assert.deepEqual(fixTitles(list), []);
  });

  it('Neovim 0.7: the cursor in UTF-16, the whole line\'s diagnostics in bytes: the fix under the cursor only', async () => {
    const sent = diagnostics.map((d) => ({ ...d, range: inBytes(d.range) }));
    assert.deepEqual(fixTitles(await actions(uri, cursor(at('50个')), sent)), ['改为“48个”']);
    assert.deepEqual(fixTitles(await actions(uri, cursor(at('6.7%') + 1), sent)), ['改为“6.1%”']);
  });

  it('a client counting bytes throughout: the diagnostic whose range the request gives', async () => {
    for (const d of diagnostics) {
      const bytes = inBytes(d.range);
      const list = await actions(uri, bytes, [{ ...d, range: bytes }]);
      const fix = list.find((a) => a.isPreferred);
      assert.ok(fix, JSON.stringify(list.map((a) => a.title)));
      assert.equal(fixTitles(list).length, 1, JSON.stringify(fixTitles(list)));
      assert.deepEqual(editsFor(fix.edit, uri)[0].range, d.range, 'the edit uses the server\'s range');
    }
  });
});

describe('protocol: a title fix, from the name or the title', function () {
  this.timeout(60000);
  let ws: ReturnType<typeof tempWorkspace>;
  let client: LspTestClient;

  before(async () => {
    ws = tempWorkspace();
    ({ client } = await LspTestClient.start({ locale: 'zh-cn', folders: [ws.dir], settings: { useBundledFacts: true } }));
  });
  after(async () => {
    await client?.stop();
    ws?.cleanup();
  });

  it('rewrites the title before the name, the district kept, and the claim is then verified', async () => {
    const text = '---\ndate: 2025-08-05\n---\n海淀区委书记李俊杰强调，要持续推动高质量发展。\n';
    const uri = fileUri(join(ws.dir, 'drafts', 'title.md'));
    await client.open(uri, 'markdown', text);
    const d = (await client.diagnostics(uri, 1)).diagnostics.find((x) => x.code === 'wrong-role');
    assert.ok(d, 'no wrong-role');
    assert.deepEqual(d.range, { start: { line: 3, character: 6 }, end: { line: 3, character: 9 } }, 'on the name');
    for (const character of [7, 2]) {
      const list = actionsOf(
        await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 3, character }, end: { line: 3, character } }, context: { diagnostics: [d], only: ['quickfix'] } }),
      );
      const fix = list.find((a) => a.isPreferred);
      assert.ok(fix, `cursor at ${character}: ${JSON.stringify(list.map((a) => a.title))}`);
      const edits = editsFor(fix.edit, uri);
      assert.deepEqual(edits, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 6 } }, newText: '海淀区委副书记、区长' }]);
      const fixed = applyEdits(text, edits);
      assert.ok(fixed.includes('海淀区委副书记、区长李俊杰强调'), fixed);
      if (character === 7) {
        const v = await client.change(uri, fixed);
        const after = await client.diagnostics(uri, v);
        assert.deepEqual(after.diagnostics.filter((x) => x.severity === 1 || x.severity === 2), [], 'the title is now right');
        await client.change(uri, text);
      }
    }
  });
});
