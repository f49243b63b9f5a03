/**
 * Entry point the VS Code extension launches (out/server/src/lsp/main.js): creates the
 * connection from the command line (--stdio, --node-ipc or --socket=N) and starts the server.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
