/**
 * The language server under faults: random edit sequences (insert, delete, replace at
 * random UTF-16 positions, also inside surrogate pairs, some sent in bursts) always end
 * with the diagnostics of a fresh check of the final text; a hostile fact file cannot
 * put links, images, HTML or command URIs into the hover; a fact file broken on disk
 * (a link outside the folder, bytes that are not UTF-8) leaves the last good base in
 * use and the server says so; and the server ends when its client's pipe closes.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  type Diagnostic,
  type MarkupContent,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, LineIndex } from '../../server/src/core';
import { loadFactBase, today } from '../../server/src/node';
import { fileUri, LspTestClient, type Received } from './lspClient';
import { tempWorkspace } from './support';
import { HOSTILE_DRAFT, writeHostileFacts } from '../support/hostileFacts';

const START = '# 示例区情况\n\n2024年，示例区地区生产总值增长6.7%。𠀀😀\r\n\n示例区全区建成口袋公园48个。\n';
const PIECES = ['6.1%', '6.7%', '48个', '49个', '2024年，', '示例区', '地区生产总值增长', '口袋公园', '。', '，', '\n', '\r\n', '😀', '𠀀', '\ud83d', '\ude00', '\0', '# ', 'e\u0301', '一二三'];

/** One generated edit: replace `len` code units at a relative position by `text`, then maybe pause. */
interface Edit {
  at: number;
  len: number;
  text: string;
  pauseMs: number;
}
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 40 })),
  text: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 4 })),
  pauseMs: fc.constantFrom(0, 0, 0, 20, 200),
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What two diagnostics lists must agree on. */
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.severity} ${d.message}`);

describe('protocol: robustness', function () {
  this.timeout(180_000);

  describe('random edit sequences', () => {
    let ws: ReturnType<typeof tempWorkspace>;
    let client: LspTestClient;
    let n = 0;

    before(async () => {
      ws = tempWorkspace();
      ({ client } = await LspTestClient.start({ locale: 'en', folders: [ws.dir], settings: { useBundledFacts: false } }));
    });
    after(async () => {
      await client?.stop();
      ws?.cleanup();
    });

    it('always end with the diagnostics of a fresh check of the final text', async () => {
      const base = loadFactBase([join(ws.dir, 'facts')]).base;
      let withFindings = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 20 }), async (edits) => {
          const uri = fileUri(join(ws.dir, 'drafts', `fuzz${++n}.md`));
          await client.open(uri, 'markdown', START);
          let doc = TextDocument.create(uri, 'markdown', 1, START);
          for (const e of edits) {
            const text = doc.getText();
            const start = Math.floor(e.at * (text.length + 1)); // any UTF-16 offset: inside a surrogate pair too
            const end = Math.min(text.length, start + e.len);
            const change: TextDocumentContentChangeEvent = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.text };
            doc = TextDocument.update(doc, [change], doc.version + 1);
            await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [change] });
            if (e.pauseMs) await sleep(e.pauseMs);
          }
          const final = doc.getText();
          const got = (await client.diagnostics(uri, doc.version)).diagnostics;
          if (got.length) withFindings++;
          // A fresh document with the final text, in the same server…
          const freshUri = fileUri(join(ws.dir, 'drafts', `fresh${n}.md`));
          await client.open(freshUri, 'markdown', final);
          const fresh = (await client.diagnostics(freshUri, 1)).diagnostics;
          assert.deepEqual(brief(got), brief(fresh), `after ${edits.length} edits: ${JSON.stringify(final)}`);
          // …and the engine in this process, which never saw the edits.
          const lines = new LineIndex(final);
          const engine = checkText(final, base, { asOf: today(), locale: 'en' }).findings.map((f) => `${f.code} ${JSON.stringify(lines.rangeOf(f.start, f.end))} ${f.message}`);
          assert.deepEqual(got.map((d) => `${d.code} ${JSON.stringify(d.range)} ${d.message}`), engine, JSON.stringify(final));
          for (const u of [uri, freshUri]) await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: u } });
        }),
        { numRuns: 12 },
      );
      assert.ok(withFindings >= 3, `only ${withFindings} final texts had findings: the edits destroy too much`);
    });
  });

  describe('a hostile fact file', () => {
    let ws: ReturnType<typeof tempWorkspace>;
    let client: LspTestClient;

    before(async () => {
      ws = tempWorkspace();
      rmSync(join(ws.dir, 'facts'), { recursive: true });
      writeHostileFacts(join(ws.dir, 'facts'));
      ({ client } = await LspTestClient.start({ locale: 'zh-cn', folders: [ws.dir], settings: { useBundledFacts: false } }));
    });
    after(async () => {
      await client?.stop();
      ws?.cleanup();
    });

    it('the base it makes is valid (so the hover below really cites it)', () => {
      const errors = loadFactBase([join(ws.dir, 'facts')]).problems.filter((p) => p.severity === 'error');
      assert.deepEqual(errors, []);
    });

    it('cannot put a link, an image, HTML or a command URI into the hover', async () => {
      const uri = fileUri(join(ws.dir, 'drafts', 'hostile.md'));
      await client.open(uri, 'markdown', HOSTILE_DRAFT);
      const ds = (await client.diagnostics(uri, 1)).diagnostics;
      assert.ok(ds.some((d) => d.code === 'wrong-value'), JSON.stringify(ds));
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 20 } });
      const contents = hover?.contents as MarkupContent;
      assert.equal(contents.kind, 'markdown');
      assert.ok(contents.value.includes('onerror'), 'the hostile quote is in the hover (as text)');
      const html = new MarkdownIt({ html: true, linkify: true }).render(contents.value);
      const tags = [...html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/g)];
      for (const [, tag, attrs] of tags) {
        assert.ok(['p', 'strong', 'code', 'hr', 'blockquote', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br'].includes(tag), `<${tag}> in ${html}`);
        if (tag === 'a') assert.match(attrs, /^ href="file:\/\/[^"]*demo-2024\.md#L\d+"$/, `only links to the source file: ${attrs}`);
      }
      assert.doesNotMatch(html, /(href|src)="(?!file:)/i, 'no link or image to anything but the source file');
      assert.ok(!/<(img|script)\b/i.test(html), html);
    });
  });

  describe('a fact file broken on disk', () => {
    let ws: ReturnType<typeof tempWorkspace>;
    let client: LspTestClient;
    before(async () => {
      ws = tempWorkspace();
      ({ client } = await LspTestClient.start({ locale: 'en', folders: [ws.dir], settings: { useBundledFacts: false } }));
    });
    after(async () => {
      await client?.stop();
      ws?.cleanup();
    });

    it('keeps the last good base and says so (message and status), for a link outside and for bytes that are not UTF-8', async () => {
      const uri = fileUri(join(ws.dir, 'drafts', 'draft.md'));
      await client.open(uri, 'markdown', '# 示例区情况\n\n2024年，示例区地区生产总值增长6.7%。\n');
      assert.ok((await client.diagnostics(uri, 1)).diagnostics.some((d) => d.code === 'wrong-value'));
      await client.waitFor((r) => r.kind === 'status' && r.params.factBase.ok);
      const faults: [string, () => void, () => void, RegExp][] = [
        ['passwd.md', () => symlinkSync('/etc/passwd', join(ws.dir, 'facts', 'sources', 'passwd.md')), () => unlinkSync(join(ws.dir, 'facts', 'sources', 'passwd.md')), /refused: this file is a link to \/etc\/passwd/],
        ['demo.yaml', breakEncoding(join(ws.dir, 'facts', 'demo.yaml')), restore(join(ws.dir, 'facts', 'demo.yaml')), /not UTF-8/],
      ];
      for (const [name, breakIt, fixIt, why] of faults) {
        const from = client.received.length;
        breakIt();
        await notifyChanged(client, join(ws.dir, 'facts', name.endsWith('.md') ? 'sources' : '', name));
        const message = await client.waitFor((r): r is Extract<Received, { kind: 'message' }> => r.kind === 'message' && r.params.message.includes(name), from);
        assert.equal(message.params.type, 2, 'a warning: the last good base is still in use');
        assert.match(message.params.message, /still using the last good version/);
        assert.match(message.params.message, why);
        const status = await client.waitFor((r): r is Extract<Received, { kind: 'status' }> => r.kind === 'status' && !r.params.factBase.ok, from);
        assert.match(status.params.factBase.message, new RegExp(`${name.replace('.', '\\.')}.*${why.source}`));
        // Drafts are still checked against the last good base.
        const again = await client.waitFor((r): r is Extract<Received, { kind: 'diagnostics' }> => r.kind === 'diagnostics' && r.params.uri === uri, from);
        assert.ok(again.params.diagnostics.some((d) => d.code === 'wrong-value'), JSON.stringify(again.params.diagnostics));
        const back = client.received.length;
        fixIt();
        await notifyChanged(client, join(ws.dir, 'facts', name.endsWith('.md') ? 'sources' : '', name));
        await client.waitFor((r) => r.kind === 'status' && r.params.factBase.ok && !r.params.document, back);
      }
    });
  });

  it('ends when its client goes away without shutdown (the pipe closes)', async () => {
    const { client } = await LspTestClient.start({ processId: null });
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    client.process.stdin!.end();
    const code = await Promise.race([exited, sleep(20_000).then(() => 'still running')]);
    assert.notEqual(code, 'still running');
    client.connection.dispose();
  });
});

/** Tells the server a file changed on disk (as a client's file watcher does). */
async function notifyChanged(client: LspTestClient, path: string): Promise<void> {
  const type = existsSync(path) ? FileChangeType.Changed : FileChangeType.Deleted;
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(path), type }] });
}

const saved = new Map<string, string>();
/** Rewrites a file with a GBK byte in a comment (remembering the original). */
function breakEncoding(file: string): () => void {
  return () => {
    saved.set(file, readFileSync(file, 'utf8'));
    writeFileSync(file, Buffer.concat([Buffer.from('# '), Buffer.from([0xbb, 0xb3]), Buffer.from('\n' + saved.get(file)!)]));
  };
}
/** Puts back a file rewritten by breakEncoding. */
function restore(file: string): () => void {
  return () => writeFileSync(file, saved.get(file)!);
}
