/**
 * The uncached part of a load: parse the texts read and validate them together. Its own
 * module, loaded only on a cache miss: a warm start needs none of the fact-file parsers
 * (js-yaml, the fact schemas; ~20 ms to load).
 */
import { scanQuantities, withUnits } from '../numbers';
import { textOf } from '../utf8';
import type { Quantity } from '../types';
import type { LoadedFile } from './loadCache';
import { parseFactFile } from './parseFactFile';
import { parseSourceFile } from './parseSourceFile';
import { validateFactBase, type FactBaseInput, type ValidationResult } from './validate';
import { baseUnits } from './unitChecks';

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
