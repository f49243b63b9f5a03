/**
 * The tool's own package: its root folder, name, version and documentation address
 * (for SARIF and the cache key), read from the package.json above this module.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What the CLI says about itself. */
export interface ToolInfo {
  root: string;
  version: string;
  /** Web page of the documentation: package.json homepage or repository, else the README's file URL. */
  helpBase: string;
}

let cached: ToolInfo | undefined;

/** Reads the package.json of factcheck-zh above this module (once). */
export function toolInfo(): ToolInfo {
  if (cached) return cached;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string; homepage?: string; repository?: string | { url?: string } };
      if (pkg.name === 'factcheck-zh') {
        const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
        const web = pkg.homepage ?? repo?.replace(/^git\+/, '').replace(/\.git$/, '');
        const helpBase = web && /^https?:\/\//.test(web) ? web.split('#')[0] : pathToFileURL(path.join(dir, 'README.md')).href;
        cached = { root: dir, version: pkg.version ?? '0.0.0', helpBase };
        return cached;
      }
    }
    if (path.dirname(dir) === dir) throw new Error(`cannot find the factcheck-zh package.json above ${__dirname}`);
  }
}
