/**
 * What the status bar shows for a document, from the server's factcheck/status
 * notifications: the latest state of every fact base by its key, and per document its
 * latest status (a draft's counts, or what else it is) and the base it named. Kept free
 * of the vscode module so unit tests can drive it.
 */
import type { DocumentStatus, DraftCounts, FactBaseState, StatusParams } from '../../server/src/protocol';

/** What to show for one document. */
export type StatusView =
  /** Not a document the server checks, or one it ignores. */
  | { kind: 'hidden' }
  /** Sent to the server, no status yet. */
  | { kind: 'checking' }
  | { kind: 'draft'; counts: DraftCounts; base?: FactBaseState }
  | { kind: 'failed'; message: string; base?: FactBaseState }
  /** A fact file or source document of the base in use. */
  | { kind: 'factBase'; base?: FactBaseState };

/** The state behind the status bar item. */
export class StatusModel {
  private readonly bases = new Map<string, FactBaseState>();
  private readonly documents = new Map<string, { status: DocumentStatus; base: string }>();

  /** `normalize` spells a URI the way the editor does (the server may percent-encode differently). */
  constructor(private readonly normalize: (uri: string) => string = (u) => u) {}

  /** Records a factcheck/status notification. */
  update(params: StatusParams): void {
    this.bases.set(params.factBase.key, params.factBase);
    if (params.document) this.documents.set(this.normalize(params.document.uri), { status: params.document, base: params.factBase.key });
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.documents.delete(uri);
  }

  /** Forgets everything (the server restarted). */
  clear(): void {
    this.bases.clear();
    this.documents.clear();
  }

  /** What the server said the document is, if it said anything yet. */
  kindOf(uri: string): DocumentStatus['kind'] | undefined {
    return this.documents.get(uri)?.status.kind;
  }

  /** What to show for a document; `sent` says whether the client hands it to the server at all. */
  view(uri: string | undefined, sent: boolean): StatusView {
    if (!uri || !sent) return { kind: 'hidden' };
    const known = this.documents.get(uri);
    if (!known) return { kind: 'checking' };
    const base = this.bases.get(known.base);
    const { status } = known;
    if (status.kind === 'ignored') return { kind: 'hidden' };
    if (status.kind === 'factBase') return { kind: 'factBase', base };
    if (status.failed !== undefined) return { kind: 'failed', message: status.failed, base };
    if (!status.counts) return { kind: 'checking' };
    return { kind: 'draft', counts: status.counts, base };
  }
}
