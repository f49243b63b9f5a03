/**
 * EntryPositions (the compact tables kept after a fact file's YAML document is dropped)
 * answer every entry and field position exactly as YamlPositions does on the document,
 * on the bundled fact files and on YAML written in unusual ways; documents they do not
 * cover are refused (the document is kept then).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml, SECTIONS, EntryPositions } from '../../server/src/core/factbase';
import { bundledFactsDir, listFactFiles } from '../../server/src/node';

const FIELDS = ['id', 'name', 'aliases', 'partOf', 'subject', 'terms', 'unit', 'kind', 'measure', 'value', 'high', 'qualifier', 'figure', 'period', 'periodText', 'published', 'source', 'quote', 'estimate', 'conflictsWith', 'note', 'person', 'titles', 'organisation', 'context', 'reason', 'nope'];

/** Asserts the tables agree with the document on every entry and field of `text`. */
function agree(text: string): number {
  const y = parseYaml(text, 'f.yaml');
  assert.ok(y.doc);
  const compact = EntryPositions.build(y.doc, text, y.lines);
  assert.ok(compact, 'tables refused');
  let n = 0;
  const value = (y.value ?? {}) as Record<string, unknown>;
  for (const s of SECTIONS) {
    const items = value[s];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (!item || typeof item !== 'object') return;
      assert.deepEqual(compact.entry(s, i), y.positions.valueAt([s, i]), `${s}[${i}]`);
      for (const f of FIELDS) {
        assert.deepEqual(compact.entry(s, i, f), y.positions.valueAt([s, i, f]), `${s}[${i}].${f}`);
        assert.deepEqual(compact.entryText(s, i, f, 1, 2), y.positions.textAt([s, i, f], 1, 2), `${s}[${i}].${f} text`);
        n++;
      }
    });
  }
  return n;
}

describe('factbase: compact entry positions', () => {
  it('agree with the document on every bundled fact file', () => {
    const dir = bundledFactsDir();
    for (const rel of listFactFiles(dir)) assert.ok(agree(readFileSync(join(dir, rel), 'utf8')) > 0, rel);
  });

  it('agree on quoted, empty, flow, commented and multi-line values', () => {
    const text = [
      '# comment',
      'subjects:',
      '  - {id: a, name: "A 区", aliases: [x, y]}',
      '  - id: b',
      '    name:',
      "    partOf: 'a'",
      '    aliases:',
      '      - "z\\u0041"',
      'measures: []',
      'observations:',
      '  -   id: o1   # trailing comment',
      '      figure: >-',
      '        37个',
      '      quote: "怀柔\\n区"',
      '      value: 0x1F',
      '      period: 2024',
      '  - plain',
      '  -',
      '  - id: o2',
      '    quote: 一行',
      '      接着一行',
      'exclusions:',
      'roles: ~',
      '',
    ].join('\n');
    assert.ok(agree(text) > 0);
  });

  it('refuse documents with aliases, complex keys or errors', () => {
    for (const text of ['a: &x 1\nobservations:\n  - id: *x\n', 'observations:\n  - ? [a]\n    : 1\n', 'observations:\n  - id: a\n    id: b\n', '[1, 2]\n']) {
      const y = parseYaml(text, 'f.yaml');
      assert.equal(y.doc && EntryPositions.build(y.doc, text, y.lines), undefined, text);
    }
  });
});
