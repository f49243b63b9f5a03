/**
 * Creates the language client: the server is dist/server.js (the bundle of
 * server/src/lsp/main.ts), run as a Node module over standard input and output, the
 * transport every other editor and the protocol tests use: there the server encodes a
 * long draft's diagnostics a slice at a time between other messages (lsp/preEncoded.ts),
 * which Node's IPC channel cannot take (BENCHMARKS.md). The documents are chosen by
 * documentSelector(factcheck.languages).
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ALLOWLIST_FILE } from '../../server/src/protocol';
import { documentSelector } from './documentSelector';

/** The server entry, relative to the extension's root (built by `npm run bundle`). */
export const SERVER_MODULE = 'dist/server.js';

/** Id and display name of the client (the output channel is named after it). */
export const CLIENT_ID = 'factcheck';

/** Builds (does not start) a client for the given languages. */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  languages: readonly string[],
  errorHandler: ErrorHandler,
  outputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const module = context.asAbsolutePath(SERVER_MODULE);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(languages),
    synchronize: {
      configurationSection: 'factcheck',
      fileEvents: vscode.workspace.createFileSystemWatcher(`**/{facts/**/*.yaml,facts/sources/*.md,${ALLOWLIST_FILE}}`),
    },
    errorHandler,
    outputChannel,
  };
  return new LanguageClient(CLIENT_ID, vscode.l10n.t('Fact Check'), serverOptions, clientOptions);
}
