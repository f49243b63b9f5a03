/**
 * The status bar item. For a draft: its verified claims and its findings by severity,
 * counted the way VS Code's own problem counter beside it counts them; for a fact file
 * or source document: the fact base's state. A warning background whenever the fact base
 * the document belongs to has errors. The tooltip also names the draft's findings by code,
 * with the labels of the table of finding codes. Clicking it opens the Problems view. The tooltip is
 * Markdown; the screen-reader label is the same text written plainly.
 */
import * as vscode from 'vscode';
import type { DraftCounts, StatusParams } from '../../server/src/protocol';
import { codeLabel, FINDING_CODES } from '../../server/src/shared/findingCodes';
import { parseLocale } from '../../server/src/shared/locale';
import { SHOW_PROBLEMS_COMMAND } from './commandIds';
import { StatusModel, type StatusView } from './statusModel';

/** "1 error" / "2 errors", and the same for the other counts, in the display language. */
const COUNTS = {
  verified: (n: number) => (n === 1 ? vscode.l10n.t('1 verified figure') : vscode.l10n.t('{0} verified figures', n)),
  error: (n: number) => (n === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', n)),
  warning: (n: number) => (n === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', n)),
  information: (n: number) => (n === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', n)),
  hint: (n: number) => (n === 1 ? vscode.l10n.t('1 hint') : vscode.l10n.t('{0} hints', n)),
};

/** The counts of a draft as words ("3 verified figures, 1 error, 0 warnings, 2 notes"). */
export function countsInWords(c: DraftCounts): string[] {
  const words = [COUNTS.verified(c.verified), COUNTS.error(c.error), COUNTS.warning(c.warning), COUNTS.information(c.information)];
  if (c.hint > 0) words.push(COUNTS.hint(c.hint));
  return words;
}

/** Shows the active document's status; hidden for documents the server does not check. */
export class FactCheckStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly updated = new vscode.EventEmitter<void>();
  /** Fired after every status notification is recorded. */
  readonly onDidUpdate = this.updated.event;

  constructor(
    /** Whether the client hands a document to the server. */
    private readonly isSent: (document: vscode.TextDocument) => boolean,
    readonly model: StatusModel = new StatusModel(normalizeUri),
  ) {
    this.item = vscode.window.createStatusBarItem('factcheck.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Fact Check');
    this.item.command = SHOW_PROBLEMS_COMMAND;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.model.forget(doc.uri.toString())),
    );
    this.render();
  }

  /** Records a factcheck/status notification and redraws. */
  update(params: StatusParams): void {
    this.model.update(params);
    this.render();
    this.updated.fire();
  }

  /** Forgets every status (the server restarted). */
  clear(): void {
    this.model.clear();
    this.render();
  }

  private render(): void {
    const document = vscode.window.activeTextEditor?.document;
    const view = this.model.view(document?.uri.toString(), !!document && this.isSent(document));
    if (view.kind === 'hidden') {
      this.item.hide();
      return;
    }
    const base = view.kind === 'checking' ? undefined : view.base;
    const baseBroken = base !== undefined && !base.ok;
    this.item.text = textOf(view, baseBroken);
    this.item.backgroundColor =
      view.kind === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : baseBroken ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const { heading, lines, codes } = describe(view);
    const tooltip = new vscode.MarkdownString(`**${escape(heading)}**\n\n${lines.map((l) => `- ${escape(l)}`).join('\n')}`);
    if (codes?.length) tooltip.appendMarkdown('\n\n' + codes.map(escape).join('  \n'));
    // The fact base's state quotes fact files (paths, figures): shown as text, never as Markdown.
    if (base) tooltip.appendMarkdown('\n\n').appendText(base.message);
    tooltip.appendMarkdown('\n\n' + escape(vscode.l10n.t('Click to open the Problems view.')));
    this.item.tooltip = tooltip;
    // Screen readers get the same words as plain text: no Markdown escapes, no &nbsp;.
    this.item.accessibilityInformation = { label: [`${heading}:`, lines.join(', ') + '.', base?.message ?? ''].join(' ').trim() };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.updated.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The item's text: codicons and numbers, like VS Code's problem counter. */
function textOf(view: Exclude<StatusView, { kind: 'hidden' }>, baseBroken: boolean): string {
  const prefix = baseBroken ? '$(database) ' : '';
  switch (view.kind) {
    case 'checking':
      return `$(sync~spin) ${vscode.l10n.t('Fact Check')}`;
    case 'failed':
      return `${prefix}$(error) ${vscode.l10n.t('Fact Check')}`;
    case 'factBase':
      return `$(database) ${vscode.l10n.t('Fact base')}${baseBroken ? ' $(warning)' : ''}`;
    case 'draft': {
      const c = view.counts;
      return `${prefix}$(pass) ${c.verified} $(error) ${c.error} $(warning) ${c.warning} $(info) ${c.information + c.hint}`;
    }
  }
}

/** The findings by code, each with its label in the display language: "Wrong value (wrong-value): 1". */
function codesInWords(c: DraftCounts): string[] {
  const locale = parseLocale(vscode.env.language) ?? 'en';
  return FINDING_CODES.filter((code) => c.byCode[code]).map((code) => `${codeLabel(code, locale)} (${code}): ${c.byCode[code]}`);
}

/** The tooltip's heading, its lines (the counts) and, for a draft, the findings by code; all plain text. */
function describe(view: Exclude<StatusView, { kind: 'hidden' }>): { heading: string; lines: string[]; codes?: string[] } {
  switch (view.kind) {
    case 'checking':
      return { heading: vscode.l10n.t('Fact Check'), lines: [vscode.l10n.t('Checking this draft…')] };
    case 'failed':
      return { heading: vscode.l10n.t('Fact Check'), lines: [view.message] };
    case 'factBase':
      return { heading: vscode.l10n.t('Fact Check'), lines: [vscode.l10n.t('This file is part of the fact base: drafts are checked against it, it is not checked itself.')] };
    case 'draft':
      return { heading: vscode.l10n.t('Fact Check: this draft'), lines: countsInWords(view.counts), codes: codesInWords(view.counts) };
  }
}

/** Escapes text for a Markdown tooltip. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}

/** The server may spell a URI differently (percent-encoding of ':' or CJK); compare VS Code's form. */
function normalizeUri(uri: string): string {
  return vscode.Uri.parse(uri).toString();
}
