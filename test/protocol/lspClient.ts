/**
 * A minimal LSP client for protocol tests: spawns `node bin/factcheck.js lsp --stdio` (or
 * another server script, or over Node's IPC channel as VS Code does),
 * speaks JSON-RPC through vscode-languageserver-protocol's node API, answers the
 * server's requests (configuration, registrations, edits) and lets tests await
 * notifications by predicate instead of sleeping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogTraceNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ConfigurationItem,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';

/** The package root (the server is started from there). */
export const ROOT = resolve(__dirname, '..', '..', '..');

/** Every notification the client received, in order. */
export type Received =
  | { kind: 'diagnostics'; params: PublishDiagnosticsParams }
  | { kind: 'status'; params: StatusParams }
  | { kind: 'message'; params: ShowMessageParams }
  | { kind: 'trace'; message: string };

/** Options of a test session. */
export interface StartOptions {
  locale?: string;
  /** Workspace folder paths. */
  folders?: string[];
  /** `factcheck` settings returned for every configuration request. */
  settings?: Record<string, unknown>;
  /** Per-scope `factcheck` settings (multi-root tests); wins over `settings`. */
  settingsFor?: (scopeUri: string | undefined) => Record<string, unknown>;
  /** Holds configuration answers for scopes matching this until `releaseConfiguration()`. */
  holdConfigurationFor?: (scopeUri: string | undefined) => boolean;
  /** processId sent in initialize (default: this process). */
  processId?: number | null;
  capabilities?: ClientCapabilities;
  /** The server's script, run as `node SCRIPT --stdio` (default: `bin/factcheck.js lsp --stdio`, the server tsc built). */
  server?: string;
  /** The server's whole command line before the transport flag, for another checkout's server (scripts/bench/compare.mjs); wins over `server`. */
  serverArgs?: string[];
  /** How messages travel: standard input and output (default), or Node's IPC channel, as VS Code's client runs the server. */
  transport?: 'stdio' | 'ipc';
  /** The server's environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
    synchronization: { didSave: true },
  },
};

/** A running server with its client side. */
export class LspTestClient {
  readonly received: Received[] = [];
  /** Workspace edits the server asked the client to apply. */
  readonly appliedEdits: WorkspaceEdit[] = [];
  stderr = '';
  private waiters: { test: (r: Received) => boolean; resolve: (r: Received) => void }[] = [];
  private held: (() => void)[] = [];
  private holding: ((scope: string | undefined) => boolean) | undefined;
  private versions = new Map<string, number>();
  private settingsFor: ((scopeUri: string | undefined) => Record<string, unknown>) | undefined;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    private settings: Record<string, unknown>,
  ) {}

  /** Spawns the server and completes the initialize handshake. */
  static async start(opts: StartOptions = {}): Promise<{ client: LspTestClient; init: InitializeResult }> {
    const ipc = opts.transport === 'ipc';
    const args = [...(opts.serverArgs ?? (opts.server ? [opts.server] : [join(ROOT, 'bin', 'factcheck.js'), 'lsp'])), ipc ? '--node-ipc' : '--stdio'];
    const child = spawn(process.execPath, args, { cwd: ROOT, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe', ...(ipc ? ['ipc' as const] : [])] });
    const connection = ipc
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection, opts.settings ?? {});
    client.holding = opts.holdConfigurationFor;
    client.settingsFor = opts.settingsFor;
    child.stderr!.on('data', (d: Buffer) => (client.stderr += d.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => client.push({ kind: 'diagnostics', params }));
    connection.onNotification(StatusNotification.method, (params: StatusParams) => client.push({ kind: 'status', params }));
    connection.onNotification(ShowMessageNotification.type, (params) => client.push({ kind: 'message', params }));
    connection.onNotification(LogTraceNotification.type, (params) => client.push({ kind: 'trace', message: params.message }));
    connection.onRequest(ConfigurationRequest.type, (params) => client.configuration(params.items));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      client.appliedEdits.push(params.edit);
      return { applied: true };
    });
    connection.listen();
    const folders = (opts.folders ?? []).map((p) => ({ uri: fileUri(p), name: p }));
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: opts.processId === undefined ? process.pid : opts.processId,
      locale: opts.locale ?? 'en',
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length ? folders : null,
      capabilities: opts.capabilities ?? CAPABILITIES,
      trace: 'verbose',
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, init };
  }

  /** From now on, holds configuration answers for scopes passing `test` until `releaseConfiguration()`. */
  hold(test: (scopeUri: string | undefined) => boolean): void {
    this.holding = test;
  }

  /** Sends the held configuration answers. */
  releaseConfiguration(): void {
    this.holding = undefined;
    this.held.splice(0).forEach((f) => f());
  }

  /** Changes the settings the client answers with and notifies the server. */
  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { factcheck: settings } });
  }

  /** Opens a document (version 1). */
  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces a document's text; resolves to the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Says a document was saved. */
  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Resolves with the first received notification (already received or future) that passes `test`. */
  waitFor<T extends Received>(test: (r: Received) => r is T, from?: number): Promise<T>;
  waitFor(test: (r: Received) => boolean, from?: number): Promise<Received>;
  waitFor(test: (r: Received) => boolean, from = 0): Promise<Received> {
    const done = this.received.slice(from).find(test);
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** Waits for diagnostics of a document version. */
  async diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    const r = await this.waitFor((x) => x.kind === 'diagnostics' && x.params.uri === uri && (version === undefined || x.params.version === version));
    return (r as { params: PublishDiagnosticsParams }).params;
  }

  /** A summary of what was received and the server's stderr, for failure reports. */
  transcript(): string {
    const lines = this.received.map((r) =>
      r.kind === 'diagnostics'
        ? `diagnostics ${r.params.uri} v${r.params.version}: ${r.params.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code ?? ''} ${d.message}`).join(' | ')}`
        : r.kind === 'status'
          ? `status ${JSON.stringify(r.params)}`
          : r.kind === 'message'
            ? `message ${r.params.type} ${r.params.message}`
            : `trace ${r.message}`,
    );
    return [...lines, `stderr: ${this.stderr}`].join('\n');
  }

  /** Shuts the server down and waits for its process to end. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the server is already gone
    }
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }

  private push(r: Received): void {
    this.received.push(r);
    const [hit, rest] = [this.waiters.filter((w) => w.test(r)), this.waiters.filter((w) => !w.test(r))];
    this.waiters = rest;
    hit.forEach((w) => w.resolve(r));
  }

  private configuration(items: ConfigurationItem[]): Promise<unknown[]> {
    const answer = items.map((it) => (it.section === 'factcheck' ? (this.settingsFor?.(it.scopeUri) ?? this.settings) : null));
    if (this.holding && items.some((it) => this.holding!(it.scopeUri))) {
      return new Promise((resolve) => this.held.push(() => resolve(answer)));
    }
    return Promise.resolve(answer);
  }
}

/** The file: URI of a path. */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
