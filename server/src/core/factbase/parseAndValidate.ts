/**
 * The uncached part of a load: parse the texts read and validate them together. Its own
 * module, loaded only on a cache miss: a warm start needs none of the fact-file parsers
 * (js-yaml, the fact schemas; ~20 ms to load).
 */
import { scanQuantities, withUnits } from '../numbers';
import { textOf } from '../utf8';
import type { Quantity } from '../types';
import type { LoadedFile } from './loadCache';
import { parseFactFiles } from './parallelParse';
import { parseSourceFile } from './parseSourceFile';
import { validateFactBase, type FactBaseInput, type ValidationResult } from './validate';
import { baseUnits } from './unitChecks';

/**
 * Parses the files read and validates them together. A large base's fact files are
 * parsed in worker threads while this one parses the sources; their bodies are then
 * scanned for quantities (coverage needs them) with the units the fact files define.
 */
export function parseAndValidate(dirs: string[], files: LoadedFile[], workers = true): ValidationResult {
  let sourceFiles: FactBaseInput['sourceFiles'] = [];
  const sources = (): void => {
    sourceFiles = files
      .filter((f) => f.kind === 'source')
      .map(({ file, content }) => ({ file, parsed: parseSourceFile(textOf(content), file) }));
  };
  const factFiles = parseFactFiles(
    files.filter((f) => f.kind === 'fact'),
    { alongside: sources, workers },
  );
  const units = baseUnits(factFiles);
  const scans = new Map<string, Quantity[]>();
  withUnits(units.table, () => {
    for (const { parsed } of sourceFiles) if (parsed.source) scans.set(parsed.source.body, scanQuantities(parsed.source.body));
  });
  return validateFactBase({ dirs, factFiles, sourceFiles, scans, units });
}
