/**
 * Imported first by extension.ts: marks the moment the extension host starts loading the
 * extension's modules (before vscode-languageclient), for the cold-start breakdown of
 * the e2e harness (server/src/shared/startupMarks.ts).
 */
import { startupMark } from '../../server/src/shared/startupMarks';

startupMark('extension', 'module loading');
