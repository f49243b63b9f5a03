/**
 * What the client does when the language server crashes: restart it and tell the writer,
 * up to MAX_RESTARTS times within RESTART_WINDOW_MS; after that, stop and say how to
 * get it back (the same policy as vscode-languageclient's default, but never silent).
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type Message,
} from 'vscode-languageclient/node';

/** Crashes tolerated within the window before the client gives up. */
export const MAX_RESTARTS = 4;
/** Length of the window, in milliseconds. */
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** An ErrorHandler that restarts a crashed server and shows a message each time. */
export class RestartingErrorHandler implements ErrorHandler {
  private readonly crashes: number[] = [];

  constructor(
    private readonly onRestart: () => void,
    private readonly now: () => number = Date.now,
    /** How the writer is told (a warning notification). */
    private readonly notify: (message: string) => void = (m) => void vscode.window.showWarningMessage(m),
  ) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    // Errors reading or writing the connection: keep going unless they pile up.
    if (count !== undefined && count <= 3) return { action: ErrorAction.Continue, handled: true };
    return { action: ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > RESTART_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length > MAX_RESTARTS) {
      return {
        action: CloseAction.DoNotRestart,
        message: vscode.l10n.t(
          'The Fact Check server crashed {0} times in the last 3 minutes and will not be restarted. See the "Fact Check" output, then run "Developer: Reload Window" to try again.',
          this.crashes.length,
        ),
      };
    }
    this.onRestart();
    this.notify(vscode.l10n.t('The Fact Check server stopped unexpectedly and has been restarted.'));
    return { action: CloseAction.Restart, handled: true };
  }
}
