/**
 * The command table: one handler per contributed command (COMMAND_IDS). Handlers only
 * forward to the language server's custom requests and show the result; no checking here.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CheckWorkspaceRequest,
  ListSourcesRequest,
  ReloadFactsRequest,
  ReportRequest,
} from '../../server/src/protocol';
import type { CommandId } from './commandIds';
import type { ReportDocuments } from './reportDocuments';

/** What handlers need from the extension. */
export interface CommandContext {
  /** The running client, or undefined while it is (re)starting. */
  client(): LanguageClient | undefined;
  /** Whether the server checks this document (factcheck.languages). */
  isChecked(document: vscode.TextDocument): boolean;
  reports: ReportDocuments;
}

/** A command handler: gets the arguments executeCommand was given; its result is what executeCommand resolves to. */
export type CommandHandler = (context: CommandContext, ...args: unknown[]) => Promise<unknown>;

/** Every contributed command's handler: the Record type makes a missing handler a compile error. */
export const COMMANDS: Record<CommandId, CommandHandler> = {
  'factcheck.checkWorkspace': async (context) => {
    const client = await readyClient(context);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the drafts in the workspace…') },
      () => client.sendRequest(CheckWorkspaceRequest, undefined),
    );
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Checked {0} drafts: {1} errors, {2} warnings, {3} notes. See the Problems view.',
        result.files,
        result.error,
        result.warning,
        result.information + result.hint,
      ),
    );
    return result;
  },

  'factcheck.reloadFacts': async (context) => {
    const client = await readyClient(context);
    const result = await client.sendRequest(ReloadFactsRequest, undefined);
    const failed = result.bases.filter((b) => !b.ok);
    const summary = result.bases.map((b) => b.message).join(' · ');
    if (failed.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('Fact base reloaded with problems: {0}', summary));
    else void vscode.window.showInformationMessage(vscode.l10n.t('Fact base reloaded: {0}', summary));
    return result;
  },

  // With a source id as argument (from a link or another extension) it opens that source without asking.
  'factcheck.openSource': async (context, sourceId) => {
    const client = await readyClient(context);
    const active = vscode.window.activeTextEditor?.document.uri;
    const sources = await client.sendRequest(ListSourcesRequest, { uri: active ? client.code2ProtocolConverter.asUri(active) : undefined });
    if (sources.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The fact base has no sources.'));
      return undefined;
    }
    let source = typeof sourceId === 'string' ? sources.find((s) => s.id === sourceId) : undefined;
    if (typeof sourceId === 'string' && !source) throw new Error(vscode.l10n.t('No source with the id {0}.', sourceId));
    if (!source) {
      const picked = await vscode.window.showQuickPick(
        sources.map((s) => ({ label: s.title, description: `${s.publisher} · ${s.published}`, detail: s.id, source: s })),
        { placeHolder: vscode.l10n.t('Open a source document of the fact base'), matchOnDescription: true, matchOnDetail: true },
      );
      if (!picked) return undefined;
      source = picked.source;
    }
    const document = await vscode.workspace.openTextDocument(client.protocol2CodeConverter.asUri(source.uri));
    await vscode.window.showTextDocument(document, { preview: true });
    return source.id;
  },

  'factcheck.showReport': async (context) => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !context.isChecked(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a draft (a document of a language listed in factcheck.languages) to see its report.'));
      return undefined;
    }
    const client = await readyClient(context);
    const { markdown } = await client.sendRequest(ReportRequest, { uri: client.code2ProtocolConverter.asUri(document.uri) });
    const uri = context.reports.set(document.uri, markdown);
    const report = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(report, 'markdown');
    await vscode.window.showTextDocument(report, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
    return uri.toString();
  },
};

/** The client once it is running; a clear error when the server could not start. */
async function readyClient(context: CommandContext): Promise<LanguageClient> {
  const client = context.client();
  if (!client) throw new Error(vscode.l10n.t('The Fact Check server is not running.'));
  if (!client.isRunning()) await client.start();
  return client;
}

/** Registers every command of the table. */
export function registerCommands(context: CommandContext): vscode.Disposable[] {
  return (Object.keys(COMMANDS) as CommandId[]).map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await COMMANDS[id](context, ...args);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        void vscode.window.showErrorMessage(vscode.l10n.t('Fact Check: {0}', message));
        return undefined;
      }
    }),
  );
}
