/**
 * The report of a draft, rendered: the server's HTML page (the reviewers' report for
 * this one draft) in a webview beside the draft, one view per draft, refreshed when the
 * command runs again. Scripts stay off; the page's own Content-Security-Policy allows
 * nothing but its inline style, and links inside it only move within the page.
 */
import * as vscode from 'vscode';
import type { ReportResult } from '../../server/src/protocol';

/** View type of the report webviews. */
export const REPORT_VIEW_TYPE = 'factcheck.report';

/** The open report views, by draft URI. */
export class ReportViews implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  /** Shows (or refreshes) the report of a draft. */
  show(draft: vscode.Uri, report: ReportResult): vscode.WebviewPanel {
    const key = draft.toString();
    const title = vscode.l10n.t('Report: {0}', report.title.slice(report.title.lastIndexOf('/') + 1));
    let panel = this.panels.get(key);
    if (panel) {
      panel.title = title;
      panel.reveal(vscode.ViewColumn.Beside, false);
    } else {
      panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
        enableScripts: false,
        enableForms: false,
        enableFindWidget: true,
        localResourceRoots: [],
      });
      this.panels.set(key, panel);
      panel.onDidDispose(() => this.panels.delete(key));
    }
    panel.webview.html = report.html;
    return panel;
  }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
    this.panels.clear();
  }
}
