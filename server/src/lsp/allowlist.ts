/**
 * The per-workspace-folder allowlist `.factcheck-allow.json`: claims the writer accepted
 * ({ "claims": [{ "text": "2.25万场", "line": "<the line's trimmed content>" }] }).
 * Read with a modification-time cache; written only by the "accept this claim" action.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALLOWLIST_FILE } from '../protocol';
import { parseAllowFile, type AllowEntry } from '../core';

interface Cached {
  mtimeMs: number;
  entries: AllowEntry[];
}

/** Allowlists of workspace folders. */
export class Allowlists {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly warn: (message: string) => void) {}

  /** The allowlist file of a folder. */
  static fileOf(folderPath: string): string {
    return join(folderPath, ALLOWLIST_FILE);
  }

  /** The entries of a folder's allowlist ([] when there is none; an invalid file is reported and ignored). */
  entries(folderPath: string | undefined): AllowEntry[] {
    if (!folderPath) return [];
    const file = Allowlists.fileOf(folderPath);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      this.cache.delete(file);
      return [];
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.entries;
    let entries: AllowEntry[] = [];
    try {
      entries = parseAllowFile(readFileSync(file, 'utf8'), file);
    } catch (e) {
      this.warn((e as Error).message);
    }
    this.cache.set(file, { mtimeMs, entries });
    return entries;
  }

  /** Adds an entry to a folder's allowlist (creating the file); no-op when it is already there. Throws when the existing file is invalid. */
  add(folderPath: string, entry: AllowEntry): void {
    const file = Allowlists.fileOf(folderPath);
    let entries: AllowEntry[] = [];
    let existing: string | undefined;
    try {
      existing = readFileSync(file, 'utf8');
    } catch {
      existing = undefined;
    }
    if (existing !== undefined) entries = parseAllowFile(existing, file);
    if (entries.some((e) => e.text === entry.text && e.line === entry.line)) return;
    entries.push({ text: entry.text, line: entry.line });
    writeFileSync(file, JSON.stringify({ claims: entries }, null, 2) + '\n', 'utf8');
    this.cache.delete(file);
  }
}
