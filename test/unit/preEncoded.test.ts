/**
 * Notifications encoded ahead (lsp/preEncoded.ts): encodeDiagnosticsSteps gives, over
 * several steps, the bytes JSON.stringify gives for the same parameters; the writer's
 * encoder puts them in the message as they are and encodes every other message as
 * vscode-jsonrpc does; a writer that encodes messages itself gets the plain object back.
 */
import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import { ENCODE_SLICE, PreEncodedParams, encodeDiagnosticsSteps, preEncodedJson, preEncodingWriter } from '../../server/src/lsp/preEncoded';

/** Diagnostics like the server's: Chinese messages, ranges, related information, data. */
function diagnostics(n: number): object[] {
  return Array.from({ length: n }, (_, i) => ({
    range: { start: { line: i, character: 2 }, end: { line: i, character: 7 } },
    severity: 1 + (i % 3),
    code: 'wrong-value',
    source: 'factcheck',
    message: `地区生产总值应为${i}亿元，而非“${i + 1}亿元”\\n`,
    data: i % 2 ? { claim: i, expected: `${i}亿元` } : { claim: i },
    relatedInformation: [{ location: { uri: 'file:///facts/sources/hd-2022-01.md', range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } } }, message: '来源：前三季度，全区实现地区生产总值7146.8亿元' }],
  }));
}

/** Runs a stepped encoding to its end, counting its steps. */
function encode(params: { uri: string; version?: number; diagnostics: object[] }): { params: PreEncodedParams; steps: number } {
  const g = encodeDiagnosticsSteps(params);
  let steps = 1;
  for (let r = g.next(); ; r = g.next(), steps++) if (r.done) return { params: r.value, steps };
}

describe('pre-encoded notifications', () => {
  for (const n of [0, 1, ENCODE_SLICE, ENCODE_SLICE + 1, 3 * ENCODE_SLICE + 7]) {
    it(`encodes ${n} diagnostics in slices as JSON.stringify does`, () => {
      const plain = { uri: 'file:///drafts/稿件.md', version: 7, diagnostics: diagnostics(n) };
      const { params, steps } = encode(plain);
      assert.equal(steps, Math.max(1, Math.ceil(n / ENCODE_SLICE)), 'one step per slice');
      assert.equal(Buffer.concat(params.pieces).toString('utf8'), JSON.stringify(plain));
    });
  }

  it('leaves out an absent version, as JSON.stringify does', () => {
    const plain = { uri: 'file:///a.md', diagnostics: diagnostics(2) };
    assert.equal(Buffer.concat(encode(plain).params.pieces).toString('utf8'), JSON.stringify(plain));
  });

  it('puts pre-encoded parameters in the message as they are, and encodes other messages as JSON', async () => {
    const plain = { uri: 'file:///a.md', version: 2, diagnostics: diagnostics(ENCODE_SLICE + 3) };
    const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: encode(plain).params };
    const bytes = await preEncodedJson.encode(message, { charset: 'utf-8' });
    assert.deepEqual(JSON.parse(Buffer.from(bytes).toString('utf8')), { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: plain });
    const hover = { jsonrpc: '2.0', id: 3, result: { contents: { kind: 'markdown', value: '**来源**' } } };
    assert.equal(Buffer.from(await preEncodedJson.encode(hover, { charset: 'utf-8' })).toString('utf8'), JSON.stringify(hover));
  });

  it('frames a pre-encoded message on the stream with its length in bytes', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const plain = { uri: 'file:///a.md', version: 1, diagnostics: diagnostics(ENCODE_SLICE * 2) };
    await preEncodingWriter(out).write({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: encode(plain).params } as never);
    const all = Buffer.concat(chunks);
    const sep = all.indexOf('\r\n\r\n');
    const length = Number(/Content-Length: (\d+)/.exec(all.subarray(0, sep).toString('ascii'))![1]);
    const body = all.subarray(sep + 4);
    assert.equal(body.length, length);
    assert.deepEqual(JSON.parse(body.toString('utf8')).params, plain);
  });

  it('gives the plain object to a writer that encodes messages itself (toJSON)', () => {
    const plain = { uri: 'file:///a.md', version: 4, diagnostics: diagnostics(3) };
    const viaIpc = JSON.parse(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: encode(plain).params }));
    assert.deepEqual(viaIpc.params, plain);
  });
});
