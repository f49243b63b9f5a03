/**
 * Units as data: the bundled table (facts/units.yaml), a base's own `units:` entries
 * extending it, the problems of definitions the table cannot take, and units of other
 * dimensions never agreeing (12.5万吨 is not 12.5万千瓦).
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledUnitTable, scanQuantities, UnitTable, unitTableOf, withUnits } from '../../server/src/core/numbers';
import { loadFactBase, today } from '../../server/src/node';
import { checkText } from '../../server/src/core';

/** A team's fact base in a temporary folder: one source, a power measure, a unit of its own. */
function teamBase(units: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'units-'));
  mkdirSync(join(dir, 'sources'));
  writeFileSync(
    join(dir, 'sources', 'tb-2025-01.md'),
    '---\nid: tb-2025-01\ntitle: 新能源发布会\npublisher: 测试区政府\npublished: 2025-01-10\noriginal: tb.txt\n---\n' +
      '测试区光伏装机容量达到12.5万千瓦,全年开行旅游专列120车次。\n',
  );
  writeFileSync(join(dir, 'subjects.yaml'), 'subjects:\n  - id: testqu\n    name: 测试区\n    aliases: []\n');
  writeFileSync(
    join(dir, 'facts.yaml'),
    units +
      'measures:\n' +
      '  - id: testqu.pv-capacity\n    subject: testqu\n    name: 光伏装机容量\n    terms: [光伏装机容量, 装机容量]\n    unit: 万千瓦\n    kind: amount\n' +
      '  - id: testqu.trains\n    subject: testqu\n    name: 开行旅游专列车次\n    terms: [旅游专列, 专列]\n    unit: 车次\n    kind: count\n' +
      'observations:\n' +
      "  - id: testqu.pv-capacity.2025\n    measure: testqu.pv-capacity\n    value: 12.5\n    figure: 12.5万千瓦\n    period: '@2025-01-10'\n    source: tb-2025-01\n    quote: 测试区光伏装机容量达到12.5万千瓦\n" +
      "  - id: testqu.trains.2024\n    measure: testqu.trains\n    value: 120\n    figure: 120车次\n    period: '2024'\n    source: tb-2025-01\n    quote: 全年开行旅游专列120车次\n",
  );
  return dir;
}

const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('units as data', () => {
  it('the bundled table reads the units of real statistics, each in its dimension', () => {
    const t = bundledUnitTable();
    const dims: [string, string, number][] = [
      ['千瓦', 'power', 1], ['万千瓦', 'power', 1e4], ['吨', 'mass', 1000], ['架次', 'count', 1], ['人次', 'count', 1],
      ['元/人', 'money-per-person', 1], ['微克/立方米', 'concentration', 1], ['万标准箱', 'count', 1e4], ['平方公里', 'area', 1e6],
    ];
    for (const [u, dim, factor] of dims) {
      const info = t.info(u);
      assert.equal(info?.dimension, dim, u);
      assert.equal(info?.factor, factor, u);
    }
    const read = scanQuantities('装机容量12.5万千瓦,年产12.5万吨,人均2.5万元/人,PM2.5浓度30微克/立方米,吞吐量300万标准箱');
    assert.deepEqual(read.map((q) => [q.text, q.dimension]), [
      ['12.5万千瓦', 'power'], ['12.5万吨', 'mass'], ['2.5万元/人', 'money-per-person'], ['30微克/立方米', 'concentration'], ['300万标准箱', 'count'],
    ]);
  });

  it('a table refuses a unit defined again with another meaning, and a base unit of another dimension', () => {
    const t = UnitTable.of([{ unit: '吨', dimension: 'mass', base: '千克', factor: 1000 }, { unit: '千克', dimension: 'mass' }]);
    assert.deepEqual(t.add([{ unit: '吨', dimension: 'mass', base: '千克', factor: 1000 }]), [], 'the same meaning again is fine');
    const clash = t.add([{ unit: '吨', dimension: 'power' }]);
    assert.equal(clash.length, 1);
    assert.match(clash[0].message, /unit "吨" is already defined as 1000 千克 \(mass\)/);
    const alias = t.add([{ unit: '公吨', dimension: 'mass', base: '千克', factor: 1000, aliases: ['千克'] }]);
    assert.match(alias[0].message, /unit "千克" is already defined as a base unit of mass/);
    const base = t.add([{ unit: '千瓦', dimension: 'power', base: '千克', factor: 3 }]);
    assert.match(base[0].message, /its base "千克" is a unit of mass/);
    assert.equal(t.info('千瓦'), undefined, 'a refused definition is not taken');
  });

  it("a base's own units extend the bundled table for its figures, its sources and the drafts checked against it", () => {
    const dir = teamBase('units:\n  - { unit: 车次, dimension: count }\n');
    made.push(dir);
    const { base, problems, coverage } = loadFactBase([dir], new Map(), { cache: false });
    assert.deepEqual(problems, []);
    assert.equal(coverage[0].covered, 2);
    assert.deepEqual(base.units, [{ unit: '车次', dimension: 'count' }]);
    assert.equal(scanQuantities('开行旅游专列120车次').length, 0, 'the bundled table alone does not know 车次');
    assert.equal(withUnits(unitTableOf(base), () => scanQuantities('开行旅游专列120车次'))[0]?.text, '120车次');
    const r = checkText('---\ndate: 2025-02-01\n---\n测试区2024年开行旅游专列120车次,目前光伏装机容量达到12.5万千瓦。\n', base, { asOf: today() });
    assert.deepEqual(r.claims.map((c) => [c.text, c.status]), [['120车次', 'verified'], ['12.5万千瓦', 'verified']]);
  });

  it('12.5万吨 never verifies against a 12.5万千瓦 fact', () => {
    const dir = teamBase('');
    made.push(dir);
    const { base } = loadFactBase([dir], new Map(), { cache: false });
    const r = checkText('---\ndate: 2025-02-01\n---\n测试区光伏装机容量达到12.5万吨。\n', base, { asOf: today() });
    assert.equal(r.claims.length, 1);
    assert.notEqual(r.claims[0].status, 'verified');
  });

  it("a base's unit that clashes with the bundled table is an error at its definition", () => {
    const dir = teamBase('units:\n  - { unit: 车次, dimension: count }\n  - { unit: 吨, dimension: power }\n');
    made.push(dir);
    const { problems } = loadFactBase([dir], new Map(), { cache: false });
    const p = problems.find((x) => /unit "吨" is already defined/.test(x.message));
    assert.ok(p, JSON.stringify(problems));
    assert.equal(p.severity, 'error');
    assert.equal(p.file, join(dir, 'facts.yaml'));
    assert.equal(p.line, 2);
  });
});
