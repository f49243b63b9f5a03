/**
 * Entry point of the language server: the VS Code extension launches it (its bundle,
 * dist/serverMain.js, loaded by dist/server.js with V8's code cache on: bundleEntry.ts;
 * or out/server/src/lsp/main.js in a checkout), and `factcheck lsp`
 * (bin/factcheck.js) loads it for other editors. Creates the connection from the command
 * line (--stdio, --node-ipc, --socket=N or --pipe=NAME) and starts the server; without
 * exactly one transport it prints a usage message and exits with status 2.
 */
import { startupMark } from '../shared/startupMarks';
import { useNodeHost } from '../node';
import { serverConnection, transportProblem } from './connection';
import { startServer } from './server';

/** `factcheck lsp --help`. */
const LSP_USAGE = `usage: factcheck lsp --stdio | --node-ipc | --socket=PORT
  Starts the language server on the transport given (editors start it for you: see the README's "Other editors").
  The server reads the factcheck.* settings through workspace/configuration or initializationOptions.factcheck.`;

startupMark('server', 'process start', 0);
startupMark('server', 'modules loaded');

const args = process.argv.slice(2);
const problem = transportProblem(args);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(LSP_USAGE + '\n');
} else if (problem) {
  process.stderr.write(`factcheck: ${problem}\n`);
  process.exitCode = 2;
} else {
  useNodeHost();
  const { connection, preEncoded } = serverConnection();
  startServer(connection, { preEncoded });
}
