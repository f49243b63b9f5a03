/**
 * Entry point of the VS Code extension: starts the fact-check language server, shows
 * the active draft's counts in the status bar and registers the commands. All checking
 * happens in the server; this file only wires VS Code to it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SourceCoverageNotification, StatusNotification } from '../../server/src/protocol';
import { SourceCoverageItem } from './sourceCoverage';
import { REPORT_SCHEME } from './commandIds';
import { registerCommands } from './commands';
import { DEFAULT_LANGUAGES, documentSelector } from './documentSelector';
import { createLanguageClient } from './languageClient';
import { ReportDocuments } from './reportDocuments';
import { RestartingErrorHandler } from './restartHandler';
import { FactCheckStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** What activate returns, for tests and other extensions. */
export interface FactCheckApi {
  /** The running language client, if any. */
  client(): LanguageClient | undefined;
}

/** Starts the client; called by VS Code on the activation events of package.json. */
export async function activate(context: vscode.ExtensionContext): Promise<FactCheckApi> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Fact Check'), { log: true });
  const reports = new ReportDocuments();
  let languages = configuredLanguages();
  const isChecked = (document: vscode.TextDocument): boolean =>
    vscode.languages.match(documentSelector(languages), document) > 0;
  const statusBar = new FactCheckStatusBar(isChecked);
  const sourceCoverage = new SourceCoverageItem();
  context.subscriptions.push(sourceCoverage);
  context.subscriptions.push(
    output,
    reports,
    statusBar,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    ...registerCommands({ client: () => client, isChecked, reports }),
  );

  const start = async (): Promise<void> => {
    const next = createLanguageClient(context, languages, new RestartingErrorHandler(() => statusBar.clear()), output);
    next.onNotification(StatusNotification, (params) => statusBar.update(params));
    next.onNotification(SourceCoverageNotification.method, (params: Parameters<SourceCoverageItem['update']>[0]) => sourceCoverage.update(params));
    client = next;
    try {
      await next.start();
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
  return { client: () => client };
}

/** Stops the server; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) await running.stop();
}

function configuredLanguages(): readonly string[] {
  return vscode.workspace.getConfiguration('factcheck').get<string[]>('languages') ?? DEFAULT_LANGUAGES;
}
