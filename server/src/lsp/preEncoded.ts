/**
 * Notifications encoded ahead, in slices. A long draft's diagnostics are megabytes of
 * JSON (thousands of diagnostics for a 2 MB draft); encoded in one go as
 * vscode-jsonrpc's writer does, they stop the server long enough for a hover to be felt,
 * and every request read meanwhile is answered after them. Over a stream (the `--stdio` transport), the server
 * encodes them a slice at a time between other messages, and the writer's content
 * encoder (preEncodedJson, vscode-jsonrpc's extension point for encodings) puts the
 * bytes in the message as they are. Other transports encode messages themselves (Node's
 * IPC channel): there the parameters' toJSON gives the plain object back.
 */
import { StreamMessageWriter, type ContentTypeEncoder, type ContentTypeEncoderOptions, type Message } from 'vscode-languageserver/node';

/** Diagnostics per slice of encoding: a slice short enough for a request waiting behind it to be answered without a felt delay. */
export const ENCODE_SLICE = 500;

/** Parameters of a notification already encoded as JSON (UTF-8 bytes, in pieces). */
export class PreEncodedParams {
  constructor(
    /** The parameters' JSON text, in pieces to be joined as they are. */
    readonly pieces: readonly Buffer[],
  ) {}

  /** The parameters as an object, for any writer that encodes messages itself. */
  toJSON(): unknown {
    return JSON.parse(Buffer.concat(this.pieces).toString('utf8'));
  }
}

/**
 * Encodes `{ uri, version, diagnostics }` a slice of diagnostics per step; returns the
 * parameters ready for preEncodedJson. The JSON is JSON.stringify's of the same object.
 */
export function* encodeDiagnosticsSteps(params: { uri: string; version?: number; diagnostics: readonly unknown[] }): Generator<void, PreEncodedParams, void> {
  const head = params.version === undefined ? { uri: params.uri } : { uri: params.uri, version: params.version };
  const pieces: Buffer[] = [Buffer.from(`${JSON.stringify(head).slice(0, -1)},"diagnostics":[`, 'utf8')];
  const ds = params.diagnostics;
  for (let i = 0; i < ds.length; i += ENCODE_SLICE) {
    if (i > 0) yield;
    const json = JSON.stringify(ds.slice(i, i + ENCODE_SLICE));
    pieces.push(Buffer.from((i > 0 ? ',' : '') + json.slice(1, -1), 'utf8'));
  }
  pieces.push(Buffer.from(']}', 'utf8'));
  return new PreEncodedParams(pieces);
}

/** vscode-jsonrpc's JSON encoding of a message, taking pre-encoded parameters as they are. */
export const preEncodedJson: ContentTypeEncoder = {
  name: 'application/json',
  encode(msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      const params = (msg as { params?: unknown }).params;
      if (!(params instanceof PreEncodedParams)) return Promise.resolve(Buffer.from(JSON.stringify(msg, undefined, 0), options.charset));
      const { params: _, ...rest } = msg as Message & { params: unknown };
      const head = Buffer.from(`${JSON.stringify(rest).slice(0, -1)},"params":`, 'utf8');
      return Promise.resolve(Buffer.concat([head, ...params.pieces, Buffer.from('}', 'utf8')]));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};

/** A writer on a stream (stdout for --stdio) that sends pre-encoded parameters as they are. */
export function preEncodingWriter(stream: NodeJS.WritableStream): StreamMessageWriter {
  return new StreamMessageWriter(stream, { charset: 'utf-8', contentTypeEncoder: preEncodedJson });
}
