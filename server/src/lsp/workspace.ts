/**
 * Workspace folders and paths: which folder a document belongs to, file URIs ↔ paths,
 * and the fact-base folders that apply to a folder's settings.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver';
import type { Settings } from './settings';

/** A workspace folder as a path. */
export interface Folder {
  uri: string;
  name: string;
  path: string;
}

/** The path of a file: URI, or undefined for other schemes (untitled:, etc.). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The file: URI of a path. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** True when `path` is `dir` or inside it. */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The workspace folders of a session; updated on workspace/didChangeWorkspaceFolders. */
export class Workspace {
  private folders: Folder[] = [];

  /** Sets the folders from initialize (workspaceFolders, else rootUri, else rootPath). */
  init(folders: WorkspaceFolder[] | null | undefined, rootUri: string | null | undefined, rootPath?: string | null): void {
    if (folders && folders.length) for (const f of folders) this.add(f);
    else if (rootUri) this.add({ uri: rootUri, name: rootUri });
    else if (rootPath) this.add({ uri: pathToUri(rootPath), name: rootPath });
  }

  /** Adds a folder (ignored unless it is a file: URI). */
  add(folder: WorkspaceFolder): void {
    const path = uriToPath(folder.uri);
    if (path && !this.folders.some((f) => f.path === path)) this.folders.push({ uri: folder.uri, name: folder.name, path });
  }

  /** Removes a folder. */
  remove(folder: WorkspaceFolder): void {
    const path = uriToPath(folder.uri);
    this.folders = this.folders.filter((f) => f.path !== path);
  }

  /** All folders. */
  all(): readonly Folder[] {
    return this.folders;
  }

  /** The innermost folder holding a document, if any. */
  folderOf(uri: string): Folder | undefined {
    const path = uriToPath(uri);
    if (!path) return undefined;
    let best: Folder | undefined;
    for (const f of this.folders) if (isInside(path, f.path) && (!best || f.path.length > best.path.length)) best = f;
    return best;
  }
}

/**
 * The fact-base folders for a folder's settings: `factBases` (relative ones resolved
 * against the folder) or, when it is empty, the folder's facts/ if it exists; then the
 * bundled base unless `useBundledFacts` is false. Duplicates (same real folder) removed.
 */
export function factBaseDirs(folderPath: string | undefined, settings: Settings, bundledDir: string): string[] {
  const dirs: string[] = [];
  if (settings.factBases.length) {
    for (const d of settings.factBases) {
      if (isAbsolute(d)) dirs.push(resolve(d));
      else if (folderPath) dirs.push(resolve(folderPath, d));
    }
  } else if (folderPath) {
    const own = join(folderPath, 'facts');
    if (existsSync(own) && statSync(own).isDirectory()) dirs.push(own);
  }
  if (settings.useBundledFacts) dirs.push(resolve(bundledDir));
  const seen = new Set<string>();
  return dirs.filter((d) => {
    const key = d.endsWith(sep) ? d.slice(0, -1) : d;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
