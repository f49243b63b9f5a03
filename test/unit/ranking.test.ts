/**
 * Ranking by subject (rankMeasures with the index by term and subject) against the plain
 * way: every candidate ranked in one list, then split by subjectsCompatible. On the
 * bundled base with copies of every measure for other subjects (a district, a part of
 * 怀柔区, a subject whose parent is unknown, and 海淀区 itself), for every claim of the
 * sources and fixture drafts with its own subject, and for random claims and subjects:
 * the same candidates in the same order with the same scores, on both sides of the split
 * (the other side also restricted to measures of fitting dimensions and a given test).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { loadFactBase, bundledFactsDir } from '../../server/src/node';
import { fixtureDrafts } from '../support/fixtureDrafts';
import { indexOf, subjectsCompatible, type FactIndex } from '../../server/src/core/factIndex';
import { compatibleSubjects, forTermMeasures, rankMeasures, Ranking } from '../../server/src/core/match';
import { outline, ContextFinder, DraftText, type ClaimContext, respectiveSlots, type RespectiveSlot } from '../../server/src/core/draft';
import { scanQuantitiesAndPeriods } from '../../server/src/core/numbers';
import type { FactBase, Measure, Quantity } from '../../server/src/core';

/** The bundled base with every measure and observation copied for each of `copies` (subject id → parent). */
function withCopies(base: FactBase, copies: [string, string | undefined][], extraIds: (m: Measure) => string[] = () => []): FactBase {
  const out: FactBase = { ...base, subjects: [...base.subjects], measures: [...base.measures], observations: [...base.observations] };
  for (const [sid, parent] of copies) {
    if (!base.subjects.some((s) => s.id === sid)) out.subjects.push({ id: sid, name: `${sid}区`, aliases: [], partOf: parent });
    for (const m of base.measures) out.measures.push({ ...m, id: `${sid}.${m.id}`, subject: sid });
    base.observations.forEach((o, i) => out.observations.push({ ...o, id: `${sid}.${o.id}`, measure: `${sid}.${o.measure}`, value: i % 3 === 0 ? o.value + 1 : o.value }));
  }
  for (const m of base.measures) for (const id of extraIds(m)) out.measures.push({ ...m, id });
  return out;
}

/** A claim as check.ts ranks it: its draft (text and figures), figure, context and 分别 slot. */
interface Claim {
  text: string;
  draft: DraftText;
  q: Quantity;
  ctx: ClaimContext;
  slot?: RespectiveSlot;
}

function claimsOf(idx: FactIndex, text: string): Claim[] {
  const ol = outline(text);
  const { quantities, periods } = scanQuantitiesAndPeriods(text);
  const finder = new ContextFinder(idx, text, ol, periods, 2025);
  const slots = respectiveSlots(text, quantities, ol);
  const draft = new DraftText(idx, text, quantities);
  const out: Claim[] = [];
  for (const q of quantities) {
    const ctx = finder.contextOf(q.start, q.end);
    if (ctx) out.push({ text, draft, q, ctx, slot: slots.get(q) });
  }
  return out;
}

/** The plain way: all candidates in one ranked list (no subject), split by subjectsCompatible. */
function reference(idx: FactIndex, c: Claim, subject: string | undefined): Ranking {
  const all = rankMeasures(c.draft, c.q, { ...c.ctx, subject: undefined }, c.slot);
  return Ranking.of(idx, subject, all.compatible);
}

/** Compares a claim's ranking with the plain way's; returns the sizes of both sides. */
function compare(idx: FactIndex, c: Claim, subject: string | undefined, probe: Measure[]): [number, number] {
  const got = rankMeasures(c.draft, c.q, { ...c.ctx, subject }, c.slot);
  const ref = reference(idx, c, subject);
  const what = `${c.q.text} in ${c.text.slice(c.ctx.sentence.start, c.ctx.sentence.end)} (${subject})`;
  assert.deepEqual(got.compatible, ref.compatible, `compatible candidates of ${what}`);
  // Those of fitting dimensions and some measures first (computed alone), then all.
  const among = (m: Measure) => m.id.length % 3 !== 0;
  assert.deepEqual(got.incompatibleAmong(among), ref.incompatible().filter((x) => x.dimensionOk && among(x.measure)), `other candidates of fitting dimensions of ${what}`);
  assert.deepEqual(got.incompatibleAmong(() => true), ref.incompatible().filter((x) => x.dimensionOk), `other candidates of fitting dimensions of ${what}`);
  assert.deepEqual(got.incompatible(), ref.incompatible(), `other candidates of ${what}`);
  for (const m of probe) assert.deepEqual(got.find(m), ref.find(m), `candidate ${m.id} of ${what}`);
  return [got.compatible.length, got.incompatible().length];
}

describe('ranking by subject', function () {
  this.timeout(120000);
  let base: FactBase;
  let texts: string[];
  before(() => {
    base = loadFactBase([bundledFactsDir()]).base;
    texts = [...base.sources.map((s) => s.body), ...fixtureDrafts()];
  });

  describe('with copies of the measures for other subjects', () => {
    let idx: FactIndex;
    let claims: Claim[];
    let subjects: (string | undefined)[];
    before(() => {
      idx = indexOf(withCopies(base, [['syn-a', 'beijing'], ['syn-b', 'huairou'], ['syn-c', 'nowhere'], ['haidian', undefined]]));
      claims = texts.flatMap((t) => claimsOf(idx, t));
      subjects = [undefined, 'nowhere', ...idx.base.subjects.map((s) => s.id)];
    });

    it('finds the measures of a term and compatible subjects that the plain filter finds', () => {
      for (const s of subjects.filter((x): x is string => x !== undefined)) {
        const ok = compatibleSubjects(idx, s);
        for (const [t, list] of idx.terms) {
          const found = new Set<Measure>();
          forTermMeasures(idx, t, ok, (m) => found.add(m));
          assert.deepEqual(found, new Set(list.filter((m) => subjectsCompatible(idx, s, m.subject))), `${t} for ${s}`);
        }
      }
    });

    it('ranks every claim of the sources and drafts, with its own subject, as the plain way', () => {
      assert.ok(claims.length > 300, `only ${claims.length} claims`);
      let compatible = 0;
      let others = 0;
      for (const c of claims) {
        const [a, b] = compare(idx, c, c.ctx.subject, []);
        compatible += a;
        others += b;
      }
      assert.ok(compatible > 1000 && others > 1000, `${compatible} compatible and ${others} other candidates`);
    });

    it('ranks random claims for random subjects as the plain way, and finds the same candidates', () => {
      const measures = idx.base.measures;
      fc.assert(
        fc.property(fc.nat({ max: claims.length - 1 }), fc.nat({ max: subjects.length - 1 }), fc.array(fc.nat({ max: measures.length - 1 }), { maxLength: 5 }), (k, s, ms) => {
          compare(idx, claims[k], subjects[s], ms.map((i) => measures[i]));
        }),
        { numRuns: 400 },
      );
    });

    it('keeps the other subjects’ candidates through settle(true) and drops what computes them on settle(false)', () => {
      const c = claims.find((x) => x.ctx.subject === 'huairou')!;
      const kept = rankMeasures(c.draft, c.q, c.ctx, c.slot);
      kept.settle(true);
      assert.deepEqual(kept.incompatible(), reference(idx, c, 'huairou').incompatible());
      const dropped = rankMeasures(c.draft, c.q, c.ctx, c.slot);
      dropped.settle(false);
      assert.throws(() => dropped.incompatible());
    });
  });

  it('ranks as the plain way when the collator finds two measure ids equal (equal scores keep the order found)', () => {
    // U+200B is ignored by the collator: huairou.x and huairou.x\u200b share a place in id order.
    const idx = indexOf(withCopies(base, [['syn-a', 'beijing']], (m) => [`${m.id}\u200b`]));
    const claims = texts.slice(0, 6).flatMap((t) => claimsOf(idx, t));
    for (const c of claims) compare(idx, c, c.ctx.subject, idx.base.measures.slice(0, 20));
  });
});
