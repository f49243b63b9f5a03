/**
 * A status bar item for source documents (facts/sources/*.md): how many of the source's
 * figures and person–title pairs the fact base holds, from the server's
 * factcheck/sourceCoverage notifications. Hidden for other documents.
 */
import * as vscode from 'vscode';
import type { SourceCoverageParams } from '../../server/src/protocol';

/** Shows the coverage of the source document in the active editor. */
export class SourceCoverageItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('factcheck.sourceCoverage', vscode.StatusBarAlignment.Left, 49);
  private readonly coverage = new Map<string, SourceCoverageParams>();
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());

  constructor() {
    this.item.name = vscode.l10n.t('Fact Check: source coverage');
  }

  /** Records a notification and redraws. */
  update(params: SourceCoverageParams): void {
    this.coverage.set(vscode.Uri.parse(params.uri).toString(), params);
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const c = uri ? this.coverage.get(uri) : undefined;
    if (!c) return this.item.hide();
    this.item.text = `$(database) ${c.held}/${c.total}`;
    this.item.tooltip = vscode.l10n.t('{0}: {1} of {2} figures and people are in the fact base', c.source, c.held, c.total);
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
