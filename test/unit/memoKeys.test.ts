// The engine's memos keep what they read of a draft, never the draft: a key sliced out of a
// long text (a line, a sentence) is in V8 a view that keeps the whole text alive, and an
// editing session kept every edited version of its draft that way. Checked by the heap:
// ten large drafts checked one after the other leave no more than a fraction of one behind.
import { strict as assert } from 'node:assert';
import { loadFactBase, bundledFactsDir } from '../../server/src/node';
import { checkText, CheckMemo, type FactBase } from '../../server/src/core';
import { TextMemo, detached } from '../../server/src/core/util';
import { fullCollection } from '../../server/src/lsp/memory';

/** Heap in use after a full collection. */
function heapAfterCollection(collect: () => void): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

describe('memo keys', function () {
  this.timeout(60000);
  let base: FactBase;
  let collect: () => void;
  before(function () {
    base = loadFactBase([bundledFactsDir()]).base;
    const c = fullCollection();
    if (!c) this.skip();
    collect = c!;
  });

  it('detached gives the same text, of its own', () => {
    const long = `${'文'.repeat(50)}2024年，全区地区生产总值增长5%。${'字'.repeat(50)}`;
    for (const [a, b] of [[0, 5], [50, 70], [10, 120]]) assert.equal(detached(long.slice(a, b)), long.slice(a, b));
    assert.equal(detached(''), '');
  });

  it('a TextMemo keeps its keys, not the texts they were sliced from', () => {
    const memo = new TextMemo(100, (t) => t.length);
    const before = heapAfterCollection(collect);
    for (let k = 0; k < 10; k++) {
      const text = `第${k}行：2024年，全区地区生产总值增长5%。\n${'文'.repeat(2_000_000)}`;
      memo.get(text.slice(0, text.indexOf('\n')));
    }
    const grew = heapAfterCollection(collect) - before;
    assert.ok(grew < 8 * 2 ** 20, `heap grew ${(grew / 2 ** 20).toFixed(1)} MB`);
  });

  it('checks of ten 2 MB drafts, with and without a document memo, keep none of them', () => {
    // Each draft: its own first line of claims, then one long line the memos have seen (4 MB of UTF-16 each).
    const pad = '文'.repeat(2_000_000);
    const draft = (k: number) => `${2010 + k}年，海淀区地区生产总值增长${k}%，怀柔区独角兽企业${k + 3}家，位居全市第${k + 1}。\n${pad}`;
    const memo = new CheckMemo();
    checkText(draft(-1), base, { asOf: '2025-12-01' });
    checkText(draft(-1), base, { asOf: '2025-12-01' }, memo);
    const before = heapAfterCollection(collect);
    for (let k = 0; k < 10; k++) {
      checkText(draft(k), base, { asOf: '2025-12-01' });
      checkText(draft(k), base, { asOf: '2025-12-01' }, memo);
    }
    const grew = heapAfterCollection(collect) - before;
    assert.ok(grew < 12 * 2 ** 20, `heap grew ${(grew / 2 ** 20).toFixed(1)} MB`);
  });
});
