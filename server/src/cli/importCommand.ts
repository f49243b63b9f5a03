/**
 * `factcheck facts import RAW_FILE… [--meta DIR] [--out DIR]`: writes the normalized
 * source file for each raw article, using the metadata file whose `original` names it.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { importMetaSchema, type ImportMeta, importLeftovers, importSource, LineIndex } from '../core';
import type { Leftover } from '../core';
import { printable } from './printable';
import { UsageError } from './errors';

/** Reads every metadata file of a folder, keyed by the raw file name it describes. */
export function readImportMeta(metaDir: string): Map<string, ImportMeta> {
  const byOriginal = new Map<string, ImportMeta>();
  for (const name of readdirSync(metaDir).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = join(metaDir, name);
    const parsed = importMetaSchema.safeParse(parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      throw new UsageError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    byOriginal.set(parsed.data.original, parsed.data);
  }
  return byOriginal;
}

/** Warns on standard error about leftovers of a damaged original in the written file, at their line and column. */
function warnLeftovers(target: string, text: string, leftovers: Leftover[], id: string): void {
  if (!leftovers.length) return;
  const bodyAt = text.indexOf('\n---\n') + 5;
  const index = new LineIndex(text);
  for (const l of leftovers) {
    const p = index.positionAt(bodyAt + l.start);
    process.stderr.write(
      printable(`factcheck: warning: ${target}:${p.line + 1}:${p.character + 1}: leftover of a damaged original (${l.kind} "${l.text}"): fix it in the raw article, or record it under damage: in the metadata of ${id}`) + '\n',
    );
  }
}

/** Runs the import; returns the paths written. */
export function runImport(rawFiles: string[], opts: { meta?: string; out?: string }): string[] {
  if (rawFiles.length === 0) throw new UsageError('facts import: name at least one raw article');
  const written: string[] = [];
  for (const raw of rawFiles) {
    const rawPath = resolve(raw);
    if (!existsSync(rawPath)) throw new UsageError(`${raw}: no such file`);
    const metaDir = resolve(opts.meta ?? join(dirname(rawPath), '..', 'meta'));
    const meta = readImportMeta(metaDir).get(basename(rawPath));
    if (!meta) throw new UsageError(`${raw}: no metadata file in ${metaDir} has original: ${basename(rawPath)}`);
    const outDir = resolve(opts.out ?? join(dirname(rawPath), '..'));
    let text: string;
    try {
      text = importSource(readFileSync(rawPath, 'utf8'), meta);
    } catch (e) {
      throw new UsageError(`${raw}: ${(e as Error).message} (metadata ${meta.id})`);
    }
    const target = join(outDir, `${meta.id}.md`);
    writeFileSync(target, text);
    written.push(target);
    warnLeftovers(target, text, importLeftovers(readFileSync(rawPath, 'utf8'), meta), meta.id);
  }
  return written;
}
