/**
 * Diagnostics of drafts: findings → LSP diagnostics (severity overrides, links to the
 * code's documentation, the finding in `data`), and the debounced scheduler that
 * publishes them. A newer edit cancels a pending check, and a result computed for an
 * older version, or overtaken by a newer check, is never published.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, PublishDiagnosticsNotification, type Connection, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { packageRoot } from '../node';
import type { Citation, Finding, FindingCode, Locale, Severity } from '../core';
import { bookTitle } from './citations';
import { codeAnchor, effectiveSeverity as severityAfter, type SeverityOverrides } from '../shared/findingCodes';
import type { Analysis } from './analysis';
import { driveSteps, pause, PAUSE_TURNS } from './slices';
import { ENCODE_SLICE, encodeDiagnosticsSteps } from './preEncoded';
import type { DiagnosticData } from '../protocol';
import { pathToUri } from './workspace';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Source name on every diagnostic. */
export const DIAGNOSTIC_SOURCE = 'factcheck';

let readmeUri: string | undefined;

/** The documentation link of a finding code: the package README's anchor named after the code. */
export function codeHref(code: FindingCode): string {
  // An installed VSIX holds the README as readme.md (vsce renames it); a checkout as README.md.
  readmeUri ??= pathToUri(['README.md', 'readme.md'].map((name) => join(packageRoot(), name)).find((p) => existsSync(p)) ?? join(packageRoot(), 'README.md'));
  return `${readmeUri}#${codeAnchor(code)}`;
}

/** The severity a finding is shown with after the settings' overrides, or undefined when it is turned off. */
export function effectiveSeverity(finding: Finding, overrides: SeverityOverrides): Severity | undefined {
  return severityAfter(finding.code, overrides, finding.severity);
}

/** Citation lists' related information per locale (a claim's citations are one list, kept by the check's memo between edits). */
const relatedCache = { zh: new WeakMap<readonly Citation[], DiagnosticRelatedInformation[]>(), en: new WeakMap<readonly Citation[], DiagnosticRelatedInformation[]>() };
/** Source files' URIs. */
const uris = new Map<string, string>();

/** The related information of a finding: one location and quote per citation, punctuated for the locale. */
function relatedOf(citations: readonly Citation[], locale: Locale): DiagnosticRelatedInformation[] {
  let related = relatedCache[locale].get(citations);
  if (!related) {
    related = citations.map((c) => {
      let uri = uris.get(c.file);
      if (uri === undefined) {
        if (uris.size > 10000) uris.clear();
        uris.set(c.file, (uri = pathToUri(c.file)));
      }
      return {
        location: { uri, range: { start: { line: c.line, character: 0 }, end: { line: c.line, character: 0 } } },
        message: locale === 'zh' ? `${bookTitle(c.title)}（${c.publisher}，${c.published}）：${c.quote}` : `${bookTitle(c.title)} (${c.publisher}, ${c.published}): ${c.quote}`,
      };
    });
    relatedCache[locale].set(citations, related);
  }
  return related;
}

/** A finding's diagnostic data (see DiagnosticData): what the diagnostic does not already say. */
function dataOf(f: Finding, analysis: Analysis): DiagnosticData {
  const data: DiagnosticData = { claim: f.claim };
  if (f.factId !== undefined) data.factId = f.factId;
  if (f.expected !== undefined) data.expected = f.expected;
  if (f.fix) data.fix = { range: analysis.index.rangeOf(f.fix.start, f.fix.end), newText: f.fix.newText };
  return data;
}

/** The diagnostics of an analysis (findings turned off in the settings are left out). */
export function toDiagnostics(analysis: Analysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of analysis.result.findings) {
    const severity = effectiveSeverity(f, analysis.settings.severity);
    if (!severity) continue;
    const d: Diagnostic = {
      range: analysis.index.rangeOf(f.start, f.end),
      severity: SEVERITY[severity],
      code: f.code,
      codeDescription: { href: codeHref(f.code) },
      source: DIAGNOSTIC_SOURCE,
      message: f.message,
      data: dataOf(f, analysis),
    };
    const related = relatedOf(f.citations, analysis.locale);
    if (related.length) d.relatedInformation = related;
    out.push(d);
  }
  return out;
}

/** What the scheduler needs from the server. */
export interface DraftHost {
  /** The open document, if still open. */
  document(uri: string): TextDocument | undefined;
  /** Analyses the document, or returns null when it is not a draft. */
  analyze(doc: TextDocument): Promise<Analysis | null>;
  /** Called with every published analysis (for factcheck/status). */
  published(analysis: Analysis): void;
  /** Called when a document's check found it is not a draft (for factcheck/status). */
  skipped(doc: TextDocument): void;
  /** Called when a check throws. */
  failed(uri: string, error: Error): void;
}

/** Debounced, version-checked publishing of draft diagnostics. */
export class DraftDiagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Latest check requested per document: a finished check publishes only if it is still the latest. */
  private readonly latest = new Map<string, number>();
  private seq = 0;
  /** Documents this scheduler has published diagnostics for. */
  private readonly published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly host: DraftHost,
    private readonly delayMs = 150,
    /** The connection's writer takes pre-encoded parameters (lsp/preEncoded.ts): long lists are encoded in slices. */
    private readonly preEncoded = false,
  ) {}

  /** Schedules a check of a document after the debounce delay, cancelling a pending one. */
  schedule(uri: string, delayMs = this.delayMs): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    const ticket = ++this.seq;
    this.latest.set(uri, ticket);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri, ticket);
      }, delayMs),
    );
  }

  /** Cancels pending work for a closed document and clears its diagnostics. */
  close(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.latest.set(uri, ++this.seq);
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** True (and traced) when the document changed, or a newer check was requested, since check `ticket` of `version` started. */
  private dropStale(uri: string, ticket: number, version: number): boolean {
    if (this.latest.get(uri) === ticket && this.host.document(uri)?.version === version) return false;
    this.connection.tracer.log(`check dropped (stale): ${uri} version ${version}`);
    return true;
  }

  private async run(uri: string, ticket: number): Promise<void> {
    const doc = this.host.document(uri);
    if (!doc) return;
    const version = doc.version;
    const started = performance.now();
    this.connection.tracer.log(`check started: ${uri} version ${version}`);
    let analysis: Analysis | null;
    try {
      analysis = await this.host.analyze(doc);
    } catch (e) {
      if (this.latest.get(uri) === ticket) this.host.failed(uri, e as Error);
      return;
    }
    if (this.dropStale(uri, ticket, version)) return;
    if (!analysis) {
      // Not a draft (any more): clear what an earlier check published, leave others' diagnostics alone.
      this.connection.tracer.log(`check skipped (not a draft): ${uri} version ${version}`);
      if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      this.host.skipped(doc);
      return;
    }
    const diagnostics = toDiagnostics(analysis);
    // Requests that came in during the check's last step (a hover) are answered before the
    // notification, which for a long draft is megabytes to encode here and to parse in the editor.
    await pause(PAUSE_TURNS);
    if (this.dropStale(uri, ticket, version)) return;
    // The server's share of an edit's latency up to here (check and diagnostics; not their encoding and transport), for the benchmark.
    const ms = performance.now() - started;
    if (this.preEncoded && diagnostics.length > ENCODE_SLICE) {
      // Megabytes of JSON: encoded a slice at a time, requests served in between and before it is sent.
      const params = await driveSteps(encodeDiagnosticsSteps({ uri, version, diagnostics }));
      await pause(PAUSE_TURNS);
      if (this.dropStale(uri, ticket, version)) return;
      void this.connection.sendNotification(PublishDiagnosticsNotification.method, params);
    } else void this.connection.sendDiagnostics({ uri, version, diagnostics });
    this.published.add(uri);
    this.connection.tracer.log(`check published: ${uri} version ${version}, ${diagnostics.length} diagnostics, checked in ${ms.toFixed(2)} ms`);
    this.host.published(analysis);
  }
}
