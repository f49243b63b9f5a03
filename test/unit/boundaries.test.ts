/**
 * The layers' import boundaries (eslint.config.mjs), checked on sample files placed in
 * each layer: every forbidden import is reported by import-x/no-restricted-paths, and the
 * allowed ones are not. `npm run lint` applies the same rules to the real files.
 */
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import type { ESLint as ESLintType } from 'eslint';

const ROOT = resolve(__dirname, '..', '..', '..');

/** The rule reporting a Node built-in imported where none may be. */
const BUILTIN = 'import-x/no-nodejs-modules';

/** Sample file (relative to the root) → its imports, each forbidden (by the boundary rule, or the rule named) or not. */
const SAMPLES: [file: string, imports: [spec: string, forbidden: boolean | string][]][] = [
  ['server/src/core/zz-sample.ts', [['../lsp/server', true], ['../cli/main', true], ['../node', true], ['../protocol', true], ['node:fs', BUILTIN], ['path', BUILTIN], ['./types', false], ['./numbers', false], ['yaml', false]]],
  ['server/src/core/factbase/zz-sample.ts', [['../../lsp/hover', true], ['../../cli/checkCommand', true], ['../../node/loadFactBase', true], ['node:worker_threads', BUILTIN], ['../types', false]]],
  ['server/src/node/zz-sample.ts', [['../lsp/server', true], ['../cli/main', true], ['../core', false], ['node:fs', false]]],
  ['server/src/lsp/zz-sample.ts', [['../cli/main', true], ['../core', false], ['../node', false], ['../protocol', false]]],
  ['server/src/cli/zz-sample.ts', [['../lsp/server', true], ['../lsp/connection', true], ['../core', false], ['../node', false]]],
  ['client/src/zz-sample.ts', [['../../server/src/core/draft/suppression', true], ['../../server/src/lsp/server', true], ['../../server/src/protocol', false], ['./statusBar', false]]],
];

describe('import boundaries (eslint.config.mjs)', function () {
  this.timeout(60_000);
  let eslint: ESLintType;

  before(async () => {
    const { ESLint } = await import('eslint');
    eslint = new ESLint({ cwd: ROOT });
  });

  for (const [file, imports] of SAMPLES) {
    it(`${file}: ${imports.filter(([, f]) => f).length} forbidden import(s) reported, the others allowed`, async () => {
      const code = imports.map(([spec], i) => `import * as m${i} from '${spec}';\n`).join('') + `export const all = [${imports.map((_, i) => `m${i}`).join(', ')}];\n`;
      const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
      const rules = (line: number) => result.messages.filter((m) => m.line === line).map((m) => m.ruleId);
      imports.forEach(([spec, forbidden], i) => {
        const rule = typeof forbidden === 'string' ? forbidden : 'import-x/no-restricted-paths';
        assert.deepEqual(rules(i + 1), forbidden ? [rule] : [], `${file} imports ${spec}`);
      });
    });
  }

  it('the protocol module may import nothing from the server', async () => {
    const [result] = await eslint.lintText("import { SEVERITY } from './core/types';\nexport const s = SEVERITY;\n", { filePath: join(ROOT, 'server/src/protocol.ts') });
    assert.deepEqual(result.messages.map((m) => m.ruleId), ['import-x/no-restricted-paths']);
  });
});
