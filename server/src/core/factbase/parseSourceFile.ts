/**
 * Parses one normalized source file (facts/sources/*.md): YAML front matter between
 * `---` lines, checked against the source schema, then the body text. Pure.
 */
import { sourceFrontMatterSchema, type SourceFrontMatter } from './schema';
import { parseYaml } from './parseFactFile';
import { fastFlatMapping } from './fastParse';
import { schemaProblems } from './schemaMessages';
import { problemAt, type FilePosition, type Problem } from './problems';
import type { Source } from '../types';

/** Result of parsing one source file. */
export interface ParsedSourceFile {
  source?: Source;
  problems: Problem[];
  /** Where the source's id is written (the `id:` value in the front matter). */
  idPosition?: FilePosition;
}

const OPEN = /^---[ \t]*(\r?\n|$)/;
const CLOSE = /^---[ \t]*(\r?\n|$)/m;

/** Parses a source file; `file` is used as given for Source.file and in problems. */
export function parseSourceFile(text: string, file: string): ParsedSourceFile {
  const open = OPEN.exec(text);
  if (!open) {
    return { problems: [problemAt(file, { line: 0, column: 0 }, 'a source file starts with YAML front matter: a line "---", the fields id, title, publisher, published, original, then "---"')] };
  }
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) {
    return { problems: [problemAt(file, { line: 0, column: 0 }, 'the front matter is not closed: add a line "---" after its last field')] };
  }
  const { fm, idPosition, problems } = frontMatter(rest.slice(0, close.index), file);
  if (!fm) return idPosition ? { problems, idPosition } : { problems };
  const bodyStart = open[0].length + close.index + close[0].length;
  const body = text.slice(bodyStart);
  const bodyLine = countLines(text, bodyStart);
  if (body.trim() === '') problems.push(problemAt(file, { line: bodyLine, column: 0 }, 'the source has no body text after its front matter'));
  const base = file.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  if (base !== fm.id) {
    problems.push(problemAt(file, idPosition, `source id "${fm.id}" differs from the file name "${base}.md"`, 'warning'));
  }
  const source: Source = {
    id: fm.id,
    title: fm.title,
    publisher: fm.publisher,
    published: fm.published,
    original: fm.original,
    file,
    body,
    bodyLine,
  };
  if (fm.eventDate) source.eventDate = fm.eventDate;
  if (fm.damage?.length) source.damage = fm.damage;
  return { source, problems, idPosition };
}

/**
 * The front matter (the text between the `---` lines, from the file's second line) read
 * and schema-checked, where its id is written, and its problems. Plain `key: value`
 * lines that pass the schema are read the fast way (fastParse.ts, much faster);
 * anything else, and every problem, the `yaml` way.
 */
function frontMatter(
  yamlText: string,
  file: string,
): { fm: SourceFrontMatter; idPosition: FilePosition; problems: Problem[] } | { fm?: undefined; idPosition?: FilePosition; problems: Problem[] } {
  const fast = fastFlatMapping(yamlText, 1);
  const quick = fast && sourceFrontMatterSchema.safeParse(fast.value);
  const at = quick?.success ? fast!.at('id') : undefined;
  if (quick?.success && at) return { fm: quick.data, idPosition: at, problems: [] };
  const y = parseYaml(yamlText, file, 1);
  const problems = y.problems;
  if (y.value === undefined && problems.length) return { problems };
  const parsed = sourceFrontMatterSchema.safeParse(y.value ?? {});
  const idPosition = y.positions.valueAt(['id']);
  if (!parsed.success) {
    problems.push(...schemaProblems(parsed.error.issues, sourceFrontMatterSchema, y.positions, file));
    return { problems, idPosition };
  }
  return { fm: parsed.data, idPosition, problems };
}

/** Number of line breaks (\n, \r\n or \r) before an offset. */
function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}
