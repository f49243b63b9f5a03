/**
 * The fact checker's custom LSP requests and notifications, shared by the language
 * server and the VS Code client. Each one is a typed constant; parameters and results
 * are plain JSON. Ranges are LSP ranges (0-based lines, UTF-16 characters). It imports
 * only vscode-languageserver-protocol (never the core), so the client loads nothing else.
 */
import { NotificationType, RequestType, type TextEdit } from 'vscode-languageserver-protocol';

/** Counts of one checked document's claims by verdict (suppressed claims are not counted). */
export interface DocumentCounts {
  uri: string;
  /** Document version the counts were computed for (absent for files checked from disk). */
  version?: number;
  verified: number;
  /** Contradicted claims (wrong value, unit, period, subject or title). */
  wrong: number;
  outdated: number;
  unverified: number;
}

/** State of the fact base a server uses. */
export interface FactBaseState {
  /** True when the base loaded without errors. */
  ok: boolean;
  /** One line for a status bar or tooltip, in the client's language. */
  message: string;
  /** Number of problems (errors and warnings) found while loading. */
  problems: number;
}

/** Parameters of factcheck/status. */
export interface StatusParams {
  /** Present when the notification follows a check of one document. */
  document?: DocumentCounts;
  factBase: FactBaseState;
}

/** Sent by the server after every check of an open document and after every fact-base (re)load. */
export const StatusNotification = new NotificationType<StatusParams>('factcheck/status');

/** Result of factcheck/checkWorkspace. */
export interface CheckWorkspaceResult {
  /** Drafts checked (their diagnostics are published). */
  files: number;
  /** Findings by severity over all checked files. */
  error: number;
  warning: number;
  information: number;
  hint: number;
}

/** Checks every draft (files of the configured languages) in every workspace folder and publishes diagnostics for each. */
export const CheckWorkspaceRequest = new RequestType<void, CheckWorkspaceResult, void>('factcheck/checkWorkspace');

/** Result of factcheck/reloadFacts. */
export interface ReloadFactsResult {
  /** One state per distinct fact base (a multi-root workspace may use several). */
  bases: (FactBaseState & { dirs: string[] })[];
}

/** Reloads every fact base from disk and rechecks the open drafts. */
export const ReloadFactsRequest = new RequestType<void, ReloadFactsResult, void>('factcheck/reloadFacts');

/** A source document of a fact base. */
export interface SourceInfo {
  id: string;
  title: string;
  publisher: string;
  published: string;
  /** file: URI of the normalized source file. */
  uri: string;
}

/** Parameters of factcheck/listSources: the sources of the base that applies to `uri`, or of all bases. */
export interface ListSourcesParams {
  uri?: string;
}

/** Lists the sources of the fact base(s), sorted by publication date (newest first). */
export const ListSourcesRequest = new RequestType<ListSourcesParams, SourceInfo[], void>('factcheck/listSources');

/** Parameters of factcheck/report. */
export interface ReportParams {
  uri: string;
}

/** Result of factcheck/report. */
export interface ReportResult {
  /** The report as Markdown, in the client's language. */
  markdown: string;
}

/** Renders the check report of one document (open or on disk). */
export const ReportRequest = new RequestType<ReportParams, ReportResult, void>('factcheck/report');

/** Server command (workspace/executeCommand) behind the "accept this claim" code action. Arguments: [AcceptClaimArgs]. */
export const ACCEPT_CLAIM_COMMAND = 'factcheck.server.acceptClaim';

/** Argument of ACCEPT_CLAIM_COMMAND. */
export interface AcceptClaimArgs {
  uri: string;
  /** The claim's text as written in the draft. */
  text: string;
  /** The content of the line holding the claim, trimmed. */
  line: string;
}

/**
 * Name of the per-workspace-folder allowlist file: the client watches it, the server
 * reads it. The same name as the core's ALLOW_FILE_NAME (test/unit/protocol.test.ts
 * holds them equal): written out here so that this module imports nothing from the core.
 */
export const ALLOWLIST_FILE = '.factcheck-allow.json';

/**
 * What each factcheck diagnostic carries in `data`: the fact it was checked against, the
 * value expected there (written the way the draft writes numbers), the edit a quick fix
 * would apply and the claim's index in the check's claims. The
 * message is the diagnostic's own and the citations are its relatedInformation, so they
 * are not repeated (they made a 2 MB draft's notification 9 MB).
 */
export interface DiagnosticData {
  factId?: string;
  expected?: string;
  fix?: TextEdit;
  claim: number;
}
