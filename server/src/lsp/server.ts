/**
 * The fact checker's language server on a given connection: drafts get debounced
 * diagnostics, hovers, quick fixes and go-to-source; fact files get live validation,
 * go-to-definition and reload on save. Transport-independent: main.ts and the CLI's
 * `lsp --stdio` create the connection.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bundledFactsDir, packageRoot } from '../node';
import type { Locale } from '../core';
import { ACCEPT_CLAIM_COMMAND, ACCEPT_ENTRY_COMMAND, ADD_TO_FACT_BASE_COMMAND, ALLOWLIST_FILE } from '../protocol';
import { SourceDocuments } from './sourceDocuments';
import { Allowlists } from './allowlist';
import { Analyzer, CheckCancelled, type Scope } from './analysis';
import { CODE_ACTION_KINDS, codeActions } from './codeActions';
import type { ClientSupport, ServerContext } from './context';
import { definitionOfClaim, definitionOfId } from './definition';
import { DraftDiagnostics } from './diagnostics';
import { FactBaseStore, type LoadedBase } from './factBases';
import { enclosingFactsDir, FactFileDiagnostics, isFactBaseFile } from './factFiles';
import { hoverAt } from './hover';
import { MemoryReclaimer } from './memory';
import { t } from './messages';
import { parseLocale } from '../shared/locale';
import { registerRequests } from './requests';
import { parseSettings, SettingsStore } from './settings';
import { draftStatus, sendStatus, showMessage } from './status';
import { factBaseDirs, pathToUri, uriToPath, Workspace } from './workspace';
import { startupMark } from '../shared/startupMarks';

/** How the connection was made. */
export interface StartOptions {
  /** The connection's writer sends pre-encoded parameters as they are (lsp/connection.ts): long publications are encoded in slices. */
  preEncoded?: boolean;
}

/** Starts the language server on a connection (and begins listening). */
export function startServer(connection: Connection, options: StartOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let ctx: ServerContext | undefined;
  const shown = new Map<string, string>();
  const memory = new MemoryReclaimer();
  let firstPublished = false;
  /** The base the default settings give the first folder, loaded before the settings arrive. */
  let guess: string[] | undefined;
  let firstOpened = false;
  /** Open documents whose first check has been scheduled. */
  const seen = new Set<string>();

  connection.onInitialize((params): InitializeResult => {
    startupMark('server', 'initialize');
    const caps = params.capabilities;
    const support: ClientSupport = {
      configuration: !!caps.workspace?.configuration,
      documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
      watchedFiles: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      configurationChange: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
      workspaceFolders: !!caps.workspace?.workspaceFolders,
    };
    // initializationOptions: { locale?: 'zh-cn', factcheck?: {…} } or { settings: { factcheck: {…} } },
    // for clients that send no locale (Neovim, Eglot) or cannot answer workspace/configuration.
    const init = (params.initializationOptions ?? {}) as { locale?: string; factcheck?: unknown; settings?: { factcheck?: unknown } };
    // The editor's display language: Chinese for zh-*, English otherwise.
    const locale: Locale = parseLocale(typeof init.locale === 'string' ? init.locale : params.locale) ?? 'en';
    const workspace = new Workspace();
    workspace.init(params.workspaceFolders, params.rootUri, params.rootPath);
    const settings = new SettingsStore(connection, support.configuration, init.settings?.factcheck ?? init.factcheck);
    const bases = new FactBaseStore(locale, (base, event) => onBaseLoaded(base, event));
    const allowlists = new Allowlists((m) => connection.console.warn(m));
    const bundledDir = bundledFactsDir();
    const analyzer = new Analyzer(locale, workspace, settings, bases, allowlists, bundledDir);
    const drafts = new DraftDiagnostics(connection, {
      document: (uri) => documents.get(uri),
      analyze: (doc) => analyzeDraft(doc),
      published: (a) => {
        if (!firstPublished) startupMark('server', 'first diagnostics published');
        firstPublished = true;
        memory.touch();
        sendStatus(connection, bases.stateOf(a.loaded), draftStatus(a));
      },
      skipped: (doc) => void sendSkipped(doc),
      failed: (uri, e) => {
        const message = t(locale, 'check.failed', uri, e.message);
        reportOnce('check', message, e);
        const doc = documents.get(uri);
        void analyzer.scope(uri).then(
          (scope) => sendStatus(connection, bases.stateOf(scope.loaded), { uri, version: doc?.version, kind: 'draft', failed: message }),
          () => undefined,
        );
      },
    }, undefined, options.preEncoded);
    const factFiles = new FactFileDiagnostics(connection, () => documents.all());
    const sourceDocuments = new SourceDocuments(connection, documents, locale, async (path) => {
      const c = need();
      const uri = pathToUri(path);
      const dirs = factDirsOf(uri, await c.analyzer.scope(uri));
      return dirs ? (c.factFiles.validation(dirs) ?? (await c.factFiles.validate(dirs))) : undefined;
    });
    factFiles.decorate = (path, uri, text, load, diagnostics) => sourceDocuments.decorate(path, uri, text, load, diagnostics);
    ctx = {
      connection, documents, locale, support, workspace, settings, bases, allowlists, analyzer, drafts, factFiles, bundledDir, sourceDocuments,
      factDirsOf,
      recheckAll: () => documents.all().forEach((d) => onContent(d)),
    };
    registerRequests(ctx);
    // Start on the segmenter and the base the default settings give the first folder now,
    // while the editor handles this answer and sends its settings (the usual case: the
    // guess is the base the settings give; onInitialized drops it otherwise).
    guess = factBaseDirs(workspace.all()[0]?.path, parseSettings(init.settings?.factcheck ?? init.factcheck).settings, bundledDir);
    analyzer.prestart(guess);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        executeCommandProvider: { commands: [ACCEPT_CLAIM_COMMAND, ADD_TO_FACT_BASE_COMMAND, ACCEPT_ENTRY_COMMAND] },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'factcheck', version: packageVersion() },
    };
  });

  connection.onInitialized(() => {
    startupMark('server', 'initialized');
    const c = need();
    if (c.support.configurationChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'factcheck' });
    if (c.support.watchedFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/sources/*.md' }, { globPattern: `**/${ALLOWLIST_FILE}` }],
      });
    }
    if (c.support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        e.removed.forEach((f) => c.workspace.remove(f));
        e.added.forEach((f) => c.workspace.add(f));
        c.settings.invalidate();
        c.recheckAll();
      });
    }
    // Load the fact bases now, so the status (and any problem) shows before the first edit.
    setImmediate(() => {
      const uris = c.workspace.all().length ? c.workspace.all().map((f) => f.uri) : [''];
      const started = uris.map((u) =>
        c.analyzer.start(u, () => c.documents.all().length > 0).catch((e: Error) => {
          reportOnce('load', t(c.locale, 'base.failed', e.message), e);
          return undefined;
        }),
      );
      void Promise.all(started).then((used) => {
        if (guess) c.bases.dropUnless(guess, used.filter((d): d is string[] => !!d));
      });
    });
  });

  connection.onDidChangeConfiguration((params) => {
    const c = need();
    c.settings.invalidate(params.settings);
    c.recheckAll();
  });

  documents.onDidChangeContent((e) => onContent(e.document));
  documents.onDidClose((e) => {
    seen.delete(e.document.uri);
    const c = need();
    c.drafts.close(e.document.uri);
    c.analyzer.forget(e.document.uri);
  });
  documents.onDidSave((e) => onDiskChange(e.document.uri));
  connection.onDidChangeWatchedFiles((params) => {
    // Open documents are handled by didSave; this covers changes made outside the editor.
    const uris = new Set(params.changes.map((ch) => ch.uri).filter((uri) => !documents.get(uri)));
    uris.forEach(onDiskChange);
  });

  connection.onHover(async (params) => {
    const c = need();
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const analysis = await analyzeDraft(doc);
    return analysis ? hoverAt(analysis, params.position, c.locale) : null;
  });

  connection.onCodeAction(async (params) => {
    const c = need();
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    if (/[\\/]sources[\\/][^\\/]+\.md$/.test(uriToPath(doc.uri) ?? '') && factDirsOf(doc.uri, await c.analyzer.scope(doc.uri))) return c.sourceDocuments!.codeActions(doc, params.range);
    const analysis = await analyzeDraft(doc);
    if (!analysis) return [];
    return codeActions(analysis, params, { locale: c.locale, documentChanges: c.support.documentChanges, canAccept: !!analysis.folder });
  });

  connection.onCodeLens(async (params) => {
    const c = need();
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !/\.ya?ml$/.test(uriToPath(doc.uri) ?? '') || !factDirsOf(doc.uri, await c.analyzer.scope(doc.uri))) return [];
    return c.sourceDocuments!.codeLenses(doc);
  });

  connection.onDefinition(async (params) => {
    const c = need();
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const scope = await c.analyzer.scope(doc.uri);
    const dirs = factDirsOf(doc.uri, scope);
    if (dirs) {
      const origins = (c.factFiles.validation(dirs) ?? (await c.factFiles.validate(dirs))).base.origins;
      return definitionOfId(doc.getText(), params.position, origins);
    }
    const analysis = await analyzeDraft(doc);
    return analysis ? definitionOfClaim(analysis, params.position) : null;
  });

  documents.listen(connection);
  connection.listen();

  function need(): ServerContext {
    if (!ctx) throw new Error('the server is not initialized');
    return ctx;
  }

  /** An edit or open: fact-base files are validated, drafts are checked (both debounced). */
  function onContent(doc: TextDocument): void {
    if (!firstOpened) startupMark('server', 'first document opened');
    firstOpened = true;
    const c = need();
    memory.touch();
    // A document just opened is checked at once; edits wait for the typing to pause.
    const opened = !seen.has(doc.uri);
    seen.add(doc.uri);
    c.drafts.schedule(doc.uri, opened ? 0 : undefined);
    void c.analyzer.scope(doc.uri).then(
      (scope) => {
        const dirs = factDirsOf(doc.uri, scope);
        if (dirs) c.factFiles.schedule(dirs);
      },
      (e: Error) => reportOnce('load', t(c.locale, 'base.failed', e.message), e),
    );
  }

  /** The draft analysis of an open document, or null when it is not a draft. */
  async function analyzeDraft(doc: TextDocument) {
    const c = need();
    memory.touch();
    const scope = await c.analyzer.scope(doc.uri);
    if (factDirsOf(doc.uri, scope) || !c.analyzer.isDraft(doc.uri, doc.languageId, scope)) return null;
    try {
      return await c.analyzer.ofDocument(doc);
    } catch (e) {
      // The document changed while it was checked: a request about the old version gets no answer.
      if (e instanceof CheckCancelled) return null;
      throw e;
    }
  }

  /** The status of an open document that is not a draft: a file of its fact base, or one the checker ignores. */
  async function sendSkipped(doc: TextDocument): Promise<void> {
    const c = need();
    const scope = await c.analyzer.scope(doc.uri);
    const path = uriToPath(doc.uri);
    const kind = path && isFactBaseFile(path, scope.loaded.dirs) ? 'factBase' : 'ignored';
    sendStatus(connection, c.bases.stateOf(scope.loaded), { uri: doc.uri, version: doc.version, kind });
  }

  /** A file changed on disk (saved, or changed outside the editor): reload the bases holding it, re-check. */
  function onDiskChange(uri: string): void {
    const c = need();
    const path = uriToPath(uri);
    if (!path) return;
    if (path.endsWith(ALLOWLIST_FILE)) return c.recheckAll();
    if (!/\.(ya?ml|md)$/.test(path)) return;
    void c.bases.reload(path).then(
      (reloaded) => {
        if (!reloaded.length) return;
        for (const b of reloaded) c.factFiles.schedule(b.dirs);
        c.recheckAll();
      },
      (e: Error) => reportOnce('reload', e.message, e),
    );
  }

  /** The fact-base folders of a fact-base file: its scope's base, or an enclosing facts/ folder for YAML outside it. */
  function factDirsOf(uri: string, scope: Scope): string[] | undefined {
    const path = uriToPath(uri);
    if (!path) return undefined;
    if (isFactBaseFile(path, scope.loaded.dirs)) return scope.loaded.dirs;
    const facts = /\.ya?ml$/.test(path) ? enclosingFactsDir(path) : undefined;
    if (!facts) return undefined;
    return scope.settings.useBundledFacts && facts !== need().bundledDir ? [facts, need().bundledDir] : [facts];
  }

  /** After a (re)load: status to the client, and a message when the base has errors. */
  function onBaseLoaded(base: LoadedBase, event: { keptLastGood: boolean; failed: boolean }): void {
    sendStatus(connection, base.state);
    memory.installed();
    const key = base.dirs.join('\n');
    if (!event.failed) {
      shown.delete(key);
      return;
    }
    if (shown.get(key) === base.state.message) return;
    shown.set(key, base.state.message);
    showMessage(connection, event.keptLastGood ? MessageType.Warning : MessageType.Error, base.state.message);
  }

  /** Logs an error, and shows it once per distinct message. */
  function reportOnce(kind: string, message: string, e: Error): void {
    connection.console.error(`${message}\n${e.stack ?? ''}`);
    if (shown.get(kind) === message) return;
    shown.set(kind, message);
    showMessage(connection, MessageType.Error, message);
  }
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
