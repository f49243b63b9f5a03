/**
 * factcheck/status: claim counts of a checked document and the state of the fact base
 * it was checked against, sent after every published check and every base (re)load.
 */
import { ShowMessageNotification, type Connection, type MessageType } from 'vscode-languageserver';
import type { CheckResult } from '../core/types';
import { StatusNotification, type DocumentCounts, type FactBaseState } from '../protocol';

/** Counts a result's claims by verdict (suppressed claims are not counted). */
export function countClaims(uri: string, result: CheckResult, version?: number): DocumentCounts {
  const counts: DocumentCounts = { uri, verified: 0, wrong: 0, outdated: 0, unverified: 0 };
  if (version !== undefined) counts.version = version;
  for (const c of result.claims) {
    if (c.status === 'verified') counts.verified++;
    else if (c.status === 'contradicted') counts.wrong++;
    else if (c.status === 'outdated') counts.outdated++;
    else if (c.status === 'unverified') counts.unverified++;
  }
  return counts;
}

/** Sends factcheck/status. */
export function sendStatus(connection: Connection, factBase: FactBaseState, document?: DocumentCounts): void {
  void connection.sendNotification(StatusNotification.method, document ? { document, factBase } : { factBase });
}

/**
 * Shows a message with window/showMessage (a notification: the server needs no answer,
 * and clients without window/showMessageRequest support still show it).
 */
export function showMessage(connection: Connection, type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message });
}
