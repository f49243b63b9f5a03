/**
 * Loads fact-base folders from disk: `sources/*.md` (normalized sources) and every
 * `**\/*.yaml` fact file outside sources/ and schema/, then validates them together.
 * The only module of the fact base that touches the file system.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { MAX_FACT_FILE_BYTES, parseFactFile, type ParsedFactFile } from './parseFactFile';
import { parseSourceFile } from './parseSourceFile';
import { problemAt, sortProblems, type Problem } from './problems';
import { validateFactBase, type FactBaseInput, type ValidationResult } from './validate';

/** The package's root folder (the one holding package.json), found upwards from this module. */
export function packageRoot(from: string = __dirname): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'factcheck-zh') return dir;
      } catch {
        // not our package.json: keep looking upwards
      }
    }
    if (dirname(dir) === dir) throw new Error(`cannot find the factcheck-zh package root above ${from}`);
  }
}

/** The fact base that ships with the package: `<package root>/facts`. */
export function bundledFactsDir(): string {
  return join(packageRoot(), 'facts');
}

/** Relative paths of the fact files of a folder (YAML outside sources/ and schema/, no hidden folders), sorted. */
export function listFactFiles(dir: string): string[] {
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return names
    .filter((n) => /\.ya?ml$/.test(n))
    .filter((n) => {
      const parts = n.split(/[\\/]/);
      if (parts.length > 1 && (parts[0] === 'sources' || parts[0] === 'schema')) return false;
      return !parts.some((p) => p.startsWith('.') || p === 'node_modules');
    })
    .filter((n) => statSync(join(dir, n)).isFile())
    .sort();
}

/** Relative paths of the source files of a folder (sources/*.md), sorted. */
export function listSourceFiles(dir: string): string[] {
  const d = join(dir, 'sources');
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .filter((n) => n.endsWith('.md') && statSync(join(d, n)).isFile())
    .sort()
    .map((n) => join('sources', n));
}

/** Reads a file unless it is over the size limit (then a problem). */
function readLimited(file: string, problems: Problem[]): string | undefined {
  const size = statSync(file).size;
  if (size > MAX_FACT_FILE_BYTES) {
    problems.push(problemAt(file, { line: 0, column: 0 }, `file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FACT_FILE_BYTES / 1024 / 1024} MB — split it into smaller files`));
    return undefined;
  }
  return readFileSync(file, 'utf8');
}

/**
 * Loads and validates fact-base folders together (ids must be unique across all of
 * them). Paths in problems and origins are absolute. Also the coverage of each source.
 */
export function loadFactBase(dirs: string[], overrides: ReadonlyMap<string, string> = new Map()): ValidationResult {
  const problems: Problem[] = [];
  const input: FactBaseInput = { dirs: dirs.map((d) => resolve(d)), factFiles: [], sourceFiles: [] };
  const read = (file: string): string | undefined => overrides.get(file) ?? readLimited(file, problems);
  for (const dir of input.dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      problems.push(problemAt(dir, { line: 0, column: 0 }, 'fact-base folder not found'));
      continue;
    }
    const sources = listSourceFiles(dir);
    const facts = listFactFiles(dir);
    if (sources.length === 0 && facts.length === 0) {
      problems.push(problemAt(dir, { line: 0, column: 0 }, `no fact files (*.yaml) or sources (sources${sep}*.md) in this folder`, 'warning'));
    }
    for (const rel of sources) {
      const file = join(dir, rel);
      const text = read(file);
      if (text !== undefined) input.sourceFiles.push({ file, parsed: parseSourceFile(text, file) });
    }
    for (const rel of facts) {
      const file = join(dir, rel);
      const text = read(file);
      if (text !== undefined) input.factFiles.push(parseFactFile(text, file));
    }
  }
  const result = validateFactBase(input);
  return { ...result, problems: sortProblems([...problems, ...result.problems]) };
}

export type { ParsedFactFile };
