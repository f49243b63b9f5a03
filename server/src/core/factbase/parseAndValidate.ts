/**
 * The uncached part of a load: parse the texts read and validate them together. Its own
 * module, loaded only on a cache miss: a warm start needs none of the fact-file parsers
 * (js-yaml, the fact schemas; ~20 ms to load).
 */
import { scanQuantities } from '../numbers';
import { textOf } from '../utf8';
import type { Quantity } from '../types';
import type { LoadedFile } from './loadCache';
import { parseFactFiles } from './parallelParse';
import { parseSourceFile } from './parseSourceFile';
import { validateFactBase, type FactBaseInput, type ValidationResult } from './validate';

/**
 * Parses the files read and validates them together. A large base's fact files are
 * parsed in worker threads while this one parses the sources and scans their bodies for
 * quantities (coverage needs them).
 */
export function parseAndValidate(dirs: string[], files: LoadedFile[], workers = true): ValidationResult {
  let sourceFiles: FactBaseInput['sourceFiles'] = [];
  const scans = new Map<string, Quantity[]>();
  const sources = (): void => {
    sourceFiles = files
      .filter((f) => f.kind === 'source')
      .map(({ file, content }) => ({ file, parsed: parseSourceFile(textOf(content), file) }));
    for (const { parsed } of sourceFiles) if (parsed.source) scans.set(parsed.source.body, scanQuantities(parsed.source.body));
  };
  const factFiles = parseFactFiles(
    files.filter((f) => f.kind === 'fact'),
    { alongside: sources, workers },
  );
  return validateFactBase({ dirs, factFiles, sourceFiles, scans });
}
