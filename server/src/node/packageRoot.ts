/**
 * The package's root folder, where its data files live (facts/, the units table,
 * README.md): found upwards from a module by the package.json named factcheck-zh.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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
