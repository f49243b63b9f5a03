/**
 * Fact files while they are edited: the whole base is validated by the core with the
 * unsaved text of every open fact file and source (loadFactBase's overrides), in a
 * worker thread so requests are answered meanwhile, and each open file of the base gets
 * its problems as diagnostics (schema errors at their line and column, quotes not in the
 * source, values not in the quote, dangling ids…).
 */
import { basename, dirname, sep } from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { loadFactBase } from '../node';
import type { Problem } from '../core';
import { LineIndex } from '../core';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { isInside, pathToUri, uriToPath } from './workspace';
import { loadInWorker, type BaseLoad } from './factBases';

/** True when a path is a file of a fact base folder: a YAML fact file, or a source under sources/. */
export function isFactBaseFile(path: string, dirs: readonly string[]): boolean {
  if (!dirs.some((d) => isInside(path, d))) return false;
  return /\.ya?ml$/.test(path) || (/\.md$/.test(path) && basename(dirname(path)) === 'sources');
}

/** The folder named `facts` holding a path, for fact files outside every configured base. */
export function enclosingFactsDir(path: string): string | undefined {
  const parts = path.split(sep);
  const i = parts.lastIndexOf('facts');
  return i > 0 && i < parts.length - 1 ? parts.slice(0, i + 1).join(sep) : undefined;
}

/** The diagnostic of a problem, placed in a document's text. */
export function problemToDiagnostic(p: Problem, index: LineIndex, text: string): Diagnostic {
  const start = { line: p.line, character: p.column };
  let end = p.endLine !== undefined && p.endColumn !== undefined ? { line: p.endLine, character: p.endColumn } : undefined;
  if (!end || (end.line === start.line && end.character <= start.character)) {
    // No end: underline to the end of the line (at least one character).
    const lineEnd = index.positionAt(p.line + 1 < index.lineCount ? index.offsetAt({ line: p.line + 1, character: 0 }) - 1 : text.length);
    end = lineEnd.line === p.line && lineEnd.character > p.column ? lineEnd : { line: p.line, character: p.column + 1 };
  }
  const d: Diagnostic = {
    range: { start, end },
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message: p.message,
  };
  if (p.related?.length) {
    d.relatedInformation = p.related.map((r) => ({
      location: { uri: pathToUri(r.file), range: { start: { line: r.line, character: r.column }, end: { line: r.line, character: r.column } } },
      message: r.message,
    }));
  }
  return d;
}

/** Debounced validation of open fact-base files. */
export class FactFileDiagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The latest validation of each base (by folder list), for go-to-definition on unsaved ids. */
  private readonly latest = new Map<string, BaseLoad>();
  /** Adjusts a file's diagnostics before they are published (source documents' hints, sourceDocuments.ts). */
  decorate?: (path: string, uri: string, text: string, load: BaseLoad, diagnostics: Diagnostic[]) => Diagnostic[];
  /** Counts the validations started per base, so only the latest one publishes. */
  private readonly started = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly openDocuments: () => TextDocument[],
    private readonly delayMs = 300,
  ) {}

  /** Schedules a validation of the base made of `dirs` (after an edit of one of its files). */
  schedule(dirs: string[]): void {
    const key = dirs.join('\n');
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // With none of its files open there are no diagnostics to publish: the base is not
        // loaded again (a large one takes seconds, and a second copy of it), and the
        // validation kept for go-to-definition is dropped as stale.
        if (!this.openFiles(dirs).length) {
          this.latest.delete(key);
          return;
        }
        this.validate(dirs).catch((e: Error) => this.connection.console.error(`validating the fact base ${dirs.join(', ')} failed: ${e.stack ?? e}`));
      }, this.delayMs),
    );
  }

  /** The latest validation of a base made of `dirs`, if any. */
  validation(dirs: string[]): BaseLoad | undefined {
    return this.latest.get(dirs.join('\n'));
  }

  /**
   * Validates a base with the unsaved text of its open files (in a worker thread; here if
   * the worker fails) and publishes their diagnostics, unless a later validation of the
   * base started meanwhile.
   */
  async validate(dirs: string[]): Promise<BaseLoad> {
    const key = dirs.join('\n');
    const ticket = (this.started.get(key) ?? 0) + 1;
    this.started.set(key, ticket);
    // The texts as they are now: the documents may change while the worker runs.
    const open = this.openFiles(dirs).map(({ doc, path }) => ({ uri: doc.uri, version: doc.version, text: doc.getText(), path }));
    const overrides = new Map(open.map((o) => [o.path, o.text]));
    const result = await loadInWorker(dirs, overrides).catch(() => loadFactBase(dirs, overrides));
    if (this.started.get(key) !== ticket) return result;
    this.latest.set(key, result);
    const stillOpen = new Set(this.openDocuments().map((d) => d.uri));
    for (const { uri, version, text, path } of open) {
      if (!stillOpen.has(uri)) continue; // closed meanwhile: its diagnostics were cleared
      const index = new LineIndex(text);
      const diagnostics = result.problems.filter((p) => p.file === path).map((p) => problemToDiagnostic(p, index, text));
      void this.connection.sendDiagnostics({ uri, version, diagnostics: this.decorate ? this.decorate(path, uri, text, result, diagnostics) : diagnostics });
    }
    return result;
  }

  /** The open documents that are files of the base made of `dirs`, with their paths. */
  private openFiles(dirs: string[]): { doc: TextDocument; path: string }[] {
    return this.openDocuments().flatMap((doc) => {
      const path = uriToPath(doc.uri);
      return path && isFactBaseFile(path, dirs) ? [{ doc, path }] : [];
    });
  }

  /** Clears a closed fact file's diagnostics. */
  close(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
