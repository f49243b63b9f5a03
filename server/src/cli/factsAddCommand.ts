/**
 * `factcheck facts add FILE --id … --title … --publisher … --published …`: imports a new
 * source into a fact-base folder with the existing normalization (core/sources), writing
 * the raw file, its metadata file and the normalized source; refuses an id or a text the
 * base already has; prints what to do next.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { importMetaSchema, type ImportMeta, importSource, normalizeBody, scanQuantities } from '../core';
import { loadFactBase } from '../node';
import { UsageError } from './errors';
import { FACTS_ADD_USAGE } from './help';

/** What `facts add` wrote. */
export interface AddResult {
  source: string;
  meta: string;
  raw: string;
  figures: number;
}

/** Imports `file` into the fact-base folder `dir` as source `meta.id`. */
export function addSource(file: string, meta: ImportMeta, dir: string): AddResult {
  const raw = readFileSync(file, 'utf8');
  let text: string;
  try {
    text = importSource(raw, meta);
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
  const body = normalizeBody(raw, meta);
  if (!body.trim()) throw new UsageError(`${file}: no text left after normalization`);
  const sources = join(dir, 'sources');
  const target = join(sources, `${meta.id}.md`);
  if (existsSync(target)) throw new UsageError(`${target}: a source with id ${meta.id} exists already; choose another --id`);
  if (existsSync(dir)) {
    const { base } = loadFactBase([dir], new Map(), { cache: false });
    if (base.sources.some((s) => s.id === meta.id)) throw new UsageError(`source id ${meta.id} is taken in ${dir}; choose another --id`);
    const same = base.sources.find((s) => s.body === body);
    if (same) throw new UsageError(`${file}: this text is already in the fact base as source ${same.id} (${relative(process.cwd(), same.file)})`);
  }
  const rawDir = join(sources, 'raw');
  const metaDir = join(sources, 'meta');
  mkdirSync(rawDir, { recursive: true });
  mkdirSync(metaDir, { recursive: true });
  const rawTarget = join(rawDir, meta.original);
  if (existsSync(rawTarget) && readFileSync(rawTarget, 'utf8') !== raw) {
    throw new UsageError(`${rawTarget}: another raw file of that name exists; rename ${file}`);
  }
  if (!existsSync(rawTarget)) copyFileSync(file, rawTarget);
  const metaFile = join(metaDir, `${meta.id}.yaml`);
  const { dropLines, ...rest } = meta;
  writeFileSync(metaFile, `# Import metadata of ${meta.id} (factcheck facts add). bodyStart, bodyEnd and dropLines cut site furniture; re-import with factcheck facts import.\n${stringify({ ...rest, ...(dropLines.length ? { dropLines } : {}) })}`);
  writeFileSync(target, text);
  return { source: target, meta: metaFile, raw: rawTarget, figures: scanQuantities(body).length };
}

/** Runs the command and resolves to its exit status. */
export async function runFactsAdd(args: string[]): Promise<number> {
  const { values: v, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      title: { type: 'string' },
      publisher: { type: 'string' },
      published: { type: 'string' },
      'event-date': { type: 'string' },
      url: { type: 'string' },
      format: { type: 'string' },
      facts: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help) {
    process.stdout.write(FACTS_ADD_USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`facts add: name one file to import\n${FACTS_ADD_USAGE}`);
  const file = resolve(positionals[0]);
  if (!existsSync(file)) throw new UsageError(`${positionals[0]}: no such file`);
  const missing = (['id', 'title', 'publisher', 'published'] as const).filter((k) => !v[k]);
  if (missing.length) throw new UsageError(`facts add: missing ${missing.map((m) => `--${m}`).join(', ')}\n${FACTS_ADD_USAGE}`);
  const format = v.format ?? (/^\.html?$/i.test(extname(file)) ? 'html' : 'text');
  const parsed = importMetaSchema.safeParse({
    id: v.id,
    title: v.title,
    publisher: v.publisher,
    published: v.published,
    ...(v['event-date'] ? { eventDate: v['event-date'] } : {}),
    ...(v.url ? { url: v.url } : {}),
    original: basename(file),
    format,
  });
  if (!parsed.success) throw new UsageError(`facts add: ${parsed.error.issues.map((i) => `--${i.path.join('.').replace('eventDate', 'event-date')}: ${i.message}`).join('; ')}`);
  const dir = resolve(v.facts ?? 'facts');
  const r = addSource(file, parsed.data, dir);
  const rel = (p: string) => relative(process.cwd(), p) || p;
  const facts = rel(dir);
  process.stdout.write(
    `wrote ${rel(r.source)} (${r.figures} figures found), ${rel(r.meta)} and ${rel(r.raw)}\n` +
      `next:\n` +
      `  factcheck facts suggest ${parsed.data.id} --facts ${facts}           # what the source states that the base does not hold yet\n` +
      `  factcheck facts suggest ${parsed.data.id} --facts ${facts} --write   # add it to the fact files, each entry marked reviewed: false\n` +
      `  review each entry against the source; delete its "reviewed: false" line to accept it (the checker ignores it until then)\n` +
      `  factcheck facts check --facts ${facts}                            # quotes, values, coverage; lists what is not reviewed yet\n`,
  );
  return 0;
}
