/**
 * The server's connection, made from the command line (--stdio, --node-ipc,
 * --socket=N, --pipe=NAME) as vscode-languageserver's createConnection makes it, except
 * that on --stdio its writer takes notifications encoded ahead in slices (preEncoded.ts).
 */
import { Console } from 'node:console';
import { createConnection, ProposedFeatures, type Connection, type MessageReader } from 'vscode-languageserver/node';
import { preEncodingWriter } from './preEncoded';

const TRANSPORT = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;

/**
 * The usage message when the server's arguments (after node and the script) do not name
 * exactly one transport, else undefined. `lsp` (the command's name, from
 * bin/factcheck.js) and the client's process id, which language clients add, are allowed.
 */
export function transportProblem(args: readonly string[]): string | undefined {
  const rest = args[0] === 'lsp' ? args.slice(1) : args;
  const transports = rest.filter((a) => TRANSPORT.test(a));
  const unknown = rest.filter((a) => !TRANSPORT.test(a) && !/^--clientProcessId(=\d+)?$/.test(a) && !/^\d+$/.test(a));
  if (transports.length === 1 && !unknown.length) return undefined;
  return `usage: factcheck lsp --stdio (or --node-ipc, --socket=PORT)${unknown.length ? `; unknown argument ${unknown[0]}` : ''}`;
}

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
