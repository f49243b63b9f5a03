/**
 * Fact files while they are edited: the whole base is validated by the core with the
 * unsaved text of every open fact file and source (loadFactBase's overrides), and each
 * open file of the base gets its problems as diagnostics (schema errors at their line
 * and column, quotes not in the source, values not in the quote, dangling ids…).
 */
import { basename, dirname, sep } from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { loadFactBase } from '../core/factbase/load';
import type { Problem } from '../core/factbase/problems';
import type { ValidationResult } from '../core/factbase/validate';
import { LineIndex } from '../core/positions';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { isInside, pathToUri, uriToPath } from './workspace';

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
  private readonly latest = new Map<string, ValidationResult>();

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
        try {
          this.validate(dirs);
        } catch (e) {
          this.connection.console.error(`validating the fact base ${dirs.join(', ')} failed: ${(e as Error).stack ?? e}`);
        }
      }, this.delayMs),
    );
  }

  /** The latest validation of a base made of `dirs`, if any. */
  validation(dirs: string[]): ValidationResult | undefined {
    return this.latest.get(dirs.join('\n'));
  }

  /** Validates a base with the unsaved text of its open files and publishes their diagnostics. */
  validate(dirs: string[]): ValidationResult {
    const open = this.openDocuments().flatMap((doc) => {
      const path = uriToPath(doc.uri);
      return path && isFactBaseFile(path, dirs) ? [{ doc, path }] : [];
    });
    const overrides = new Map(open.map(({ doc, path }) => [path, doc.getText()]));
    const result = loadFactBase(dirs, overrides);
    this.latest.set(dirs.join('\n'), result);
    for (const { doc, path } of open) {
      const text = doc.getText();
      const index = new LineIndex(text);
      const diagnostics = result.problems.filter((p) => p.file === path).map((p) => problemToDiagnostic(p, index, text));
      void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    }
    return result;
  }

  /** Clears a closed fact file's diagnostics. */
  close(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
