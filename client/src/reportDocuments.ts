/**
 * Read-only Markdown documents that show a draft's report (factcheck-report: URIs).
 * The text is what the server's factcheck/report request returns; it is not checked.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { REPORT_SCHEME } from './commandIds';

/** Holds the report texts and serves them to VS Code. */
export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fired when a shown report is replaced by a newer one. */
  readonly onDidChange = this.changed.event;

  /** The report URI of a draft: factcheck-report:/<name>.report.md?<draft uri>. */
  uriFor(draft: vscode.Uri): vscode.Uri {
    const name = path.posix.basename(draft.path).replace(/\.[^.]*$/, '') || 'draft';
    return vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.report.md`, query: draft.toString() });
  }

  /** Stores a report's text and returns its URI. */
  set(draft: vscode.Uri, markdown: string): vscode.Uri {
    const uri = this.uriFor(draft);
    this.texts.set(uri.toString(), markdown);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? vscode.l10n.t('This report is no longer available; run "Fact Check: Show Report for the Current Draft" again.');
  }

  dispose(): void {
    this.changed.dispose();
  }
}
