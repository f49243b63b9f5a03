/**
 * factcheck.config.json: the project's settings for `factcheck check`, found from the
 * working directory upwards, parsed with jsonc-parser (comments allowed) and validated
 * with zod. Problems are reported as UsageError naming the file, line and column.
 * The JSON Schema in schemas/factcheck.config.schema.json is generated from configSchema.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as jsonc from 'jsonc-parser';
import { z } from 'zod';
import { UsageError } from './errors';
import { ALLOW_FILE_NAME } from '../core';
import { FINDING_CODES, SEVERITY_SETTINGS } from '../shared/findingCodes';

/** File name looked for in the working directory and its parents. */
export const CONFIG_FILE_NAME = 'factcheck.config.json';

/** Every finding code (the table of finding codes in shared/findingCodes.ts). */
export { FINDING_CODES };

const severitySetting = z
  .enum(SEVERITY_SETTINGS)
  .describe('Severity to report this code with, or "off" to drop it.');

/** zod schema of factcheck.config.json. */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema of this file (for editors).'),
    facts: z
      .array(z.string().min(1))
      .optional()
      .describe('Fact base folders, relative to this file. Default: the bundled fact base.'),
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
      .optional()
      .describe("Date drafts are checked as of (YYYY-MM-DD) unless a draft's front matter gives one."),
    locale: z.enum(['zh', 'zh-CN', 'en']).optional().describe('Language of messages.'),
    freshness: z
      .int()
      .min(0)
      .optional()
      .describe("Months a source's latest figure decides a figure stated without a period; past them a different value is unverified (default 6)."),
    include: z
      .array(z.string().min(1))
      .optional()
      .describe('Globs of drafts to check when a folder is given (default **/*.md, **/*.markdown, **/*.txt).'),
    exclude: z.array(z.string().min(1)).optional().describe('Globs of files never to check (besides .gitignore).'),
    severity: z
      .partialRecord(z.enum(FINDING_CODES), severitySetting)
      .optional()
      .describe('Severity per finding code.'),
    reportUnverified: z.boolean().optional().describe('Report claims that match no fact as information (default true).'),
    maxWarnings: z.int().min(0).optional().describe('Exit with status 1 when there are more warnings than this.'),
  })
  .describe('Settings of `factcheck check` (factcheck.config.json).');

/** A validated configuration. */
export type Config = z.infer<typeof configSchema>;

/** A configuration and the file it came from. */
export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file, or undefined when none was found. */
  file?: string;
  /** Folder relative paths in the config are resolved from. */
  dir: string;
}

/** The JSON Schema of the configuration file, as committed in schemas/. */
export function configJsonSchema(): object {
  return z.toJSONSchema(configSchema, { target: 'draft-2020-12', io: 'input' });
}

/** Finds factcheck.config.json in `from` or one of its parents. */
export function findConfigFile(from: string): string | undefined {
  return findUpwards(from, CONFIG_FILE_NAME);
}

/** The nearest `.factcheck-allow.json` (claims accepted in the editor) from a folder upwards. */
export function findAllowFile(from: string): string | undefined {
  return findUpwards(from, ALLOW_FILE_NAME);
}

/** The nearest file of a name in a folder or its ancestors. */
function findUpwards(from: string, name: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** 1-based line and column of an offset, for messages. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) ;
  return `${line}:${column}`;
}

/** Parses and validates a configuration text; throws UsageError naming file:line:column. */
export function parseConfig(text: string, file: string): Config {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const e = errors[0];
    const where = e ? lineColumn(text, e.offset) : '1:1';
    const what = e ? jsonc.printParseErrorCode(e.error) : 'empty file';
    throw new UsageError(`${file}:${where}: invalid JSON (${what})`);
  }
  const result = configSchema.safeParse(jsonc.getNodeValue(tree));
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    // Point at the deepest node of the path that exists in the file.
    const p = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    let node: jsonc.Node | undefined;
    for (let n = p.length; n >= 0 && !node; n--) node = jsonc.findNodeAtLocation(tree, p.slice(0, n));
    if (issue.code === 'unrecognized_keys' && node) {
      const prop = node.children?.find((c) => c.children?.[0]?.value === issue.keys[0]);
      if (prop) node = prop;
    }
    const where = lineColumn(text, node?.offset ?? 0);
    const at = p.length ? ` (${p.join('.')})` : '';
    return `${file}:${where}: ${issue.message}${at}`;
  });
  throw new UsageError(lines.join('\n'));
}

/** Loads the configuration: an explicit file, else the nearest one above `cwd`, else defaults. */
export function loadConfig(cwd: string, explicit?: string, disabled = false): LoadedConfig {
  if (disabled) return { config: {}, dir: cwd };
  const file = explicit ? path.resolve(cwd, explicit) : findConfigFile(cwd);
  if (!file) return { config: {}, dir: cwd };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read configuration: ${(e as Error).message}`);
  }
  return { config: parseConfig(text, file), file, dir: path.dirname(file) };
}
