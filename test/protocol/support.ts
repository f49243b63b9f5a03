/**
 * Helpers of the protocol tests: a fresh copy of the fixture workspace in a temporary
 * folder, applying LSP edits to a text, and reading parts of a WorkspaceEdit.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Command, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { ROOT } from './lspClient';

/** The fixture workspace: facts/ (a small fictional district) and drafts/. */
export const FIXTURE_WORKSPACE = join(ROOT, 'test', 'protocol', 'fixtures', 'workspace');

/** Copies the fixture workspace to a new temporary folder; returns its path and a cleanup function. */
export function tempWorkspace(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'factcheck-lsp-'));
  cpSync(FIXTURE_WORKSPACE, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The edits of a WorkspaceEdit for one document (documentChanges or changes). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits.filter((e): e is TextEdit => 'range' in e) : []));
  }
  return edit.changes?.[uri] ?? [];
}

/** Applies LSP edits to a text (UTF-16 positions). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 1, text), edits);
}

/** The code actions of a codeAction response (commands left out). */
export function actionsOf(result: (CodeAction | Command)[] | null): CodeAction[] {
  return (result ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/** UTF-8 byte column of a UTF-16 character column in a line (what Neovim 0.7 sends back). */
export function byteColumn(line: string, character: number): number {
  return Buffer.byteLength(line.slice(0, character), 'utf8');
}
