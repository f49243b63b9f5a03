/**
 * A loaded base handed over in parts (lsp/baseParts.ts) and its indexes built in steps
 * (core: prepareSteps): joining the parts gives back the load; a base built ahead in
 * steps is the one checks then use, and checks against it give what a base indexed on
 * first use gives.
 */
import { strict as assert } from 'node:assert';
import { serialize } from 'node:v8';
import { bundledFactsDir, loadFactBase } from '../../server/src/node';
import { checkText, prepareSteps } from '../../server/src/core';
import { indexOf, indexSteps, STEP_ITEMS } from '../../server/src/core/factIndex';
import { quoteStats } from '../../server/src/core/match';
import type { FactBase } from '../../server/src/core';
import { finishSteps } from '../../server/src/core/util';
import { cutLoad, joinParts, readParts, serializeParts } from '../../server/src/lsp/baseParts';

/** The bundled base with its observations repeated under new ids until there are `n`. */
function grown(n: number): FactBase {
  const { base } = loadFactBase([bundledFactsDir()]);
  const observations = Array.from({ length: n }, (_, i) => ({ ...base.observations[i % base.observations.length], id: `grown-${i}` }));
  return { ...base, observations };
}

const DRAFT = '2024年，海淀区地区生产总值达到12907.1亿元，同比增长5.5%；怀柔区规模以上工业总产值增长10%。';

describe('fact base handed over in parts, indexed in steps', () => {
  it('joining the parts of a load gives the load back, each part at most the size asked', () => {
    const load = loadFactBase([bundledFactsDir()]);
    const parts = cutLoad(load, 7);
    assert.ok(parts.every((p) => p.items.length <= 7));
    assert.ok(parts.length > load.base.observations.length / 7);
    assert.deepStrictEqual(joinParts(parts), { base: load.base, problems: load.problems });
    const empty = { base: { ...load.base, roles: [], exclusions: [], origins: new Map() }, problems: [] };
    assert.deepStrictEqual(joinParts(cutLoad(empty, 7)), empty);
  });

  it('reads back, part by part, what was serialized, with each text once, and leaves the load as it was', () => {
    const load = loadFactBase([bundledFactsDir()]);
    const again = loadFactBase([bundledFactsDir()]);
    const parts = cutLoad(load, 7);
    const message = serializeParts(parts);
    assert.deepStrictEqual(load, again, 'serializing left the load as loaded');
    const steps = readParts(structuredClone(message));
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    assert.equal(pauses, parts.length, 'a pause after each part');
    assert.deepStrictEqual(r.value, { base: again.base, problems: again.problems });
    assert.deepStrictEqual(finishSteps(readParts(message)), { base: again.base, problems: again.problems });
    assert.ok(message.bytes.length < serialize(parts).length * 0.8, `${message.bytes.length} bytes, against ${serialize(parts).length} with every text copied`);
  });

  it('builds the indexes in steps, and checks then use them and give what a first-use index gives', () => {
    const base = grown(3 * STEP_ITEMS);
    const steps = prepareSteps(base);
    let pauses = 0;
    while (!steps.next().done) pauses++;
    assert.ok(pauses >= 3, `${pauses} pauses for ${base.observations.length} observations`);
    const idx = indexOf(base);
    assert.equal(indexSteps(base).next().value, idx, 'the index is built once');
    const stats = quoteStats(idx);
    assert.equal(quoteStats(idx), stats);
    const fresh = grown(3 * STEP_ITEMS);
    assert.deepStrictEqual(checkText(DRAFT, base, { asOf: '2025-12-01' }), checkText(DRAFT, fresh, { asOf: '2025-12-01' }));
  });
});
