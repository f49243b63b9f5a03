/**
 * Checks package.json's contributions against the code: every contributed command has a
 * handler in the client's command table and every handler is contributed; every setting
 * is read by the server or the client; every %key% and l10n string has its English and
 * Chinese text. The command table is read from client/src/commands.ts with the
 * TypeScript parser (the client itself cannot be loaded outside VS Code).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');

interface PackageJson {
  main: string;
  l10n: string;
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, unknown> };
    grammars: { path: string; scopeName: string; injectTo?: string[] }[];
    menus?: Record<string, { command: string }[]>;
    yamlValidation: { url: string }[];
  };
}

function readJson<T>(rel: string): T {
  return JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8')) as T;
}

function parse(rel: string): ts.SourceFile {
  return ts.createSourceFile(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** The initializer of `const NAME = …` in a source file, with `as const` and type assertions unwrapped. */
function constInitializer(file: ts.SourceFile, name: string): ts.Expression {
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) {
      found = node.initializer;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  assert.ok(found, `${file.fileName}: no const ${name}`);
  let expr = found;
  while (ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isParenthesizedExpression(expr)) expr = expr.expression;
  return expr;
}

function propertyNames(obj: ts.Expression): string[] {
  assert.ok(ts.isObjectLiteralExpression(obj), 'expected an object literal');
  return obj.properties.map((p) => {
    assert.ok(p.name && (ts.isStringLiteral(p.name) || ts.isIdentifier(p.name)), `unexpected property ${p.getText()}`);
    return p.name.text;
  });
}

function stringElements(arr: ts.Expression): string[] {
  assert.ok(ts.isArrayLiteralExpression(arr), 'expected an array literal');
  return arr.elements.map((e) => {
    assert.ok(ts.isStringLiteral(e), `unexpected element ${e.getText()}`);
    return e.text;
  });
}

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

/** First-argument string literals of every `l10n.t(…)` call in the client. */
function l10nStrings(): string[] {
  const out: string[] = [];
  for (const rel of sourceFiles('client/src')) {
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 't' &&
        node.expression.expression.getText().endsWith('l10n')
      ) {
        const first = node.arguments[0];
        assert.ok(first && ts.isStringLiteralLike(first), `${rel}: l10n.t needs a literal message: ${node.getText()}`);
        out.push(first.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(parse(rel));
  }
  return out;
}

describe('package.json contributions', () => {
  const pkg = readJson<PackageJson>('package.json');
  const contributed = pkg.contributes.commands.map((c) => c.command).sort();

  it('contributes exactly the commands of the client command table, each with a handler', () => {
    const ids = stringElements(constInitializer(parse('client/src/commandIds.ts'), 'COMMAND_IDS')).sort();
    const handlers = propertyNames(constInitializer(parse('client/src/commands.ts'), 'COMMANDS')).sort();
    assert.deepStrictEqual(contributed, ids, 'package.json commands vs COMMAND_IDS');
    assert.deepStrictEqual(handlers, ids, 'COMMANDS handlers vs COMMAND_IDS');
    assert.ok(contributed.length >= 4);
  });

  it('puts every command in the "Fact Check" category with a localized title', () => {
    for (const c of pkg.contributes.commands) {
      assert.strictEqual(c.category, '%command.category%', c.command);
      assert.match(c.title, /^%command\.[A-Za-z]+%$/, c.command);
    }
    for (const entries of Object.values(pkg.contributes.menus ?? {})) {
      for (const e of entries) assert.ok(contributed.includes(e.command), `menu entry for unknown command ${e.command}`);
    }
  });

  it('reads every contributed setting in the server or the client', () => {
    const code = [...sourceFiles('server/src/lsp'), ...sourceFiles('client/src'), 'server/src/protocol.ts']
      .filter((f) => fs.existsSync(path.join(ROOT, f)))
      .map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'))
      .join('\n');
    const clientId = fs.readFileSync(path.join(ROOT, 'client/src/languageClient.ts'), 'utf8');
    const settings = Object.keys(pkg.contributes.configuration.properties);
    assert.ok(settings.length >= 7);
    for (const key of settings) {
      assert.match(key, /^factcheck\./);
      if (key === 'factcheck.trace.server') {
        // vscode-languageclient reads `<client id>.trace.server` itself.
        assert.match(clientId, /CLIENT_ID = 'factcheck'/, 'the client id must be "factcheck" for factcheck.trace.server');
        continue;
      }
      const name = key.slice('factcheck.'.length);
      assert.match(code, new RegExp(`\\b${name}\\b`), `${key} is read nowhere in server/src/lsp or client/src`);
    }
  });

  it('has English and Chinese text for every %key% of package.json', () => {
    const en = readJson<Record<string, string>>('package.nls.json');
    const zh = readJson<Record<string, string>>('package.nls.zh-cn.json');
    const keys = [...fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    for (const k of keys) {
      assert.ok(en[k], `package.nls.json lacks ${k}`);
      assert.ok(zh[k], `package.nls.zh-cn.json lacks ${k}`);
    }
    assert.deepStrictEqual(Object.keys(zh).sort(), Object.keys(en).sort(), 'the two nls files have the same keys');
  });

  it('has a Chinese translation for every message the client shows', () => {
    const en = readJson<Record<string, string>>(path.join(pkg.l10n, 'bundle.l10n.json'));
    const zh = readJson<Record<string, string>>(path.join(pkg.l10n, 'bundle.l10n.zh-cn.json'));
    const used = [...new Set(l10nStrings())].sort();
    assert.ok(used.length > 5);
    assert.deepStrictEqual(Object.keys(en).sort(), used, 'l10n/bundle.l10n.json is stale: run `npm run l10n`');
    for (const s of used) assert.ok(zh[s], `l10n/bundle.l10n.zh-cn.json lacks "${s}"`);
    for (const [s, t] of Object.entries(zh)) {
      const placeholders = (x: string): string[] => (x.match(/\{\d+\}/g) ?? []).sort();
      assert.deepStrictEqual(placeholders(t), placeholders(s), `placeholders differ in the translation of "${s}"`);
    }
  });

  it('points at files that exist', () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'client/src/extension.ts')), 'client entry source');
    assert.strictEqual(pkg.main, './dist/extension.js'); // the bundle of client/src/extension.ts (scripts/bundle.mjs)
    for (const g of pkg.contributes.grammars) {
      const grammar = readJson<{ scopeName: string }>(g.path);
      assert.strictEqual(grammar.scopeName, g.scopeName, g.path);
    }
    for (const v of pkg.contributes.yamlValidation) assert.ok(fs.existsSync(path.join(ROOT, v.url)), v.url);
    assert.ok(pkg.activationEvents.includes('onLanguage:markdown'));
  });
});
