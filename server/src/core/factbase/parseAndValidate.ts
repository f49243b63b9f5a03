/**
 * The uncached part of a load: parse the texts read and validate them together. Its own
 * module, loaded only on a cache miss: a warm start needs none of the fact-file parsers
 * (js-yaml, the fact schemas; ~20 ms to load).
 */
import { scanQuantities } from '../numbers';
import type { Quantity } from '../types';
import type { LoadedText } from './loadCache';
import { parseFactFiles } from './parallelParse';
import { parseSourceFile } from './parseSourceFile';
import { validateFactBase, type FactBaseInput, type ValidationResult } from './validate';

/**
 * Parses the texts read and validates them together. A large base's fact files are
 * parsed in worker threads while this one parses the sources and scans their bodies for
 * quantities (coverage needs them).
 */
export function parseAndValidate(dirs: string[], texts: LoadedText[], workers = true): ValidationResult {
  let sourceFiles: FactBaseInput['sourceFiles'] = [];
  const scans = new Map<string, Quantity[]>();
  const sources = (): void => {
    sourceFiles = texts.filter((t) => t.kind === 'source').map(({ file, text }) => ({ file, parsed: parseSourceFile(text, file) }));
    for (const { parsed } of sourceFiles) if (parsed.source) scans.set(parsed.source.body, scanQuantities(parsed.source.body));
  };
  const factFiles = parseFactFiles(
    texts.filter((t) => t.kind === 'fact'),
    { alongside: sources, workers },
  );
  return validateFactBase({ dirs, factFiles, sourceFiles, scans });
}
