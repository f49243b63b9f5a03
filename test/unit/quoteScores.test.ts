/**
 * QuoteScores (quote similarity without visiting every posting) against the plain
 * definition — every observation sharing a word, word weights summed in order — on the
 * bundled base, for every clause and sentence of the sources and the fixture drafts, and
 * for random word lists: the same candidates and exactly the same scores, also when
 * restricted to the measures of some subjects (strongIn).
 */
import { strict as assert } from 'node:assert';
import { loadFactBase, bundledFactsDir } from '../../server/src/node';
import { fixtureDrafts } from '../support/fixtureDrafts';
import { indexOf, type FactIndex, type IndexedObservation } from '../../server/src/core/factIndex';
import { quoteStats, QUOTE_CANDIDATE, QuoteScores, type QuoteStats, words } from '../../server/src/core/match';
import type { Measure } from '../../server/src/core';

/** For each quote word, the observations whose quote has it (figures blanked, as quoteStats reads quotes). */
function postingsOf(idx: FactIndex): Map<string, IndexedObservation[]> {
  const out = new Map<string, IndexedObservation[]>();
  for (const list of idx.observations.values()) {
    for (const io of list) {
      for (const w of new Set(words(io.obs.quote.replace(/[\d.]+/g, ' ')))) {
        const p = out.get(w);
        if (p) p.push(io);
        else out.set(w, [io]);
      }
    }
  }
  return out;
}

/** The definition: similarity of every observation sharing a word, then the best per measure. */
function reference(stats: QuoteStats, postings: Map<string, IndexedObservation[]>, clauseWords: string[], sentenceWords: string[]): Map<Measure, number> {
  const sim = (ws: string[]) => {
    let total = 0;
    const hits = new Map<IndexedObservation, number>();
    for (const w of new Set(ws)) {
      const weight = stats.idf.get(w) ?? stats.maxIdf;
      total += weight;
      for (const io of postings.get(w) ?? []) hits.set(io, (hits.get(io) ?? 0) + weight);
    }
    if (total > 0) for (const [io, h] of hits) hits.set(io, h / total);
    return hits;
  };
  const c = sim(clauseWords);
  const s = sentenceWords === clauseWords ? c : sim(sentenceWords);
  const out = new Map<Measure, number>();
  for (const io of new Set([...c.keys(), ...s.keys()])) {
    const v = 0.6 * (c.get(io) ?? 0) + 0.4 * (s.get(io) ?? 0);
    if (v > (out.get(io.measure) ?? 0)) out.set(io.measure, v);
  }
  return out;
}

function compare(idx: FactIndex, stats: QuoteStats, postings: Map<string, IndexedObservation[]>, clauseWords: string[], sentenceWords: string[], what: string): void {
  const ref = reference(stats, postings, clauseWords, sentenceWords);
  const qs = new QuoteScores(idx, stats, clauseWords, sentenceWords);
  const strong = qs.strong();
  const refStrong = [...ref].filter(([, v]) => v >= QUOTE_CANDIDATE);
  assert.deepEqual(new Set(strong.keys()), new Set(refStrong.map(([m]) => m)), `candidates of ${what}`);
  for (const m of idx.measures.values()) assert.equal(qs.of(m), ref.get(m) ?? 0, `score of ${m.id} for ${what}`);
  // Restricted to some subjects, before strong() (visiting those subjects' classes only) and after it.
  const subjects = [...new Set([...idx.measures.values()].map((m) => m.subject))];
  for (const pick of [subjects.slice(0, 1), subjects.filter((_, i) => i % 2 === 1), subjects]) {
    const set = new Set(pick);
    const want = new Map(refStrong.filter(([m]) => set.has(m.subject)));
    assert.deepEqual(new QuoteScores(idx, stats, clauseWords, sentenceWords).strongIn(set), want, `candidates of ${what} in ${pick}`);
    assert.deepEqual(qs.strongIn(set), want, `candidates of ${what} in ${pick}, after strong()`);
  }
}

describe('quote scores', function () {
  this.timeout(60000);
  let idx: FactIndex;
  let stats: QuoteStats;
  let postings: Map<string, IndexedObservation[]>;
  before(() => {
    idx = indexOf(loadFactBase([bundledFactsDir()]).base);
    stats = quoteStats(idx);
    postings = postingsOf(idx);
  });

  it('equal the plain definition for the clauses and sentences of the sources and drafts', () => {
    const texts = [...idx.base.sources.map((s) => s.body), ...fixtureDrafts()];
    let n = 0;
    for (const text of texts) {
      for (const sentence of text.split(/[。！？；\n]/)) {
        const sw = words(sentence.replace(/[\d.]+/g, ' '));
        for (const clause of sentence.split(/[，,：]/)) {
          const cw = words(clause.replace(/[\d.]+/g, ' '));
          compare(idx, stats, postings, cw, sentence.length > clause.length + 2 ? sw : cw, clause);
          n++;
        }
      }
    }
    assert.ok(n > 500, `only ${n} clauses compared`);
  });

  it('equal the plain definition for random word lists, common words included', () => {
    const vocabulary = [...postings.keys()].sort((a, b) => postings.get(b)!.length - postings.get(a)!.length);
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = () => (rnd() < 0.5 ? vocabulary[Math.floor(rnd() * 30)] : rnd() < 0.9 ? vocabulary[Math.floor(rnd() * vocabulary.length)] : '不在词表');
    for (let k = 0; k < 300; k++) {
      const cw = Array.from({ length: 1 + Math.floor(rnd() * 8) }, pick);
      const sw = rnd() < 0.3 ? cw : [...cw, ...Array.from({ length: Math.floor(rnd() * 10) }, pick)];
      compare(idx, stats, postings, cw, sw, cw.join('/'));
    }
  });
});
