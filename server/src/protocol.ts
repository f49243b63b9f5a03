/**
 * The fact checker's custom LSP requests and notifications, shared by the language
 * server and the VS Code client. Each one is a typed constant; parameters and results
 * are plain JSON. Ranges are LSP ranges (0-based lines, UTF-16 characters). It imports
 * only vscode-languageserver-protocol (never the core), so the client loads nothing else.
 */
import { NotificationType, RequestType, type TextEdit } from 'vscode-languageserver-protocol';
import type { FindingCode } from './shared/findingCodes';

/** Counts of one checked draft: verified claims, and findings by the severity they are shown with (as VS Code's own problem counter counts them). */
export interface DraftCounts {
  verified: number;
  error: number;
  warning: number;
  information: number;
  hint: number;
  /** The same findings by code (codes with none are left out). */
  byCode: Partial<Record<FindingCode, number>>;
}

/**
 * What a document is to the checker: a draft it checks, a file of the fact base in use
 * (a YAML fact file or a source document), or neither (another language, or a YAML file
 * outside any fact base).
 */
export type DocumentKind = 'draft' | 'factBase' | 'ignored';

/** The state of one open document. */
export interface DocumentStatus {
  uri: string;
  /** Document version the status was computed for (absent for files checked from disk). */
  version?: number;
  kind: DocumentKind;
  /** Drafts: the counts of the check. */
  counts?: DraftCounts;
  /** Drafts: why the check failed, when it did (no counts then). */
  failed?: string;
}

/** State of the fact base a server uses. */
export interface FactBaseState {
  /** Identifies the base (a multi-root workspace may use several): its folders, one per line. */
  key: string;
  /** True when the base loaded without errors. */
  ok: boolean;
  /** One line for a status bar or tooltip, in the client's language. */
  message: string;
  /** Number of problems (errors and warnings) found while loading. */
  problems: number;
}

/**
 * Parameters of factcheck/status: the state of a fact base, and, when the notification
 * is about a document, that document's status (checked against, or part of, that base).
 */
export interface StatusParams {
  document?: DocumentStatus;
  factBase: FactBaseState;
}

/**
 * Sent by the server after every check of an open draft (with its counts), when an open
 * document turns out not to be a draft (a fact file, a source, another language), and
 * after every fact-base (re)load (without a document). A client keeps the latest state
 * of each base by key and shows a document with the base its last status named.
 */
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
  /** The draft's name, for the view's title. */
  title: string;
  /**
   * The report as a self-contained HTML page in the client's language (the CLI's HTML
   * format for this one draft): no scripts, no external resources, its own
   * Content-Security-Policy.
   */
  html: string;
}

/** Renders the check report of one draft (open or on disk); an error when the document is not a draft. */
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
 * are not repeated (for a long draft they would make the notification several times larger).
 */
export interface DiagnosticData {
  factId?: string;
  expected?: string;
  fix?: TextEdit;
  claim: number;
}

/**
 * How much of an open source document (facts/sources/*.md) the fact base holds: sent by
 * the server whenever it validates the base with that document open. `held` counts the
 * figures, ranks, event years and person–title pairs an observation, role or exclusion
 * accounts for (reviewed or not), of `total` the suggestion reader finds; `unreviewed`
 * those held only by entries marked `reviewed: false`. The client shows it in the status bar.
 */
export interface SourceCoverageParams {
  uri: string;
  source: string;
  held: number;
  total: number;
}

/** Server → client: the coverage of an open source document. */
export const SourceCoverageNotification = new NotificationType<SourceCoverageParams>('factcheck/sourceCoverage');

/**
 * Command (workspace/executeCommand) of the "Add to fact base" code action on a figure of
 * a source document: the server writes the suggested entry (reviewed: false) and any new
 * measure or subject into the right fact files, then asks the client to show the entry.
 */
export const ADD_TO_FACT_BASE_COMMAND = 'factcheck.server.addToFactBase';

/** Arguments of ADD_TO_FACT_BASE_COMMAND: the source document and the offset of the figure in its text. */
export interface AddToFactBaseArgs {
  uri: string;
  offset: number;
}

/** Command of the "Accept" code lens on an entry marked `reviewed: false`: the server deletes that line. */
export const ACCEPT_ENTRY_COMMAND = 'factcheck.server.acceptEntry';

/** Arguments of ACCEPT_ENTRY_COMMAND: the fact file and the 0-based line of the entry's `reviewed: false`. */
export interface AcceptEntryArgs {
  uri: string;
  line: number;
}
