/**
 * Quick fixes and the fix-all source action. Everything is computed from the server's
 * own analysis of the document's current version: the client's range only selects the
 * claim under the cursor (never another claim of the same line), and diagnostics the
 * client sends back are never trusted: they are only matched with the server's own
 * findings, to narrow what is under the cursor and to serve clients that count columns in
 * bytes (Neovim 0.7).
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Position,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { CheckedClaim, Citation, Finding, Locale } from '../core';
import { ACCEPT_CLAIM_COMMAND, type AcceptClaimArgs } from '../protocol';
import type { Analysis } from './analysis';
import { citationEdits } from './citations';
import { effectiveSeverity, toDiagnostics } from './diagnostics';
import { fixTitle, t } from './messages';
import { DISABLE_NEXT_LINE_MARKDOWN, DISABLE_NEXT_LINE_PLAIN, lineText } from '../core';

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
    const { hits, claims } = underCursor(analysis, params, findings, diagnosticOf);
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

/** Items under a cursor (an empty range: the item holding it, else the one it ends) or in a selection. */
function under<T extends { start: number; end: number }>(items: readonly T[], start: number, end: number): T[] {
  if (start < end) return items.filter((x) => x.start < end && start < x.end);
  const holding = items.filter((x) => x.start <= start && start < x.end);
  return holding.length ? holding : items.filter((x) => x.end === start);
}

/** UTF-8 byte length of a UTF-16 code unit's character (a surrogate pair: 2 + 2). */
const utf8Length = (code: number): number => (code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3);

/** A position whose character counts UTF-8 bytes of its line, in UTF-16 code units. */
function fromBytes(analysis: Analysis, pos: Position): Position {
  const line = lineText(analysis.text, analysis.index, pos.line);
  let bytes = 0;
  let i = 0;
  while (i < line.length && bytes < pos.character) bytes += utf8Length(line.charCodeAt(i++));
  return { line: pos.line, character: i };
}

const samePos = (a: Position, b: Position | undefined) => a.line === b?.line && a.character === b?.character;

/**
 * The findings and claims a quick-fix request is about: those under the cursor (or in the
 * selection) by the server's own offsets — never another claim of the same line. The
 * diagnostics a client sends back are only matched with the server's own findings (by
 * line, code and message), never trusted: one whose range is the request's names its
 * claim whatever unit the client counts columns in (Neovim 0.7 counts bytes); they narrow
 * what is under the cursor to what they name (Neovim 0.7 sends the whole line's); and when
 * the cursor is on nothing, the request's range read in UTF-8 bytes, or the one claim they
 * name, decides.
 */
function underCursor(analysis: Analysis, params: CodeActionParams, findings: Finding[], diagnosticOf: (f: Finding) => Diagnostic[]): { hits: Finding[]; claims: CheckedClaim[] } {
  const all = analysis.result.claims;
  const at = (range: { start: Position; end: Position }) => {
    const start = analysis.index.offsetAt(range.start);
    const end = analysis.index.offsetAt(range.end);
    const claims = under(all, start, end);
    const hits = findings.filter((f) => claims.includes(all[f.claim]) || under([f], start, end).length > 0 || (f.fix && under([f.fix], start, end).length > 0));
    return { hits, claims };
  };
  const ofClaims = (ids: Set<number>) => ({ hits: findings.filter((f) => ids.has(f.claim)), claims: [...ids].flatMap((i) => (all[i] ? [all[i]] : [])) });
  const named = new Set<number>();
  const pointed = new Set<number>();
  for (const sent of params.context.diagnostics ?? []) {
    for (const f of findings) {
      if (analysis.index.positionAt(f.start).line !== sent.range?.start?.line) continue;
      const own = diagnosticOf(f)[0];
      if (!own || own.code !== sent.code || own.message !== sent.message) continue;
      named.add(f.claim);
      if (samePos(params.range.start, sent.range.start) && samePos(params.range.end, sent.range.end)) pointed.add(f.claim);
    }
  }
  if (pointed.size === 1) return ofClaims(pointed);
  const utf16 = at(params.range);
  if (utf16.claims.length || utf16.hits.length) {
    const narrowed = { hits: utf16.hits.filter((f) => named.has(f.claim)), claims: utf16.claims.filter((c) => named.has(all.indexOf(c))) };
    return narrowed.hits.length ? narrowed : utf16;
  }
  if (!named.size) return utf16;
  const bytes = at({ start: fromBytes(analysis, params.range.start), end: fromBytes(analysis, params.range.end) });
  const inBytes = new Set(bytes.hits.map((f) => f.claim).filter((i) => named.has(i)));
  if (inBytes.size) return ofClaims(inBytes);
  return named.size === 1 ? ofClaims(named) : utf16;
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
