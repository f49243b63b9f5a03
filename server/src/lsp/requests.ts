/**
 * The custom requests of server/src/protocol.ts (check the workspace, reload the fact
 * base, list sources, render a report) and the "accept this claim" server command.
 */
import { basename, join, relative, sep } from 'node:path';
import type { RequestType } from 'vscode-languageserver-protocol';
import { ErrorCodes, MessageType, ResponseError, type Connection } from 'vscode-languageserver';
import {
  ACCEPT_CLAIM_COMMAND, ACCEPT_ENTRY_COMMAND, ADD_TO_FACT_BASE_COMMAND,
  CheckWorkspaceRequest,
  ListSourcesRequest,
  ReloadFactsRequest,
  ReportRequest,
  type AcceptClaimArgs,
  type CheckWorkspaceResult,
  type SourceInfo,
} from '../protocol';
import { readDraft } from '../node';
import type { Analysis } from './analysis';
import type { ServerContext } from './context';
import { effectiveSeverity, toDiagnostics } from './diagnostics';
import { t } from './messages';
import { showMessage } from './status';
import { isInside, pathToUri, uriToPath } from './workspace';

/** File extensions of the languages drafts can be written in. */
const EXTENSIONS: Record<string, string[]> = {
  markdown: ['.md', '.markdown'],
  plaintext: ['.txt'],
};

/** Registers a handler for a typed request of protocol.ts (typed on both sides). */
function handle<P, R>(connection: Connection, type: RequestType<P, R, void>, handler: (params: P) => Promise<R> | R): void {
  connection.onRequest(type.method, async (params: P): Promise<R> => handler(params));
}

/** Registers the custom requests and the accept-claim command. */
export function registerRequests(ctx: ServerContext): void {
  const { connection } = ctx;
  handle(connection, CheckWorkspaceRequest, () => checkWorkspace(ctx));
  handle(connection, ReloadFactsRequest, async () => {
    await loadAllScopes(ctx);
    const bases = (await ctx.bases.reload()).map((b) => ({ ...b.state, dirs: b.dirs }));
    ctx.recheckAll();
    return { bases };
  });
  handle(connection, ListSourcesRequest, async (params) => {
    const loaded = params?.uri ? [(await ctx.analyzer.scope(params.uri)).loaded] : await loadAllScopes(ctx);
    const seen = new Set<string>();
    const out: SourceInfo[] = [];
    for (const s of loaded.flatMap((l) => l.base.sources)) {
      if (seen.has(s.file)) continue;
      seen.add(s.file);
      out.push({ id: s.id, title: s.title, publisher: s.publisher, published: s.published, uri: pathToUri(s.file) });
    }
    return out.sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : a.id.localeCompare(b.id)));
  });
  handle(connection, ReportRequest, async (params) => {
    const path = uriToPath(params.uri);
    const folder = ctx.workspace.folderOf(params.uri);
    const name = path && folder && isInside(path, folder.path) ? relative(folder.path, path).split(sep).join('/') : basename(path ?? params.uri);
    const scope = await ctx.analyzer.scope(params.uri);
    const languageId = ctx.documents.get(params.uri)?.languageId ?? (path ? languageOf(path) : 'plaintext');
    // Sources and fact files are what drafts are checked against, not drafts: no report for them.
    if (!ctx.analyzer.isDraft(params.uri, languageId, scope)) throw new ResponseError(ErrorCodes.InvalidParams, t(ctx.locale, 'report.notDraft', name));
    // The HTML renderer (and he) load with the first report, not at start-up.
    const { renderReport } = await import('./report.js');
    return renderReport(await analyzeUri(ctx, params.uri), name, ctx.locale);
  });
  connection.onExecuteCommand(async (params) => {
    if (params.command === ADD_TO_FACT_BASE_COMMAND || params.command === ACCEPT_ENTRY_COMMAND) return ctx.sourceDocuments?.execute(params.command, params.arguments?.[0]);
    if (params.command !== ACCEPT_CLAIM_COMMAND) return;
    const args = params.arguments?.[0] as Partial<AcceptClaimArgs> | undefined;
    if (!args || typeof args.uri !== 'string' || typeof args.text !== 'string' || typeof args.line !== 'string') {
      throw new Error(`${ACCEPT_CLAIM_COMMAND}: expected one argument { uri, text, line }`);
    }
    const folder = ctx.workspace.folderOf(args.uri);
    if (!folder) throw new Error(`${ACCEPT_CLAIM_COMMAND}: ${args.uri} is not inside a workspace folder`);
    try {
      ctx.allowlists.add(folder.path, { text: args.text, line: args.line });
    } catch (e) {
      showMessage(connection, MessageType.Error, t(ctx.locale, 'accept.failed', folder.path, (e as Error).message));
      return;
    }
    ctx.recheckAll();
  });
}

/** The bases of every workspace folder (or of the global scope without folders), loading them if needed. */
async function loadAllScopes(ctx: ServerContext) {
  const uris = ctx.workspace.all().length ? ctx.workspace.all().map((f) => f.uri) : [''];
  const scopes = await Promise.all(uris.map((u) => ctx.analyzer.scope(u)));
  return [...new Set(scopes.map((s) => s.loaded))];
}

/** A draft's text on disk; throws with the reason when it is skipped (binary, not UTF-8, too large) or unreadable. */
function diskText(path: string): string {
  const r = readDraft(path);
  if ('text' in r) return r.text;
  throw new Error(`${path}: ${'skipped' in r ? `skipped: ${r.skipped}` : r.error}`);
}

/** The language of a draft file on disk, by its extension (plain text when unknown). */
function languageOf(path: string): string {
  return Object.entries(EXTENSIONS).find(([, exts]) => exts.some((e) => path.endsWith(e)))?.[0] ?? 'plaintext';
}

/** Analyses an open document, or a file on disk. */
async function analyzeUri(ctx: ServerContext, uri: string): Promise<Analysis> {
  const doc = ctx.documents.get(uri);
  if (doc) return ctx.analyzer.ofDocument(doc);
  const path = uriToPath(uri);
  if (!path) throw new Error(`not a file: ${uri}`);
  return ctx.analyzer.analyze(uri, diskText(path), languageOf(path));
}

/** Checks every draft of every workspace folder and publishes its diagnostics. */
async function checkWorkspace(ctx: ServerContext): Promise<CheckWorkspaceResult> {
  const result: CheckWorkspaceResult = { files: 0, error: 0, warning: 0, information: 0, hint: 0 };
  for (const folder of ctx.workspace.all()) {
    const scope = await ctx.analyzer.scope(folder.uri);
    const exts = scope.settings.languages.flatMap((l) => (EXTENSIONS[l] ?? []).map((e) => [e, l] as const));
    for (const rel of await draftFiles(folder.path, exts.map(([e]) => e))) {
      const path = join(folder.path, rel);
      const uri = pathToUri(path);
      const languageId = exts.find(([e]) => path.endsWith(e))?.[1] ?? 'plaintext';
      if (!ctx.analyzer.isDraft(uri, languageId, scope)) continue;
      const open = ctx.documents.get(uri);
      let analysis: Analysis;
      try {
        analysis = open ? await ctx.analyzer.ofDocument(open) : await ctx.analyzer.analyze(uri, diskText(path), languageId, undefined, scope);
      } catch (e) {
        ctx.connection.console.error(t(ctx.locale, 'check.failed', path, (e as Error).message));
        continue;
      }
      result.files++;
      for (const f of analysis.result.findings) {
        const sev = effectiveSeverity(f, analysis.settings.severity);
        if (sev) result[sev]++;
      }
      void ctx.connection.sendDiagnostics({ uri, version: open?.version, diagnostics: toDiagnostics(analysis) });
    }
  }
  return result;
}

/** Relative paths of files with the given extensions under a folder (skipping node_modules, out and hidden folders). */
async function draftFiles(root: string, exts: string[]): Promise<string[]> {
  if (!exts.length) return [];
  // Loaded with the first workspace check, not at start-up.
  const { globSync } = await import('tinyglobby');
  const patterns = exts.map((e) => `**/*${e}`);
  return globSync(patterns, { cwd: root, ignore: ['**/node_modules/**', 'out/**', 'dist/**'], dot: false, onlyFiles: true }).sort();
}
