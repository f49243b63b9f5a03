/**
 * Entry point the VS Code extension launches (out/server/src/lsp/main.js): creates the
 * connection from the command line (--stdio, --node-ipc or --socket=N) and starts the server.
 */
import { startupMark } from '../shared/startupMarks';
import { serverConnection } from './connection';
import { startServer } from './server';

startupMark('server', 'process start', 0);
startupMark('server', 'modules loaded');

const { connection, preEncoded } = serverConnection();
startServer(connection, { preEncoded });
