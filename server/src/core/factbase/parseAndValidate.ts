/**
 * The uncached part of a load: parse the texts read and validate them together. Its own
 * module, loaded only on a cache miss: a warm start needs none of the fact-file parsers
 * (js-yaml, the fact schemas), which take a while to load.
 */
import { scanQuantities, withUnits } from '../numbers';
import type { Quantity } from '../types';
import { parseFactFile } from './parseFactFile';
import { parseSourceFile } from './parseSourceFile';
import { validateFactBase, type FactBaseInput, type ValidationResult } from './validate';
import { baseUnits } from './unitChecks';

/**
 * One file read for a load, before decoding: its kind, absolute path and content, the
 * bytes read (checked to be UTF-8) or the text given. A load the cache answers never
 * decodes its files (node/loadFactBase.ts).
 */
export interface LoadedFile {
  kind: 'source' | 'fact';
  file: string;
  content: Uint8Array | string;
}

/** Decodes UTF-8 bytes exactly as read (a byte-order mark stays a character of the text, as Buffer's decoding keeps it). */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** A file's text: given as text, or its UTF-8 bytes (checked already) decoded. */
function textOf(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : utf8.decode(content);
}

/** Parses the files read and validates them together; the sources' bodies are scanned for quantities (coverage needs them) with the units the fact files define. */
export function parseAndValidate(dirs: string[], files: LoadedFile[]): ValidationResult {
  const sourceFiles: FactBaseInput['sourceFiles'] = files
    .filter((f) => f.kind === 'source')
    .map(({ file, content }) => ({ file, parsed: parseSourceFile(textOf(content), file) }));
  const factFiles = files.filter((f) => f.kind === 'fact').map(({ file, content }) => parseFactFile(textOf(content), file));
  const units = baseUnits(factFiles);
  const scans = new Map<string, Quantity[]>();
  withUnits(units.table, () => {
    for (const { parsed } of sourceFiles) if (parsed.source) scans.set(parsed.source.body, scanQuantities(parsed.source.body));
  });
  return validateFactBase({ dirs, factFiles, sourceFiles, scans, units });
}
