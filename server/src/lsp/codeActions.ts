/**
 * Quick fixes and the fix-all source action. Everything is computed from the server's
 * own analysis of the document's current version: the client's range only selects
 * findings (by intersection, else by line, because some clients send byte columns),
 * and diagnostics the client sends back are never trusted.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { CheckedClaim, Citation, Finding, Locale } from '../core/types';
import { ACCEPT_CLAIM_COMMAND, type AcceptClaimArgs } from '../protocol';
import type { Analysis } from './analysis';
import { citationEdits } from './citations';
import { effectiveSeverity, toDiagnostics } from './diagnostics';
import { fixTitle, t } from './messages';
import { DISABLE_NEXT_LINE_MARKDOWN, DISABLE_NEXT_LINE_PLAIN, lineText } from '../core/suppression';

/** Kind of the fix-all source action. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.factcheck`;

/** Kinds the server offers (for the codeActionProvider capability). */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Options of code action computation. */
export interface CodeActionOptions {
  locale: Locale;
  /** The client applies TextDocumentEdits with versions (workspace.workspaceEdit.documentChanges). */
  documentChanges: boolean;
  /** The document can be allowlisted (it is inside a workspace folder). */
  canAccept: boolean;
}

/** The code actions for a request. */
export function codeActions(analysis: Analysis, params: CodeActionParams, opts: CodeActionOptions): CodeAction[] {
  const only = params.context.only;
  const wanted = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const L = opts.locale;
  const findings = analysis.result.findings.filter((f) => effectiveSeverity(f, analysis.settings.severity) !== undefined);
  const diagnosticOf = (f: Finding) => toDiagnostics({ ...analysis, result: { ...analysis.result, findings: [f] } });
  const edit = (edits: LspTextEdit[]): WorkspaceEdit => workspaceEdit(analysis, edits, opts.documentChanges);
  const out: CodeAction[] = [];

  if (wanted(CodeActionKind.QuickFix)) {
    const hits = inRange(analysis, params.range, findings);
    for (const f of hits) {
      if (!f.fix) continue;
      out.push({
        title: fixTitle(L, f.code, f.fix.newText),
        kind: CodeActionKind.QuickFix,
        diagnostics: diagnosticOf(f),
        isPreferred: true,
        edit: edit([{ range: analysis.index.rangeOf(f.fix.start, f.fix.end), newText: f.fix.newText }]),
      });
    }
    const claims = inRange(analysis, params.range, analysis.result.claims);
    for (const c of claims) {
      const cite = c.status === 'verified' ? c.citations[0] : undefined;
      if (cite) out.push(citeAction(analysis, c, cite, L, edit));
    }
    const lines = [...new Set(hits.map((f) => analysis.index.positionAt(f.start).line))];
    for (const line of lines) out.push(suppressAction(analysis, line, L, edit, hits.filter((f) => analysis.index.positionAt(f.start).line === line).flatMap(diagnosticOf)));
    if (opts.canAccept) {
      const claimIds = [...new Set(hits.map((f) => f.claim))].filter((i) => analysis.result.claims[i]);
      for (const i of claimIds) out.push(acceptAction(analysis, analysis.result.claims[i], L, hits.filter((f) => f.claim === i).flatMap(diagnosticOf)));
    }
  }
  if (wanted(FIX_ALL_KIND)) {
    const fixes = fixAllEdits(analysis, findings);
    if (fixes.length) out.push({ title: t(L, 'action.fixAll', fixes.length), kind: FIX_ALL_KIND, edit: edit(fixes) });
  }
  return out;
}

/** Every unambiguous fix of the shown findings, without overlapping edits. */
export function fixAllEdits(analysis: Analysis, findings: Finding[]): LspTextEdit[] {
  const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : [])).sort((a, b) => a.start - b.start || a.end - b.end);
  const edits: LspTextEdit[] = [];
  let end = -1;
  for (const fix of fixes) {
    if (fix.start < end) continue; // overlaps the previous fix: ambiguous, leave it
    edits.push({ range: analysis.index.rangeOf(fix.start, fix.end), newText: fix.newText });
    end = Math.max(fix.end, fix.start + 1);
  }
  return edits;
}

/** Items whose range intersects the request's range; when none does, the items on its lines. */
function inRange<T extends { start: number; end: number }>(analysis: Analysis, range: Range, items: T[]): T[] {
  const start = analysis.index.offsetAt(range.start);
  const end = analysis.index.offsetAt(range.end);
  const hits = items.filter((x) => x.start <= end && start <= x.end);
  if (hits.length) return hits;
  const first = Math.min(range.start.line, range.end.line);
  const last = Math.max(range.start.line, range.end.line);
  return items.filter((x) => {
    const a = analysis.index.positionAt(x.start).line;
    const b = analysis.index.positionAt(x.end).line;
    return a <= last && b >= first;
  });
}

function citeAction(analysis: Analysis, claim: CheckedClaim, cite: Citation, L: Locale, edit: (e: LspTextEdit[]) => WorkspaceEdit): CodeAction {
  return {
    title: t(L, 'action.cite', cite.title, cite.published),
    kind: CodeActionKind.QuickFix,
    edit: edit(citationEdits(analysis, claim, cite)),
  };
}

function suppressAction(analysis: Analysis, line: number, L: Locale, edit: (e: LspTextEdit[]) => WorkspaceEdit, diagnostics: CodeAction['diagnostics']): CodeAction {
  const content = lineText(analysis.text, analysis.index, line);
  const indent = /^[ \t]*/.exec(content)?.[0] ?? '';
  const eol = analysis.text.includes('\r\n') ? '\r\n' : '\n';
  const comment = analysis.languageId === 'markdown' ? DISABLE_NEXT_LINE_MARKDOWN : DISABLE_NEXT_LINE_PLAIN;
  return {
    title: t(L, 'action.suppress'),
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: edit([{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: indent + comment + eol }]),
  };
}

function acceptAction(analysis: Analysis, claim: CheckedClaim, L: Locale, diagnostics: CodeAction['diagnostics']): CodeAction {
  const line = analysis.index.positionAt(claim.start).line;
  const args: AcceptClaimArgs = { uri: analysis.uri, text: claim.text, line: lineText(analysis.text, analysis.index, line).trim() };
  const title = t(L, 'action.accept', claim.text);
  return { title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command: ACCEPT_CLAIM_COMMAND, arguments: [args] } };
}

function workspaceEdit(analysis: Analysis, edits: LspTextEdit[], documentChanges: boolean): WorkspaceEdit {
  if (documentChanges && analysis.version !== undefined) {
    return { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits }] };
  }
  return { changes: { [analysis.uri]: edits } };
}
