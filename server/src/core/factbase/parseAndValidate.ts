/**
 * The uncached part of a load: parse the texts read and validate them together. Its own
 * module, loaded only on a cache miss: a warm start needs none of the fact-file parsers
 * (js-yaml, the fact schemas; ~20 ms to load).
 */
import { scanQuantities } from '../numbers';
import { textOf } from '../utf8';
import type { Quantity } from '../types';
import type { LoadedFile } from './loadCache';
import { parseFactFile } from './parseFactFile';
import { parseSourceFile } from './parseSourceFile';
import { validateFactBase, type FactBaseInput, type ValidationResult } from './validate';

/** Parses the files read (the sources' bodies scanned for quantities, which coverage needs) and validates them together. */
export function parseAndValidate(dirs: string[], files: LoadedFile[]): ValidationResult {
  const sourceFiles: FactBaseInput['sourceFiles'] = files
    .filter((f) => f.kind === 'source')
    .map(({ file, content }) => ({ file, parsed: parseSourceFile(textOf(content), file) }));
  const scans = new Map<string, Quantity[]>();
  for (const { parsed } of sourceFiles) if (parsed.source) scans.set(parsed.source.body, scanQuantities(parsed.source.body));
  const factFiles = files.filter((f) => f.kind === 'fact').map(({ file, content }) => parseFactFile(textOf(content), file));
  return validateFactBase({ dirs, factFiles, sourceFiles, scans });
}
