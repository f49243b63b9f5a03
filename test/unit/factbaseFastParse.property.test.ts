/**
 * Property: on fact files in the block layout with adversarial scalars (plain, quoted,
 * flow lists; YAML indicators, comment marks, escapes, numbers-that-are-not, Chinese),
 * whenever the fast parse takes a file it gives the value `yaml` gives and the entry and
 * field positions `yaml`'s document gives; and it never takes a file `yaml` finds an
 * error in.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineCounter, parseDocument } from 'yaml';
import { fastFactFile, EntryPositions } from '../../server/src/core/factbase';

const SECTIONS = ['subjects', 'measures', 'observations'];
const KEYS = ['id', 'name', 'value', 'terms', 'quote', 'figure'];

/** Characters that mean something to YAML somewhere, and ordinary ones. */
const CHARS = [...'ab1209.+-_eE:#\'"\\[]{}, 怀柔区：，“”', 'null', 'true', 'No', '0x', '0o', '.inf', '.NaN', ' #'];
/** Characters the fast parse leaves to yaml wherever they are (anchors, tags, block indicators…): rare, so most files are taken. */
const RARE = [...'&*!|>%@`?~\t'];
const token = fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...CHARS) }, { weight: 1, arbitrary: fc.constantFrom(...RARE) });
const word = fc.array(token, { minLength: 0, maxLength: 6 }).map((a) => a.join(''));
/** Whole plain scalars some YAML reader resolves to something other than a string. */
const SPECIAL = ['null', 'Null', '~', 'No', 'no', 'yes', 'Yes', 'true', 'TRUE', 'False', 'on', '0x1F', '0o17', '010', '1_000', '1e3', '1E-2', '.5', '5.', '-0', '+5', '.inf', '-.Inf', '.NaN', '2024-01-01', '12:30', '0b11', '1.0.0'];
const plain = fc.oneof(fc.constantFrom(...SPECIAL), word.filter((w) => w.trim() === w && w.length > 0));
const single = word.map((w) => `'${w.replace(/'/g, "''")}'`);
const double = word.map((w) => JSON.stringify(w));
const scalar = fc.oneof(plain, single, double);
const list = fc.array(scalar, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`);
const value = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 1, arbitrary: list });
const comment = fc.oneof(fc.constant(''), fc.constant('  # note'), fc.constant(' #x'));
const item = fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 4 }).chain((keys) =>
  fc.tuple(...keys.map((k) => fc.tuple(fc.constant(k), value, comment))),
);
const section = fc.tuple(fc.constantFrom(...SECTIONS), fc.array(item, { minLength: 0, maxLength: 3 }), fc.constantFrom('  ', ''));

/** A fact file from generated sections: `key:` then `- k: v` items, indented by `indent`. */
function render(sections: [string, [string, string, string][][], string][]): string {
  const seen = new Set<string>();
  let out = '';
  for (const [name, items, indent] of sections) {
    if (seen.has(name)) continue;
    seen.add(name);
    if (!items.length) {
      out += `${name}: []\n`;
      continue;
    }
    out += `${name}:\n`;
    for (const fields of items) fields.forEach(([k, v, c], j) => (out += `${indent}${j === 0 ? '- ' : '  '}${k}: ${v}${c}\n`));
  }
  return out;
}

describe('factbase: fast parse of fact files, property', () => {
  it('takes a file only when it reads it as yaml does, values and positions', function () {
    this.timeout(60_000);
    let taken = 0;
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 3 }), (sections) => {
        const text = render(sections);
        const fast = fastFactFile(text);
        const lines = new LineCounter();
        const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
        if (!fast) return;
        taken++;
        assert.deepEqual(doc.errors, [], `fast parse took a file yaml rejects:\n${text}`);
        assert.deepEqual(fast.value, doc.toJS(), text);
        const slow = EntryPositions.build(doc, text, lines);
        assert.ok(slow, text);
        for (const [name, items] of Object.entries(fast.value)) {
          if (!Array.isArray(items)) continue;
          items.forEach((it: Record<string, unknown>, y) => {
            assert.deepEqual(fast.positions.entry(name, y), slow.entry(name, y), `${name}[${y}]\n${text}`);
            for (const k of KEYS) {
              assert.deepEqual(fast.positions.entry(name, y, k), slow.entry(name, y, k), `${name}[${y}].${k}\n${text}`);
              if (typeof it[k] === 'string') assert.deepEqual(fast.positions.entryText(name, y, k, 0, 1), slow.entryText(name, y, k, 0, 1), `${name}[${y}].${k} text\n${text}`);
            }
          });
        }
      }),
      { numRuns: 600, seed: 20261205 },
    );
    assert.ok(taken > 100, `the fast parse took only ${taken} of 600 files`);
  });
});
