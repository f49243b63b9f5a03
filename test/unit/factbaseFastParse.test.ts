/**
 * The fast parse of fact files (js-yaml and a line scan, fastParse.ts) gives exactly what
 * the `yaml` way gives — data, problems, entry and field positions — on the files it
 * takes, and refuses every file it could read differently (anchors, aliases, tags, merge
 * keys, duplicate keys, syntax errors, unusual layouts), which then go the `yaml` way.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseFactFile, SECTIONS, type ParsedFactFile, fastFactFile } from '../../server/src/core/factbase';
import { bundledFactsDir, listFactFiles } from '../../server/src/node';

const FIELDS = ['id', 'name', 'aliases', 'partOf', 'subject', 'terms', 'unit', 'kind', 'measure', 'value', 'high', 'qualifier', 'figure', 'period', 'quote', 'source', 'estimate', 'context', 'reason', 'nope'];

/** parseFactFile with the fast parse off (the `yaml` way). */
function slowParse(text: string): ParsedFactFile {
  const before = process.env.FACTCHECK_FAST_YAML;
  process.env.FACTCHECK_FAST_YAML = '0';
  try {
    return parseFactFile(text, 'f.yaml');
  } finally {
    if (before === undefined) delete process.env.FACTCHECK_FAST_YAML;
    else process.env.FACTCHECK_FAST_YAML = before;
  }
}

/** Everything a parse gives, positions of every kept entry and field included, as plain data. */
function outcome(p: ParsedFactFile): unknown {
  const places: unknown[] = [];
  for (const s of SECTIONS) {
    (p.data?.[s] ?? []).forEach((_, i) => {
      places.push(p.positions.entry(s, i));
      for (const f of FIELDS) places.push(p.positions.entry(s, i, f), p.positions.entryText(s, i, f, 1, 2));
    });
  }
  return { data: p.data, problems: p.problems, droppedIds: p.droppedIds, droppedFigures: p.droppedFigures, index: p.positions.yamlIndex, places };
}

const NORMAL = [
  '# a comment',
  'subjects:',
  '  - id: s',
  '    name: 怀柔区   # trailing comment',
  "    aliases: [怀柔, '怀''柔', \"怀\\\"柔\"]",
  '',
  'measures: []',
  'observations:',
  '- id: o1',
  '  measure: m',
  '  value: 2.30',
  '  high: 0x1F',
  '  figure: "2.3万人"',
  '  period: 2024',
  '  source: src',
  '  quote: 在怀科研人员达2.3万人',
  '  estimate: true',
  '',
].join('\n');

describe('factbase: fast parse of fact files', () => {
  it('takes a normal file and gives the data and positions the yaml way gives', () => {
    assert.ok(fastFactFile(NORMAL), 'fast parse refused');
    assert.deepEqual(outcome(parseFactFile(NORMAL, 'f.yaml')), outcome(slowParse(NORMAL)));
  });

  it('gives the same on every bundled fact file', () => {
    const dir = bundledFactsDir();
    let taken = 0;
    for (const rel of listFactFiles(dir)) {
      const text = readFileSync(join(dir, rel), 'utf8');
      if (fastFactFile(text)) taken++;
      assert.deepEqual(outcome(parseFactFile(text, 'f.yaml')), outcome(slowParse(text)), rel);
    }
    assert.ok(taken > 0);
  });

  const refused: Record<string, string> = {
    anchors: NORMAL.replace('name: 怀柔区', 'name: &n 怀柔区').replace('measure: m', 'measure: *n'),
    'duplicate key': NORMAL.replace('  measure: m\n', '  measure: m\n  measure: n\n'),
    'duplicate section': NORMAL + 'measures: []\n',
    'syntax error': NORMAL.replace('  measure: m\n', ' measure: m\n'),
    'unclosed quote': NORMAL.replace('figure: "2.3万人"', 'figure: "2.3万人'),
    tags: NORMAL.replace('value: 2.30', 'value: !!str 2.30'),
    'merge key': NORMAL.replace('  measure: m\n', '  <<: {measure: m}\n'),
    'multi-line value': NORMAL.replace('quote: 在怀科研人员达2.3万人', 'quote: 在怀科研人员\n    达2.3万人'),
    'block scalar': NORMAL.replace('quote: 在怀科研人员达2.3万人', 'quote: |\n    在怀科研人员达2.3万人'),
    'empty field': NORMAL.replace('estimate: true', 'estimate:'),
    tab: NORMAL.replace('value: 2.30', 'value:\t2.30'),
    crlf: NORMAL.replace(/\n/g, '\r\n'),
    'unusual escape': NORMAL.replace('figure: "2.3万人"', 'figure: "2.3\\x41万人"'),
    'too many aliases': 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b]\n',
  };
  for (const [name, text] of Object.entries(refused)) {
    it(`leaves a file with ${name} to yaml, with the same problems`, () => {
      assert.equal(fastFactFile(text), undefined);
      assert.deepEqual(outcome(parseFactFile(text, 'f.yaml')), outcome(slowParse(text)));
    });
  }

  it('parses a file with a schema error again the yaml way, for its messages', () => {
    const text = NORMAL.replace('  measure: m\n', '  measure: m\n  colour: red\n');
    assert.ok(fastFactFile(text), 'the YAML itself is fine');
    const p = parseFactFile(text, 'f.yaml');
    assert.ok(p.problems.length > 0);
    assert.deepEqual(outcome(p), outcome(slowParse(text)));
  });

  it('reads plain scalars as yaml core schema does', () => {
    const words = ['0x1F', '0o17', '1_000', '1e3', '.inf', '-.Inf', '.NaN', '~', 'null', 'True', 'yes', 'no', '2024-01-01', '010', '+5', '-0', '.5', '5.', '0b11', 'FALSE'];
    const text = 'measures:\n' + words.map((w, i) => `  - id: m${i}\n    name: ${w}\n    terms: [${w}, x]\n`).join('');
    const fast = fastFactFile(text);
    assert.ok(fast, 'fast parse refused');
    assert.deepEqual(fast.value, parse(text));
  });
});
