/**
 * Source documents of the fact base, opened read-only: a file system provider for the
 * factcheck-source: scheme that reads the file behind each URI (factcheck-source:/path ↔
 * file:///path) and refuses every write. The sources are what observations quote
 * verbatim; editing one (or the installed extension's copy) would only break the base.
 */
import * as vscode from 'vscode';

/** URI scheme of read-only source documents. */
export const SOURCE_SCHEME = 'factcheck-source';

/** The read-only URI of a source file. */
export function readOnlyUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: SOURCE_SCHEME });
}

/** The file behind a read-only URI. */
function fileOf(uri: vscode.Uri): vscode.Uri {
  return uri.with({ scheme: 'file' });
}

/** Serves factcheck-source: URIs from the files behind them; every change is refused. */
export class SourceDocuments implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  /** Registers the provider, read-only, with the reason VS Code shows when someone types. */
  static register(): vscode.Disposable {
    const provider = new SourceDocuments();
    return vscode.Disposable.from(
      provider.changed,
      vscode.workspace.registerFileSystemProvider(SOURCE_SCHEME, provider, {
        isCaseSensitive: process.platform === 'linux',
        isReadonly: new vscode.MarkdownString(vscode.l10n.t('Source documents of the fact base open read-only: the facts quote them word for word.')),
      }),
    );
  }

  watch(uri: vscode.Uri): vscode.Disposable {
    // Reflect changes of the file (a re-import) in an open read-only view.
    const file = fileOf(uri);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(file, '..'), file.path.slice(file.path.lastIndexOf('/') + 1)));
    const fire = (): void => this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    watcher.onDidChange(fire);
    return watcher;
  }

  stat(uri: vscode.Uri): Thenable<vscode.FileStat> {
    return vscode.workspace.fs.stat(fileOf(uri)).then((s) => ({ ...s, permissions: vscode.FilePermission.Readonly }));
  }

  readDirectory(uri: vscode.Uri): Thenable<[string, vscode.FileType][]> {
    return vscode.workspace.fs.readDirectory(fileOf(uri));
  }

  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    return vscode.workspace.fs.readFile(fileOf(uri));
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}
