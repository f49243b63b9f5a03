/**
 * The command table: one handler per contributed command (COMMAND_IDS). Handlers only
 * forward to the language server's custom requests and show the result; no checking here.
 * Source documents open read-only (for the session); the report of a draft opens rendered in a webview.
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
import type { ReportViews } from './reportView';
import type { StatusModel } from './statusModel';

/** What handlers need from the extension. */
export interface CommandContext {
  /** The running client, or undefined while it is (re)starting. */
  client(): LanguageClient | undefined;
  /** Whether the client hands this document to the server (factcheck.languages, fact files). */
  isSent(document: vscode.TextDocument): boolean;
  /** What the server said each document is. */
  status: StatusModel;
  reports: ReportViews;
}

/** VS Code's "File: Set Active Editor Read-only in Session". */
const READONLY_IN_SESSION = 'workbench.action.files.setActiveEditorReadonlyInSession';

/** "1 draft" / "3 drafts" and the other counts of a workspace check, in the display language. */
const plural = {
  drafts: (n: number) => (n === 1 ? vscode.l10n.t('1 draft') : vscode.l10n.t('{0} drafts', n)),
  errors: (n: number) => (n === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', n)),
  warnings: (n: number) => (n === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', n)),
  notes: (n: number) => (n === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', n)),
};

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
        'Checked {0}: {1}, {2}, {3}. See the Problems view.',
        plural.drafts(result.files),
        plural.errors(result.error),
        plural.warnings(result.warning),
        plural.notes(result.information + result.hint),
      ),
    );
    return result;
  },

  'factcheck.reloadFacts': async (context) => {
    const client = await readyClient(context);
    const result = await client.sendRequest(ReloadFactsRequest, undefined);
    // Each base's own state says what was loaded ("Fact base loaded: 512 facts, 5 sources").
    const summary = result.bases.map((b) => b.message).join(' · ');
    if (result.bases.some((b) => !b.ok)) void vscode.window.showWarningMessage(summary);
    else void vscode.window.showInformationMessage(summary);
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
    // Read-only for this session: the facts quote the source word for word (and a bundled
    // source is the installed extension's own copy). The file stays a file: the server's
    // source features (coverage, go to definition) keep working on it.
    await vscode.commands.executeCommand(READONLY_IN_SESSION);
    return source.id;
  },

  // Drafts only: a source document or fact file is what drafts are checked against.
  'factcheck.showReport': async (context) => {
    const document = vscode.window.activeTextEditor?.document;
    const kind = document && context.isSent(document) ? context.status.kindOf(document.uri.toString()) : undefined;
    if (!document || !context.isSent(document) || (kind !== undefined && kind !== 'draft')) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Open a draft to see its report (a document of a language listed in factcheck.languages, not a file of the fact base).'),
      );
      return undefined;
    }
    const client = await readyClient(context);
    const report = await client.sendRequest(ReportRequest, { uri: client.code2ProtocolConverter.asUri(document.uri) });
    context.reports.show(document.uri, report);
    return report;
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
