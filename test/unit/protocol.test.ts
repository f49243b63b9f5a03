/**
 * The shared protocol module (server/src/protocol.ts) stays light: loading it loads
 * vscode-languageserver-protocol and nothing of the core (no zod, no engine), so the VS
 * Code client, which imports it, stays small. Its allowlist file name is the core's.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, relative, resolve, sep } from 'node:path';
import { ALLOW_FILE_NAME } from '../../server/src/core';
import { ALLOWLIST_FILE } from '../../server/src/protocol';

const OUT = resolve(__dirname, '..', '..');
const ROOT = resolve(OUT, '..');

describe('protocol module', () => {
  it('names the allowlist file as the core does', () => {
    assert.equal(ALLOWLIST_FILE, ALLOW_FILE_NAME);
  });

  it('loads no module of the core and no library but the protocol package', () => {
    const script = `require(${JSON.stringify(join(OUT, 'server', 'src', 'protocol.js'))}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const loaded = (JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[]).map((f) => relative(ROOT, f).split(sep).join('/'));
    assert.deepEqual(loaded.filter((f) => f.startsWith('out/')), ['out/server/src/protocol.js']);
    const packages = new Set(loaded.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/').slice(1, f.startsWith('node_modules/@') ? 3 : 2).join('/')));
    assert.deepEqual([...packages].sort(), ['vscode-jsonrpc', 'vscode-languageserver-protocol', 'vscode-languageserver-types']);
  });
});
