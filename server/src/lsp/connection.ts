/**
 * The server's connection, made from the command line (--stdio, --node-ipc,
 * --socket=N, --pipe=NAME) as vscode-languageserver's createConnection makes it, except
 * that on --stdio its writer takes notifications encoded ahead in slices (preEncoded.ts).
 */
import { Console } from 'node:console';
import { createConnection, ProposedFeatures, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { preEncodingWriter } from './preEncoded';

/** A connection, and whether its writer sends pre-encoded parameters as they are. */
export interface ServerConnection {
  connection: Connection;
  preEncoded: boolean;
}

/** The connection the command line asks for (see the file header). */
export function serverConnection(argv: readonly string[] = process.argv): ServerConnection {
  if (!argv.slice(2).includes('--stdio')) return { connection: createConnection(ProposedFeatures.all), preEncoded: false };
  // Standard output carries the protocol: whatever else the process prints goes to
  // standard error (createConnection sends it to the editor's log for --stdio; it is
  // bypassed here to give the writer its encoder).
  Object.defineProperty(globalThis, 'console', { value: new Console({ stdout: process.stderr, stderr: process.stderr }), writable: true, configurable: true });
  // The input as a stream, as --stdio passes it: the connection then ends the process when the editor closes it.
  const input = process.stdin as unknown as MessageReader;
  return { connection: createConnection(ProposedFeatures.all, input, preEncodingWriter(process.stdout)), preEncoded: true };
}
