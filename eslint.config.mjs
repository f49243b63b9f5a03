// ESLint (flat config), run by `npm run lint` inside `npm test`: no unused code and the
// layers' import boundaries. Unused exports and files are knip's (knip.json).
//
// The layers (docs/ARCHITECTURE.md): the core (server/src/core: text and fact base in,
// findings out) reads no files and imports no Node built-in; the Node side (server/src/node:
// files, the clock, the package's data, registered with the core at start) wraps it. The
// language server (server/src/lsp) and the CLI (server/src/cli) call both and never import
// each other; bin/factcheck.js is where they meet. The client (client/src) and the server
// share one protocol module (server/src/protocol.ts), which depends on
// vscode-languageserver-protocol alone. A boundary is a zone of import-x/no-restricted-paths:
// a file under `target` may not import a file under `from`. Imports are resolved
// (TypeScript's resolution), and an import that cannot be resolved is an error, so no
// import slips past a zone unresolved.

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const LAYERS = {
  core: 'server/src/core',
  node: 'server/src/node',
  lsp: 'server/src/lsp',
  cli: 'server/src/cli',
  protocol: 'server/src/protocol.ts',
  /** Pure data both sides read (the table of finding codes, startup marks): it imports nothing of the server. */
  shared: 'server/src/shared',
  server: 'server/src',
  client: 'client/src',
};

/** Folders whose files may not import Node's built-in modules: the core (what it needs of the machine, node/host.ts registers). */
const NODE_BUILTINS_BANNED = [LAYERS.core];

const zones = [
  { target: LAYERS.core, from: [LAYERS.lsp, LAYERS.cli, LAYERS.node, LAYERS.protocol], message: 'The core is pure: it imports neither the language server, the CLI, the Node side nor the protocol.' },
  { target: LAYERS.node, from: [LAYERS.lsp, LAYERS.cli, LAYERS.protocol], message: 'The Node side serves the language server and the CLI: it imports neither of them.' },
  { target: LAYERS.lsp, from: LAYERS.cli, message: 'The language server and the CLI never import each other (bin/factcheck.js joins them).' },
  { target: LAYERS.cli, from: LAYERS.lsp, message: 'The language server and the CLI never import each other (bin/factcheck.js joins them).' },
  { target: LAYERS.protocol, from: LAYERS.server, except: ['./protocol.ts', './shared'], message: 'protocol.ts imports nothing from the server but shared/: the client loads it.' },
  { target: LAYERS.client, from: LAYERS.server, except: ['./protocol.ts', './shared'], message: 'The client imports nothing from the server but protocol.ts and shared/.' },
  { target: LAYERS.shared, from: LAYERS.server, except: ['./shared'], message: 'shared/ is data both sides read: it imports nothing of the server.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/e2e/artifacts/**', 'test/cli/artifacts/**', '.factcheck-cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', ignoreRestSiblings: true, caughtErrors: 'none', varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
      'no-unused-expressions': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: false, allowTernary: false }],
      'no-unused-private-class-members': 'error',
      'no-useless-assignment': 'error',
      'no-restricted-syntax': ['error', { selector: "UnaryExpression[operator='void'][argument.type='Identifier']", message: '`void name` only hides an unused name: remove the name instead.' }],
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true }],
      'prefer-const': ['error', { destructuring: 'all' }],
      // require() only where a module is loaded on demand, each one marked; `import x = require()` is an import.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['server/tsconfig.json', 'client/tsconfig.json', 'test/tsconfig.json', 'test/e2e/tsconfig.json'], noWarnOnMultipleProjects: true })] },
    rules: {
      'import-x/no-unresolved': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  ...NODE_BUILTINS_BANNED.map((dir) => ({
    files: [`${dir}/**/*.ts`],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-nodejs-modules': 'error' },
  })),
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
