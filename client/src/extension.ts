/**
 * Entry point of the VS Code extension: starts the fact-check language server, shows
 * the active document's status in the status bar, registers the commands and the report
 * views. All checking happens in the server; this file
 * only wires VS Code to it.
 */
import './startupClock'; // first: marks when the extension's modules start loading
import { disposeEarlyServer } from './earlyServer'; // second: starts the server's process while the rest loads
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SourceCoverageNotification, StatusNotification } from '../../server/src/protocol';
import { startupMark } from '../../server/src/shared/startupMarks';
import { SourceCoverageItem } from './sourceCoverage';
import { registerCommands } from './commands';
import { DEFAULT_LANGUAGES, documentSelector } from './documentSelector';
import { createLanguageClient, serverProcessId } from './languageClient';
import { ReportViews } from './reportView';
import { RestartingErrorHandler } from './restartHandler';
import { FactCheckStatusBar } from './statusBar';
import type { StatusView } from './statusModel';

let client: LanguageClient | undefined;

/** What activate returns, for tests and other extensions. */
export interface FactCheckApi {
  /** The running language client, if any. */
  client(): LanguageClient | undefined;
  /** The process id of its server, while it runs (for tests: the suite kills it to test restarts). */
  serverPid(): number | undefined;
  /** What the status bar shows for a document (the server's latest word on it). */
  status(uri: vscode.Uri): StatusView;
  /** Fired after every status the server sends. */
  onDidChangeStatus: vscode.Event<void>;
}

/** Starts the client; called by VS Code on the activation events of package.json. */
export async function activate(context: vscode.ExtensionContext): Promise<FactCheckApi> {
  startupMark('extension', 'activate');
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Fact Check'), { log: true });
  const reports = new ReportViews();
  let languages = configuredLanguages();
  const isSent = (document: vscode.TextDocument): boolean => vscode.languages.match(documentSelector(languages), document) > 0;
  const statusBar = new FactCheckStatusBar(isSent);
  const sourceCoverage = new SourceCoverageItem();
  context.subscriptions.push(sourceCoverage);
  context.subscriptions.push(
    output,
    reports,
    statusBar,
    ...registerCommands({ client: () => client, isSent, status: statusBar.model, reports }),
  );

  const start = async (): Promise<void> => {
    const next = createLanguageClient(context, languages, new RestartingErrorHandler(() => statusBar.clear()), output);
    next.onNotification(StatusNotification, (params) => statusBar.update(params));
    next.onNotification(SourceCoverageNotification.method, (params: Parameters<SourceCoverageItem['update']>[0]) => sourceCoverage.update(params));
    client = next;
    try {
      startupMark('extension', 'client starting');
      await next.start();
      startupMark('extension', 'client running');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      void vscode.window.showErrorMessage(vscode.l10n.t('The Fact Check server could not start: {0}', message));
    }
  };

  // The document selector is fixed when a client starts: a new language list needs a new client.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('factcheck.languages')) return;
      languages = configuredLanguages();
      const old = client;
      client = undefined;
      statusBar.clear();
      await old?.stop().catch(() => undefined); // a client whose start failed cannot be stopped
      await start();
    }),
  );

  await start();
  return {
    client: () => client,
    serverPid: serverProcessId,
    status: (uri) => statusBar.model.view(uri.toString(), vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && isSent(d))),
    onDidChangeStatus: statusBar.onDidUpdate,
  };
}

/** Stops the server; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
  disposeEarlyServer();
  const running = client;
  client = undefined;
  if (running?.isRunning()) await running.stop();
}

function configuredLanguages(): readonly string[] {
  return vscode.workspace.getConfiguration('factcheck').get<string[]>('languages') ?? DEFAULT_LANGUAGES;
}
