/**
 * The extension in a real VS Code, on the fixture workspace (test/e2e/workspace): a
 * planted wrong figure gets a diagnostic, its hover cites the source, the quick fix
 * writes the right value, the commands answer, and a crashed server comes back.
 * Waits on VS Code events (diagnostics, client state), never on fixed sleeps.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { CloseAction, State, type LanguageClient } from 'vscode-languageclient/node';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartingErrorHandler } from '../../../client/src/restartHandler';

const EXTENSION_ID = 'factcheck-zh.factcheck-zh';
const WRONG = '年均增长7.5%';
const WRONG_FIGURE = '7.5%';
const RIGHT_FIGURE = '5.7%';

interface Api {
  client(): LanguageClient | undefined;
  serverPid(): number | undefined;
  status(uri: vscode.Uri): { kind: string; counts?: { verified: number; error: number; warning: number; information: number } };
  onDidChangeStatus: vscode.Event<void>;
}

/** Resolves with the first open tab that passes `test`, waiting for the tab model to catch up; rejects after `ms`. */
function waitForTab(test: (t: vscode.Tab) => boolean, what: string, ms = 15_000): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(test);
      if (!tab) return false;
      clearTimeout(timer);
      sub.dispose();
      resolve(tab);
      return true;
    };
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${what} is not open: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)))}`));
    }, ms);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => check());
    check();
  });
}

/** Resolves once the status bar's view of a document has this kind; rejects after `ms` with what it is. */
function waitForStatusKind(api: Api, uri: vscode.Uri, kind: string, ms = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      if (api.status(uri).kind !== kind) return false;
      clearTimeout(timer);
      sub.dispose();
      resolve();
      return true;
    };
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`the status of ${uri.toString()} is ${JSON.stringify(api.status(uri))}, not ${kind}`));
    }, ms);
    const sub = api.onDidChangeStatus(check);
    check();
  });
}

/** Resolves with the document's diagnostics once `ok` accepts them; rejects after `ms` with what was there. */
function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (d: vscode.Diagnostic[]) => boolean,
  what: string,
  options: { fresh?: boolean; ms?: number } = {},
): Promise<vscode.Diagnostic[]> {
  const ms = options.ms ?? 90_000;
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!ok(diagnostics)) return false;
      cleanup();
      resolve(diagnostics);
      return true;
    };
    // fresh: only diagnostics published from now on count, not what is already shown.
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const now = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line}:${d.range.start.character} ${codeOf(d)} ${d.message}`);
      reject(new Error(`timed out waiting for ${what}; diagnostics now: ${JSON.stringify(now)}`));
    }, ms);
    const cleanup = (): void => {
      clearTimeout(timer);
      sub.dispose();
    };
    if (!options.fresh) check();
  });
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

/** The hovers' text with Markdown's backslash escapes removed (5\.7\% → 5.7%). */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!%,:<>|~])/g, '$1');
}

/** Resolves when the client next enters `state`; rejects after `ms`. */
function waitForState(client: LanguageClient, state: State, ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`client did not reach state ${State[state]} (now ${State[client.state]})`));
    }, ms);
    const sub = client.onDidChangeState((e) => {
      if (e.newState !== state) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

describe('Fact Check in VS Code', () => {
  let api: Api;
  let document: vscode.TextDocument;
  let wrongRange: vscode.Range;

  before(async () => {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    api = await extension.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace is not open');
    document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'drafts', 'huairou.md'));
    await vscode.window.showTextDocument(document);
    const start = document.getText().indexOf(WRONG) + WRONG.length - WRONG_FIGURE.length;
    wrongRange = new vscode.Range(document.positionAt(start), document.positionAt(start + WRONG_FIGURE.length));
  });

  after(async () => {
    // Never leave the fixture changed on disk: drop whatever the quick fix did.
    if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('registers every contributed command', async () => {
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } })
      .contributes.commands.map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.filter((c) => !registered.has(c)), []);
  });

  it('reports the wrong figure as an error on its range', async () => {
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => d.range.intersection(wrongRange) !== undefined && d.severity === vscode.DiagnosticSeverity.Error),
      `an error on ${WRONG_FIGURE}`,
    );
    const error = diagnostics.find((d) => d.range.intersection(wrongRange) !== undefined)!;
    assert.strictEqual(codeOf(error), 'wrong-value');
    assert.ok(error.message.includes(RIGHT_FIGURE), `message names the right value: ${error.message}`);
    const others = diagnostics.filter((d) => d !== error && d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(others.map((d) => `${document.getText(d.range)}: ${d.message}`), [], 'no error on the correct figures');
  });

  it('counts the draft’s findings in the status bar as VS Code’s problem counter does', async () => {
    await waitForStatusKind(api, document.uri, 'draft');
    const view = api.status(document.uri);
    const diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'factcheck');
    const count = (s: vscode.DiagnosticSeverity): number => diagnostics.filter((d) => d.severity === s).length;
    assert.deepEqual(
      [view.counts?.error, view.counts?.warning, view.counts?.information],
      [count(vscode.DiagnosticSeverity.Error), count(vscode.DiagnosticSeverity.Warning), count(vscode.DiagnosticSeverity.Information)],
      JSON.stringify(view),
    );
    assert.ok((view.counts?.verified ?? 0) >= 2, JSON.stringify(view));
  });

  it('cites the source in the hover', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, wrongRange.start.translate(0, 1));
    const text = hoverText(hovers);
    assert.ok(text.includes(RIGHT_FIGURE), `hover shows ${RIGHT_FIGURE}: ${text}`);
    assert.ok(text.includes('北京商报') && text.includes('怀柔区GDP年均增长'), `hover cites the source and quotes it: ${text}`);
  });

  it('fixes the figure with a quick fix', async () => {
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      wrongRange,
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && a.title.includes(RIGHT_FIGURE));
    assert.ok(fix, `a quick fix to ${RIGHT_FIGURE}; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
    const text = document.getText();
    assert.ok(text.includes('怀柔区GDP年均增长5.7%,'), 'the right value is in the text');
    assert.ok(!text.includes(WRONG), 'the wrong value is gone');
    await waitForDiagnostics(
      document.uri,
      (ds) => !ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error),
      'the error to go away after the fix',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(document.getText().includes(WRONG), 'reverted');
  });

  it('answers the commands through the server', async () => {
    const reload = await vscode.commands.executeCommand<{ bases: { ok: boolean; message: string }[] }>('factcheck.reloadFacts');
    assert.ok(reload && reload.bases.length > 0 && reload.bases.every((b) => b.ok), `fact base reloads cleanly: ${JSON.stringify(reload)}`);
    const check = await vscode.commands.executeCommand<{ files: number; error: number }>('factcheck.checkWorkspace');
    assert.ok(check && check.files >= 1 && check.error >= 1, `workspace check finds the draft's error: ${JSON.stringify(check)}`);
  });

  it('shows the report of a draft rendered in a webview, and none for a source document', async () => {
    await vscode.window.showTextDocument(document);
    const report = await vscode.commands.executeCommand<{ title: string; html: string }>('factcheck.showReport');
    assert.ok(report, 'a report was shown');
    assert.equal(report.title, 'drafts/huairou.md');
    assert.match(report.html, /^<!doctype html>/, 'HTML, not Markdown');
    assert.ok(report.html.includes(WRONG_FIGURE) && report.html.includes(RIGHT_FIGURE), 'the report shows the wrong figure and the right one');
    assert.doesNotMatch(report.html, /\\\(/, 'no Markdown escapes');
    const view = await waitForTab((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('factcheck.report'), 'a report webview');
    assert.match(view.label, /huairou\.md/);

    // A source document of the bundled base, opened as a file: the server says it is part of the base.
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const source = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(extension.extensionUri, 'facts', 'sources', 'hr-2025-11.md'));
    await vscode.window.showTextDocument(source);
    await waitForStatusKind(api, source.uri, 'factBase');
    assert.equal(await vscode.commands.executeCommand('factcheck.showReport'), undefined, 'no report of a source document');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('opens a source document as its file (read-only in the editor: the UI phase types into it)', async () => {
    const opened = await vscode.commands.executeCommand<string>('factcheck.openSource', 'hr-2025-11');
    assert.strictEqual(opened, 'hr-2025-11');
    const active = vscode.window.activeTextEditor?.document;
    assert.ok(active && active.uri.scheme === 'file' && active.uri.path.endsWith('/facts/sources/hr-2025-11.md'), `the source is open: ${active?.uri.toString()}`);
    assert.ok(active.getText().includes('怀柔区GDP年均增长5.7%'), 'it is the source that states the fact');
    await waitForStatusKind(api, active.uri, 'factBase');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('restarts a crashed server and checks again', async () => {
    const client = api.client();
    assert.ok(client, 'a client is running');
    const pid = api.serverPid();
    assert.ok(pid, 'the server process is known');
    const running = waitForState(client, State.Running);
    process.kill(pid, 'SIGKILL');
    await running;
    const republished = waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => d.range.intersection(wrongRange) !== undefined && d.severity === vscode.DiagnosticSeverity.Error),
      'diagnostics from the restarted server',
      { fresh: true },
    );
    const restarted = api.serverPid();
    assert.ok(restarted && restarted !== pid, 'a new server process runs');
    await republished;
  });

  it('tells the writer each time it restarts a crashed server, and gives up after repeated crashes', () => {
    const messages: string[] = [];
    let restarts = 0;
    let now = 0;
    const handler = new RestartingErrorHandler(() => restarts++, () => now, (m) => messages.push(m));
    for (let i = 0; i < MAX_RESTARTS; i++) assert.equal(handler.closed().action, CloseAction.Restart);
    assert.equal(restarts, MAX_RESTARTS);
    assert.equal(messages.length, MAX_RESTARTS);
    assert.match(messages[0], /restarted/);
    const last = handler.closed();
    assert.equal(last.action, CloseAction.DoNotRestart);
    assert.match(last.message ?? '', /will not be restarted/);
    now += RESTART_WINDOW_MS + 1;
    assert.equal(handler.closed().action, CloseAction.Restart, 'after a quiet window it restarts again');
  });
});
