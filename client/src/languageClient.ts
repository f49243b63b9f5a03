/**
 * Creates the language client: the server is dist/server.js (the entry of the bundle of
 * server/src/lsp/main.ts), run as a Node module over standard input and output (the
 * process earlyServer.ts started as the extension loaded, for the first client), the
 * transport every other editor and the protocol tests use: there the server encodes a
 * long draft's diagnostics a slice at a time between other messages (lsp/preEncoded.ts),
 * which Node's IPC channel cannot take (BENCHMARKS.md). The documents are chosen by
 * documentSelector(factcheck.languages).
 */
import type { ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { forkServer, SERVER_MODULE, takeEarlyServer, underDebugger } from './earlyServer';
import { ALLOWLIST_FILE } from '../../server/src/protocol';
import { startupMark } from '../../server/src/shared/startupMarks';
import { documentSelector } from './documentSelector';

export { SERVER_MODULE };

/** Id and display name of the client (the output channel is named after it). */
export const CLIENT_ID = 'factcheck';

/** The server process the last client started (a function's result: the client does not keep it). */
let serverProcess: ChildProcess | undefined;
let diagnosticsReceived = false;
let documentSent = false;

/** The process id of the server the last client started, while it runs (none under a debugger). */
export function serverProcessId(): number | undefined {
  return serverProcess && serverProcess.exitCode === null && serverProcess.signalCode === null ? serverProcess.pid : undefined;
}

/** Builds (does not start) a client for the given languages. */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  languages: readonly string[],
  errorHandler: ErrorHandler,
  outputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const module = context.asAbsolutePath(SERVER_MODULE);
  // The process earlyServer.ts started as the extension loaded, or a fresh one; under a
  // debugger, the module with an inspector.
  const serverOptions: ServerOptions = underDebugger()
    ? { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6011'] } }
    : async () => (serverProcess = takeEarlyServer() ?? forkServer(module));
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(languages),
    synchronize: {
      configurationSection: 'factcheck',
      fileEvents: vscode.workspace.createFileSystemWatcher(`**/{facts/**/*.yaml,facts/sources/*.md,${ALLOWLIST_FILE}}`),
    },
    errorHandler,
    outputChannel,
    middleware: {
      // The cold-start breakdown of the e2e harness: when the first document goes to the
      // server, and when the first diagnostics reach the extension host.
      didOpen: (document, next) => {
        if (!documentSent) startupMark('extension', 'first document sent');
        documentSent = true;
        return next(document);
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        if (!diagnosticsReceived) startupMark('extension', 'first diagnostics received');
        diagnosticsReceived = true;
        next(uri, diagnostics);
      },
    },
  };
  return new LanguageClient(CLIENT_ID, vscode.l10n.t('Fact Check'), serverOptions, clientOptions);
}
