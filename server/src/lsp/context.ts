/**
 * The state of one language-server session, shared by the feature modules: the
 * connection, open documents, locale, client capabilities and the services.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../core';
import type { Allowlists } from './allowlist';
import type { Analyzer, Scope } from './analysis';
import type { DraftDiagnostics } from './diagnostics';
import type { FactBaseStore } from './factBases';
import type { FactFileDiagnostics } from './factFiles';
import type { SourceDocuments } from './sourceDocuments';
import type { SettingsStore } from './settings';
import type { Workspace } from './workspace';

/** What the client said it supports (from initialize). */
export interface ClientSupport {
  /** workspace/configuration requests. */
  configuration: boolean;
  /** WorkspaceEdit.documentChanges (versioned edits). */
  documentChanges: boolean;
  /** Dynamic registration of workspace/didChangeWatchedFiles. */
  watchedFiles: boolean;
  /** Dynamic registration of workspace/didChangeConfiguration. */
  configurationChange: boolean;
  /** Workspace folders (and their change notifications). */
  workspaceFolders: boolean;
}

/** A session's shared state. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  locale: Locale;
  support: ClientSupport;
  workspace: Workspace;
  settings: SettingsStore;
  bases: FactBaseStore;
  allowlists: Allowlists;
  analyzer: Analyzer;
  drafts: DraftDiagnostics;
  factFiles: FactFileDiagnostics;
  /** Source documents' hints, "Add to fact base" and coverage; unreviewed entries' "Accept" (sourceDocuments.ts). */
  sourceDocuments?: SourceDocuments;
  bundledDir: string;
  /** The fact-base folders an open or saved fact file belongs to, or undefined when it is not a fact-base file. */
  factDirsOf(uri: string, scope: Scope): string[] | undefined;
  /** Schedules a check of every open document (after settings, allowlist or fact-base changes). */
  recheckAll(): void;
}
