/**
 * factcheck/status: a checked draft's counts (verified claims, and findings by the
 * severity they are shown with, as the editor's own problem counter counts them), what
 * an open document that is not a draft is, and the state of the fact base each belongs
 * to; sent after every published check, for every open document that is not a draft,
 * and after every base (re)load.
 */
import { ShowMessageNotification, type Connection, type MessageType } from 'vscode-languageserver';
import { StatusNotification, type DocumentStatus, type DraftCounts, type FactBaseState, type StatusParams } from '../protocol';
import type { Analysis } from './analysis';
import { effectiveSeverity } from './diagnostics';

/** Counts an analysis: verified claims, and findings by effective severity (findings turned off are not counted). */
export function countDraft(analysis: Analysis): DraftCounts {
  const counts: DraftCounts = { verified: 0, error: 0, warning: 0, information: 0, hint: 0, byCode: {} };
  for (const c of analysis.result.claims) if (c.status === 'verified') counts.verified++;
  for (const f of analysis.result.findings) {
    const severity = effectiveSeverity(f, analysis.settings.severity);
    if (!severity) continue;
    counts[severity]++;
    counts.byCode[f.code] = (counts.byCode[f.code] ?? 0) + 1;
  }
  return counts;
}

/** The status of a checked draft. */
export function draftStatus(analysis: Analysis): DocumentStatus {
  const status: DocumentStatus = { uri: analysis.uri, kind: 'draft', counts: countDraft(analysis) };
  if (analysis.version !== undefined) status.version = analysis.version;
  return status;
}

/** Sends factcheck/status. */
export function sendStatus(connection: Connection, factBase: FactBaseState, document?: DocumentStatus): void {
  const params: StatusParams = document ? { document, factBase } : { factBase };
  void connection.sendNotification(StatusNotification.method, params);
}

/**
 * Shows a message with window/showMessage (a notification: the server needs no answer,
 * and clients without window/showMessageRequest support still show it).
 */
export function showMessage(connection: Connection, type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message });
}
