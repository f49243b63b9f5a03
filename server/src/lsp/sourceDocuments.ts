/**
 * Source documents (facts/sources/*.md) and unreviewed entries in the editor: each
 * figure, rank, year or person–title pair the base does not hold yet is a hint ("not in
 * the fact base", in place of the base check's coverage error), with the code action "Add
 * to fact base" that writes the suggested entry (reviewed: false) into the right fact file
 * and shows it there; the source's coverage goes to the client (SourceCoverageNotification);
 * an entry marked `reviewed: false` in a fact file gets the code lens "Accept".
 */
import { existsSync, readFileSync } from 'node:fs';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type CodeLens, type Connection, type Diagnostic, type Range, type TextDocuments, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BaseLoad } from './factBases';
import { LineIndex, suggestSource } from '../core';
import type { FactBase, Source, Suggestion } from '../core';
import { plannedEntries, fileEdits, baseDirOf, applyEdits, entryLine } from '../node';
import { ACCEPT_ENTRY_COMMAND, ADD_TO_FACT_BASE_COMMAND, SourceCoverageNotification, type AcceptEntryArgs, type AddToFactBaseArgs } from '../protocol';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { pathToUri, uriToPath } from './workspace';

/** Code of the hint on a figure the base does not hold. */
export const NOT_IN_FACT_BASE = 'not-in-fact-base';

const zh = (locale: string) => locale === 'zh';

/** The source of a base whose file is `path`. */
function sourceAt(base: FactBase, path: string): Source | undefined {
  return base.sources.find((s) => s.file === path);
}

/** The range in the source document of a suggestion (offsets into the body). */
function rangeOf(source: Source, text: string, s: Suggestion): Range {
  const index = new LineIndex(text);
  const bodyStart = index.offsetAt({ line: source.bodyLine, character: 0 });
  return { start: index.positionAt(bodyStart + s.start), end: index.positionAt(bodyStart + s.end) };
}

/** What a hint says of a suggestion. */
function describe(s: Suggestion, locale: string): string {
  if (s.type === 'role') return zh(locale) ? `未收入事实库：${s.title}${s.person}` : `not in the fact base: ${s.person}, ${s.title}`;
  const what = `${s.figure} (${s.subject}, ${s.period}, ${s.measureName})`;
  return zh(locale) ? `未收入事实库：${what}` : `not in the fact base: ${what}`;
}

/** Source documents' hints, code actions and coverage; unreviewed entries' lenses. */
export class SourceDocuments {
  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly locale: string,
    private readonly validation: (path: string) => Promise<BaseLoad | undefined>,
  ) {}

  /**
   * The diagnostics of a fact-base file after a validation: for a source document, the
   * coverage errors give way to a hint per figure or pair not held yet, and its coverage
   * is sent to the client; other files' diagnostics are kept as they are.
   */
  decorate(path: string, uri: string, text: string, load: BaseLoad, diagnostics: Diagnostic[]): Diagnostic[] {
    const source = sourceAt(load.base, path);
    if (!source) return diagnostics;
    const result = suggestSource(load.base, source.id);
    if (!result) return diagnostics;
    void this.connection.sendNotification(SourceCoverageNotification.method, { uri, source: source.id, held: result.coverage.held, total: result.coverage.total });
    const hints = result.suggestions.map(
      (s): Diagnostic => ({ range: rangeOf(source, text, s), severity: DiagnosticSeverity.Hint, source: DIAGNOSTIC_SOURCE, code: NOT_IN_FACT_BASE, message: describe(s, this.locale) }),
    );
    return [...diagnostics.filter((d) => !/ is not covered: /.test(typeof d.message === "string" ? d.message : d.message.value)), ...hints];
  }

  /** "Add to fact base" for each suggestion of a source document the range touches. */
  async codeActions(doc: TextDocument, range: Range): Promise<CodeAction[]> {
    const path = uriToPath(doc.uri);
    const load = path ? await this.validation(path) : undefined;
    const source = load && path ? sourceAt(load.base, path) : undefined;
    if (!load || !source) return [];
    const text = doc.getText();
    const index = new LineIndex(text);
    const bodyStart = index.offsetAt({ line: source.bodyLine, character: 0 });
    const from = index.offsetAt(range.start) - bodyStart;
    const to = index.offsetAt(range.end) - bodyStart;
    const result = suggestSource(load.base, source.id);
    return (result?.suggestions ?? [])
      .filter((s) => s.start <= to && from <= s.end)
      .map((s) => ({
        title: zh(this.locale) ? `添加到事实库：${s.type === 'role' ? s.person : s.figure}` : `Add to fact base: ${s.type === 'role' ? s.person : s.figure}`,
        kind: CodeActionKind.QuickFix,
        command: { title: 'Add to fact base', command: ADD_TO_FACT_BASE_COMMAND, arguments: [{ uri: doc.uri, offset: bodyStart + s.start } satisfies AddToFactBaseArgs] },
      }));
  }

  /** Writes the entry of the suggestion at `args.offset` (and its new measure or subject) and shows it. */
  async addToFactBase(args: AddToFactBaseArgs): Promise<boolean> {
    const path = uriToPath(args.uri);
    const doc = this.documents.get(args.uri);
    const load = path ? await this.validation(path) : undefined;
    const source = load && path ? sourceAt(load.base, path) : undefined;
    if (!load || !source || !doc) return false;
    const bodyStart = new LineIndex(doc.getText()).offsetAt({ line: source.bodyLine, character: 0 });
    const s = suggestSource(load.base, source.id)?.suggestions.find((x) => x.start === args.offset - bodyStart);
    if (!s) return false;
    const byFile = new Map<string, ReturnType<typeof plannedEntries>[number]['entry'][]>();
    for (const { file, entry } of plannedEntries(load.base, { source }, [s])) byFile.set(file, [...(byFile.get(file) ?? []), entry]);
    const edit: WorkspaceEdit = { documentChanges: [] };
    let shown: { uri: string; line: number } | undefined;
    for (const [file, entries] of byFile) {
      const uri = pathToUri(file);
      const open = this.documents.get(uri);
      const text = open?.getText() ?? (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
      const fe = fileEdits(file, text, entries, baseDirOf(source), source.id);
      const index = new LineIndex(text ?? '');
      if (fe.create) edit.documentChanges!.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
      edit.documentChanges!.push({
        textDocument: { uri, version: open?.version ?? null },
        edits: fe.edits.map((e) => ({ range: { start: index.positionAt(e.offset), end: index.positionAt(e.offset + (e.remove ?? 0)) }, newText: e.text })),
      });
      const after = fe.create ? fe.edits[0].text : applyEdits(text!, fe.edits);
      const line = entryLine(after, s.id);
      if (line >= 0) shown = { uri, line };
    }
    const applied = await this.connection.workspace.applyEdit({ label: 'Add to fact base', edit });
    if (!applied.applied) return false;
    if (shown) {
      const at = { line: shown.line, character: 0 };
      await this.connection.window.showDocument({ uri: shown.uri, takeFocus: true, selection: { start: at, end: at } }).catch(() => undefined);
    }
    return true;
  }

  /** Runs ADD_TO_FACT_BASE_COMMAND or ACCEPT_ENTRY_COMMAND with its argument. */
  async execute(command: string, arg: unknown): Promise<boolean> {
    const a = arg as Partial<AddToFactBaseArgs & AcceptEntryArgs> | undefined;
    if (command === ADD_TO_FACT_BASE_COMMAND && typeof a?.uri === 'string' && typeof a.offset === 'number') return this.addToFactBase({ uri: a.uri, offset: a.offset });
    if (command === ACCEPT_ENTRY_COMMAND && typeof a?.uri === 'string' && typeof a.line === 'number') return this.accept({ uri: a.uri, line: a.line });
    throw new Error(`${command}: unexpected arguments ${JSON.stringify(arg)}`);
  }

  /** An "Accept" lens on each entry of a fact file marked `reviewed: false`. */
  codeLenses(doc: TextDocument): CodeLens[] {
    const lines = doc.getText().split('\n');
    const out: CodeLens[] = [];
    lines.forEach((l, i) => {
      if (!/^\s+reviewed:\s*false\s*(#.*)?\r?$/.test(l)) return;
      let top = i;
      while (top > 0 && !/^\s*- /.test(lines[top])) top--;
      const range = { start: { line: top, character: 0 }, end: { line: top, character: 0 } };
      out.push({ range, command: { title: zh(this.locale) ? '接受' : 'Accept', command: ACCEPT_ENTRY_COMMAND, arguments: [{ uri: doc.uri, line: i } satisfies AcceptEntryArgs] } });
    });
    return out;
  }

  /** Accepts an entry: deletes its `reviewed: false` line. */
  async accept(args: AcceptEntryArgs): Promise<boolean> {
    const doc = this.documents.get(args.uri);
    const line = doc?.getText().split('\n')[args.line];
    if (!doc || line === undefined || !/^\s+reviewed:\s*false/.test(line)) return false;
    const r = await this.connection.workspace.applyEdit({
      label: 'Accept',
      edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: [{ range: { start: { line: args.line, character: 0 }, end: { line: args.line + 1, character: 0 } }, newText: '' }] }] },
    });
    return r.applied;
  }
}
