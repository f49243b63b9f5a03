/**
 * Entry point of the language server: the VS Code extension launches it (its bundle,
 * dist/server.js, or out/server/src/lsp/main.js in a checkout), and `factcheck lsp`
 * (bin/factcheck.js) loads it for other editors. Creates the connection from the command
 * line (--stdio, --node-ipc, --socket=N or --pipe=NAME) and starts the server; without
 * exactly one transport it prints a usage message and exits with status 2.
 */
import { startupMark } from '../shared/startupMarks';
import { serverConnection, transportProblem } from './connection';
import { startServer } from './server';

startupMark('server', 'process start', 0);
startupMark('server', 'modules loaded');

const problem = transportProblem(process.argv.slice(2));
if (problem) {
  process.stderr.write(`factcheck: ${problem}\n`);
  process.exitCode = 2;
} else {
  const { connection, preEncoded } = serverConnection();
  startServer(connection, { preEncoded });
}
