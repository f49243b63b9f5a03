/**
 * The status bar item: the active draft's claim counts (verified, wrong, outdated,
 * unverified) from the server's factcheck/status notifications, and the fact base's
 * state. Clicking it opens the Problems view.
 */
import * as vscode from 'vscode';
import type { DocumentCounts, FactBaseState, StatusParams } from '../../server/src/protocol';
import { SHOW_PROBLEMS_COMMAND } from './commandIds';

/** Shows the counts of the document in the active editor; hidden for documents the server does not check. */
export class FactCheckStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly counts = new Map<string, DocumentCounts>();
  private factBase: FactBaseState | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly isChecked: (document: vscode.TextDocument) => boolean) {
    this.item = vscode.window.createStatusBarItem('factcheck.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Fact Check');
    this.item.command = SHOW_PROBLEMS_COMMAND;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.counts.delete(doc.uri.toString())),
    );
    this.render();
  }

  /** Records a factcheck/status notification and redraws. */
  update(params: StatusParams): void {
    this.factBase = params.factBase;
    if (params.document) this.counts.set(normalizeUri(params.document.uri), params.document);
    this.render();
  }

  /** Forgets every count (the server restarted). */
  clear(): void {
    this.counts.clear();
    this.render();
  }

  private render(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.isChecked(document)) {
      this.item.hide();
      return;
    }
    const counts = this.counts.get(document.uri.toString());
    const baseOk = this.factBase?.ok ?? true;
    const parts: string[] = [];
    if (!baseOk) parts.push('$(warning)');
    if (counts) {
      parts.push(`$(pass) ${counts.verified}`, `$(error) ${counts.wrong}`, `$(history) ${counts.outdated}`, `$(question) ${counts.unverified}`);
    } else {
      parts.push('$(sync~spin)', vscode.l10n.t('Fact Check'));
    }
    this.item.text = parts.join(' ');
    this.item.backgroundColor = baseOk ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.tooltip = this.tooltip(counts);
    this.item.accessibilityInformation = { label: this.tooltip(counts).value.replace(/[*\n]+/g, ' ') };
    this.item.show();
  }

  private tooltip(counts: DocumentCounts | undefined): vscode.MarkdownString {
    const lines: string[] = [];
    if (counts) {
      lines.push(
        vscode.l10n.t('**Fact Check** for this draft:'),
        '',
        vscode.l10n.t('- {0} verified', counts.verified),
        vscode.l10n.t('- {0} wrong', counts.wrong),
        vscode.l10n.t('- {0} outdated', counts.outdated),
        vscode.l10n.t('- {0} unverified', counts.unverified),
      );
    } else {
      lines.push(vscode.l10n.t('**Fact Check**: checking…'));
    }
    const md = new vscode.MarkdownString(lines.join('\n'));
    // The fact base's state quotes fact files (paths, figures): shown as text, never as Markdown.
    if (this.factBase) md.appendMarkdown('\n\n').appendText(this.factBase.message);
    return md.appendMarkdown('\n\n' + vscode.l10n.t('Click to open the Problems view.'));
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The server may spell a URI differently (percent-encoding of ':' or CJK); compare VS Code's form. */
function normalizeUri(uri: string): string {
  return vscode.Uri.parse(uri).toString();
}
