/**
 * The round trip of quick fixes on generated drafts (fast-check): a fact base of one
 * figure — any count, sum of money, area, duration, percentage or change in points, at any
 * scale (万, 亿, 万亿), with or without a qualifier (约, 近, 超过, 余) — and a draft that
 * gets it wrong: another value, in Arabic or Chinese numerals, at the source's scale or
 * another; the same number in the wrong unit or scale; or the opposite qualifier. Every
 * fix offered must verify the claim, write the source's unit, keep the draft's numerals,
 * and leave the rest of the draft as it was.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { chineseNumeral, parseQuantity, plainNumber, unitInfo } from '../../server/src/core/numbers';
import type { FactBase, MeasureKind } from '../../server/src/core';
import { roundTrip } from './fixRoundTrip';

/** A kind of figure: the words a draft states it with and the units it may take. */
interface Family {
  term: string;
  kind: MeasureKind;
  /** Units as written, scale included; a draft's wrong unit is another of them. */
  units: string[];
  /** Largest number written. */
  max: number;
  /** 余 may follow a round number. */
  inner: boolean;
}

const FAMILIES: Family[] = [
  { term: '口袋公园', kind: 'count', units: ['个', '座'], max: 9999, inner: true },
  { term: '接待游客', kind: 'count', units: ['人次', '万人次'], max: 9999, inner: true },
  { term: '地区生产总值', kind: 'money', units: ['亿元', '万元', '万亿元'], max: 99999, inner: false },
  { term: '绿地面积', kind: 'area', units: ['平方公里', '万平方米', '公顷', '平方米'], max: 9999, inner: false },
  { term: '开放机时', kind: 'duration', units: ['小时', '万小时'], max: 9999, inner: true },
  { term: '森林覆盖率达到', kind: 'share', units: ['%'], max: 99, inner: false },
  { term: '服务业比重提高', kind: 'points', units: ['个百分点', '%'], max: 30, inner: false },
];

/** A number as a source writes it: whole, or with one or two decimals. */
const number = (max: number) =>
  fc.oneof(
    fc.integer({ min: 2, max }),
    fc.integer({ min: 11, max: Math.min(max * 10, 99999) }).map((n) => n / 10),
    fc.integer({ min: 101, max: Math.min(max * 100, 999999) }).map((n) => n / 100),
  );

/** The fact base of one observation, stated in a one-sentence source. */
function baseOf(term: string, kind: MeasureKind, unit: string, value: number, figure: string, qualifier: 'exact' | 'about' | 'over' | 'under'): FactBase {
  const quote = `2024年,示例区${term}${figure}`;
  return {
    subjects: [{ id: 'demo', name: '示例区', aliases: ['示例'] }],
    measures: [{ id: 'demo.m', subject: 'demo', name: term.replace(/达到|提高$/, ''), terms: [term.replace(/达到$/, '')], unit, kind }],
    observations: [
      { id: 'demo.m.2024', measure: 'demo.m', kind: 'actual', value, qualifier, figure, period: '2024', periodText: '2024年', published: '2024-05-20', source: 'demo-2024', quote },
    ],
    roles: [],
    sources: [{ id: 'demo-2024', title: '示例区2024年发展情况', publisher: '示例区人民政府', published: '2024-05-20', original: 'demo.txt', file: '/demo-2024.md', body: `${quote}。\n`, bodyLine: 0 }],
    exclusions: [],
    origins: new Map(),
    dirs: [],
  };
}

const QUALIFIERS = { '': 'exact', 约: 'about', 近: 'under', 超过: 'over', 余: 'over' } as const;
type QualWord = keyof typeof QUALIFIERS;

/** A figure as written: qualifier, number, 余, unit. */
function written(qual: QualWord, num: string, unit: string): string {
  return qual === '余' ? `${num}余${unit}` : `${qual}${num}${unit}`;
}

/** A generated case: the source's figure, and a draft that gets it wrong in one way. */
const cases = fc
  .record({
    family: fc.constantFrom(...FAMILIES),
    unitAt: fc.nat(),
    otherUnitAt: fc.nat(),
    num: fc.integer({ min: 0, max: 1e9 }),
    qual: fc.constantFrom<QualWord>('', '', '约', '近', '超过', '余'),
    mistake: fc.constantFrom('value', 'value', 'unit', 'qualifier'),
    chinese: fc.boolean(),
    other: fc.integer({ min: 0, max: 1e9 }),
  })
  .chain((r) => fc.tuple(fc.constant(r), number(r.family.max), number(r.family.max)))
  .map(([r, n, m]) => {
    const f = r.family;
    const unit = f.units[r.unitAt % f.units.length];
    const whole = Number.isInteger(n) && n % 10 === 0;
    const qual: QualWord = r.qual === '余' && !(f.inner && whole) ? '' : r.qual;
    const source = written(qual, plainNumber(n), unit);
    let draft: string;
    if (r.mistake === 'unit') {
      const others = f.units.filter((u) => u !== unit);
      draft = others.length ? written(qual, plainNumber(n), others[r.otherUnitAt % others.length]) : written(qual, plainNumber(m), unit);
    } else if (r.mistake === 'qualifier' && qual !== '' && qual !== '约') {
      draft = written(qual === '近' ? '超过' : '近', plainNumber(n), unit);
    } else {
      // Another value, far enough from the source's: in Chinese numerals when whole.
      const v = Math.abs(m - n) > 0.2 * n ? m : n * 2 + 1;
      const text = r.chinese && Number.isInteger(v) && v < 1e5 && !unit.startsWith('%') && unit !== '%' ? chineseNumeral(v, true) : plainNumber(v);
      draft = `${text}${unit}`;
    }
    return { family: f, unit, value: n, qualifier: QUALIFIERS[qual], source, draft, mistake: r.mistake };
  });

describe('quick fixes: the round trip on generated drafts (fast-check)', function () {
  this.timeout(120_000);

  it('every fix offered verifies its claim, in the source\'s unit and the draft\'s numerals, and changes nothing else', () => {
    let offered = 0;
    let runs = 0;
    fc.assert(
      fc.property(cases, (c) => {
        // Figures of a real base: below 一千万亿 of the base unit (Chinese numerals end at 一亿亿).
        fc.pre(c.value * (unitInfo(c.unit)?.factor ?? 1) < 1e15);
        runs++;
        const base = baseOf(c.family.term, c.family.kind, c.unit, c.value, c.source, c.qualifier);
        const text = `---\ndate: 2024-06-01\n---\n# 示例区情况\n\n2024年，示例区${c.family.term}${c.draft}。示例区建成口袋公园的工作持续推进。\n`;
        const r = roundTrip(text, base);
        assert.deepEqual(r.failures, [], `${c.source} in the source, ${c.draft} in the draft`);
        for (const fix of r.fixes) {
          offered++;
          const q = parseQuantity(fix.written);
          const src = parseQuantity(c.source);
          assert.ok(q && src, fix.written);
          // The source's unit, never the draft's (18万平方米 for 18平方公里 would verify nothing).
          assert.equal(unitInfo(q.unitText)?.canonical ?? q.unit, unitInfo(src.unitText)?.canonical ?? src.unit, `${fix.written} for ${c.source}`);
          // The draft's numerals: Chinese stay Chinese, Arabic stay Arabic.
          if (/^[^0-9]*[零〇一二两三四五六七八九十百千]/.test(fix.replaced) && !/[0-9]/.test(fix.replaced)) assert.doesNotMatch(fix.written, /[0-9]/, `${fix.written} for ${fix.replaced}`);
          if (/[0-9]/.test(fix.replaced) && /[0-9]/.test(c.source)) assert.match(fix.written, /[0-9]/, `${fix.written} for ${fix.replaced}`);
        }
      }),
      { numRuns: 300 },
    );
    // Not a vacuous property: most generated mistakes are found and fixed.
    assert.ok(offered >= runs * 0.6, `${offered} fixes in ${runs} runs`);
    console.log(`      ${offered} fixes applied in ${runs} generated drafts`);
  });
});
