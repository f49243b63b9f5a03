/**
 * Starts the language server's process as the extension's modules begin to load, before
 * vscode-languageclient and the rest of the bundle are read (0.3–0.5 s beside a starting
 * editor): the server boots meanwhile, and the client, once it starts, talks to that
 * process. Imported by extension.ts right after startupClock. The process is started as
 * vscode-languageclient starts a Node module over stdio (a fork of dist/server.js with
 * --stdio and the extension host's pid, ELECTRON_RUN_AS_NODE, no exec arguments, the
 * extension host's working directory, stdio piped). The first client takes it; a later
 * client (a restart, a new language list) starts a fresh one. Under a debugger nothing
 * starts early: the client's debug options start the server with an inspector.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { startupMark } from '../../server/src/shared/startupMarks';

/** The server entry, relative to the extension's root (built by `npm run bundle`). */
export const SERVER_MODULE = 'dist/server.js';

/** True when the extension host runs with an inspector (the test vscode-languageclient makes). */
export function underDebugger(execArgv: readonly string[] = process.execArgv): boolean {
  return execArgv.some((a) => /^--(debug|inspect)(-brk)?(=|$)/.test(a));
}

/** Starts the server module as vscode-languageclient does for `{ module, transport: stdio }`. */
export function forkServer(module: string): ChildProcess {
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' };
  const child = fork(module, ['--stdio', `--clientProcessId=${process.pid}`], { env, execArgv: [], silent: true });
  startupMark('extension', 'server spawned');
  return child;
}

/** The process started at load, until a client takes it. */
let early: ChildProcess | undefined;

/** Starts the server now (dist/ holds this bundle and the server's). */
function startEarly(): void {
  if (underDebugger() || typeof __dirname !== 'string') return;
  try {
    early = forkServer(join(dirname(__dirname), SERVER_MODULE));
    early.once('exit', () => (early = undefined));
  } catch {
    early = undefined; // the client starts it as usual
  }
}

/** The process started early, once, if it is still running; then undefined. */
export function takeEarlyServer(): ChildProcess | undefined {
  const taken = early;
  early = undefined;
  return taken && taken.exitCode === null && taken.signalCode === null ? taken : undefined;
}

/** Ends the early process if no client took it (the extension deactivated first). */
export function disposeEarlyServer(): void {
  takeEarlyServer()?.kill();
}

startEarly();
