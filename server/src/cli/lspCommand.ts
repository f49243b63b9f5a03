/**
 * `factcheck lsp --stdio`: runs the language server on stdin/stdout (also --node-ipc,
 * --socket=N), the same server the VS Code extension starts, for other editors.
 */
import { serverConnection } from '../lsp/connection';
import { startServer } from '../lsp/server';
import { UsageError } from './errors';

const TRANSPORT = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;

/** Starts the language server; the returned promise never settles (the server exits the process on `exit` or when the client dies). */
export async function runLsp(args: string[]): Promise<number> {
  const transports = args.filter((a) => TRANSPORT.test(a));
  const unknown = args.filter((a) => !TRANSPORT.test(a) && !/^--clientProcessId(=\d+)?$/.test(a) && !/^\d+$/.test(a));
  if (transports.length !== 1 || unknown.length) {
    throw new UsageError(`usage: factcheck lsp --stdio (or --node-ipc, --socket=PORT)${unknown.length ? `; unknown argument ${unknown[0]}` : ''}`);
  }
  const { connection, preEncoded } = serverConnection();
  startServer(connection, { preEncoded });
  return new Promise<number>(() => undefined);
}
