/**
 * Starts and stops code-server (a real VS Code served to a browser) for the e2e test:
 * a free local port, its own user-data and extensions folders, no auth, no telemetry.
 * Every process it starts is ended by its pid.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

/** A running code-server. */
export interface CodeServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** Ends the server (SIGTERM, then SIGKILL after 5 s) and waits for it. */
  stop(): Promise<void>;
}

const running = new Set<CodeServer>();

/** Stops every code-server this process started and has not stopped yet (for signal handlers). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}

/** Settings for a quiet workbench: no welcome page, tips, trust prompt or update checks. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
};

/** The code-server binary installed by scripts/e2e-setup.sh. */
export function codeServerBin(): string {
  const cache = process.env.FACTCHECK_E2E_CACHE ?? path.join(process.env.HOME ?? '/root', '.cache', 'factcheck-e2e');
  const bin = path.join(cache, 'code-server-4.100.3', 'node_modules', '.bin', 'code-server');
  if (!fs.existsSync(bin)) throw new Error(`code-server not found at ${bin}: run scripts/e2e-setup.sh first`);
  return bin;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Writes the quiet user settings into a fresh user-data folder. */
export function prepareUserData(dir: string): void {
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
}

/** Installs a VSIX into an extensions folder with code-server's own installer; throws with its output on failure. */
export function installVsix(vsix: string, extensionsDir: string, userDataDir: string): string {
  const result = spawnSync(
    codeServerBin(),
    ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'],
    { encoding: 'utf8', timeout: 120_000, env: { ...process.env, XDG_CONFIG_HOME: userDataDir } },
  );
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (${result.status ?? result.signal}):\n${output}`);
  return output;
}

/** Starts code-server on a free port and resolves once it answers HTTP; the log goes to `logFile`. */
export async function startCodeServer(options: {
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<CodeServer> {
  const port = await freePort();
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(
    codeServerBin(),
    [
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', options.userDataDir,
      '--extensions-dir', options.extensionsDir,
    ],
    // XDG_CONFIG_HOME keeps code-server from writing ~/.config/code-server/config.yaml.
    { stdio: ['ignore', log, log], env: { ...process.env, XDG_CONFIG_HOME: options.userDataDir, ...options.env } },
  );
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    running.delete(server);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const server: CodeServer = { url, port, process: child, stop };
  running.add(server);
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${options.logFile}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} in time; see ${options.logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return server;
}
