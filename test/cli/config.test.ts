/**
 * factcheck.config.json: found from the working folder upwards, validated with zod,
 * problems named by file:line:column; the committed JSON Schema is current.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configJsonSchema, findConfigFile, loadConfig, parseConfig } from '../../server/src/cli/config';
import { UsageError } from '../../server/src/cli/errors';
import { ROOT, cleanupScratch, scratchDir, writeTree } from './support';

const SCHEMA_FILE = path.join(ROOT, 'schemas/factcheck.config.schema.json');

function problem(text: string): string {
  try {
    parseConfig(text, 'factcheck.config.json');
  } catch (e) {
    assert.ok(e instanceof UsageError, String(e));
    return e.message;
  }
  return assert.fail('expected a problem');
}

describe('cli: configuration', () => {
  after(cleanupScratch);

  it('accepts a full configuration, with comments', () => {
    const c = parseConfig(
      `{
  // project settings
  "$schema": "./schemas/factcheck.config.schema.json",
  "facts": ["facts", "more-facts"],
  "asOf": "2025-08-01",
  "locale": "zh-CN",
  "include": ["drafts/**/*.md"],
  "exclude": ["drafts/old/"],
  "severity": { "unverified": "off", "outdated-value": "error" },
  "reportUnverified": false,
  "maxWarnings": 3,
}`,
      'f.json',
    );
    assert.deepEqual(c.severity, { unverified: 'off', 'outdated-value': 'error' });
    assert.equal(c.maxWarnings, 3);
  });

  it('names the line and column of a wrong value, an unknown key and broken JSON', () => {
    assert.match(problem('{\n  "asOf": "2025-8-1"\n}'), /^factcheck\.config\.json:2:11: dates are written YYYY-MM-DD \(asOf\)$/);
    assert.match(problem('{\n  "facts": [],\n  "colour": true\n}'), /^factcheck\.config\.json:3:3: .*colour/);
    assert.match(problem('{\n  "severity": {\n    "wrong-value": "fatal"\n  }\n}'), /^factcheck\.config\.json:3:20: .*severity\.wrong-value/);
    assert.match(problem('{\n  "severity": {\n    "no-such-code": "off"\n  }\n}'), /^factcheck\.config\.json:3:5: /);
    assert.match(problem('{\n  "facts": ["a"\n'), /^factcheck\.config\.json:3:1: invalid JSON/);
  });

  it('is found in the working folder or above, and can be switched off', () => {
    const dir = scratchDir();
    writeTree(dir, { 'factcheck.config.json': '{ "asOf": "2024-01-02", "facts": ["kb"] }', 'a/b/x.md': '' });
    const sub = path.join(dir, 'a/b');
    assert.equal(findConfigFile(sub), path.join(dir, 'factcheck.config.json'));
    const loaded = loadConfig(sub);
    assert.equal(loaded.config.asOf, '2024-01-02');
    assert.equal(loaded.dir, dir);
    assert.deepEqual(loadConfig(sub, undefined, true).config, {});
    assert.throws(() => loadConfig(sub, 'nope.json'), /nope\.json: cannot read configuration/);
  });

  it('has a committed JSON Schema that matches the zod schema (UPDATE_GOLDEN=1 regenerates it)', () => {
    const text = JSON.stringify(configJsonSchema(), null, 2) + '\n';
    if (process.env.UPDATE_GOLDEN === '1') {
      fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
      fs.writeFileSync(SCHEMA_FILE, text);
    }
    assert.equal(fs.readFileSync(SCHEMA_FILE, 'utf8'), text, 'schemas/factcheck.config.schema.json is stale: run the CLI tests with UPDATE_GOLDEN=1');
  });
});
