/**
 * Incremental checking: a document checked again and again with one CheckMemo, after
 * random edits (characters, figures, punctuation, line breaks, headings, whole lines
 * moved), gives exactly the result of a fresh check of the same text; and the memo's
 * line-by-line scan equals the whole-text scanners on every text it sees.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFactBase, bundledFactsDir } from '../../server/src/core/factbase';
import { checkText } from '../../server/src/core/check';
import { CheckMemo } from '../../server/src/core/memo';
import { indexOf } from '../../server/src/core/factIndex';
import { findSubjects } from '../../server/src/core/context';
import { scanPeriods, scanQuantities } from '../../server/src/core/numbers';
import type { FactBase } from '../../server/src/core/types';

const INSERTS = ['1', '5', '万', '亿元', '%', '个', '，', '。', '\n', '\n\n', '约', '2023年', '怀柔区', '海淀', '分别', '全年', '# 海淀区\n', '占', '上半年', '的'];

/** A deterministic pseudo-random generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit of a text. */
function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const r = rnd();
  if (r < 0.45) return text.slice(0, at) + INSERTS[Math.floor(rnd() * INSERTS.length)] + text.slice(at);
  if (r < 0.85) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 3));
  // Move a line elsewhere.
  const lines = text.split('\n');
  const [line] = lines.splice(Math.floor(rnd() * lines.length), 1);
  lines.splice(Math.floor(rnd() * lines.length), 0, line);
  return lines.join('\n');
}

describe('incremental checking', function () {
  this.timeout(120000);
  let base: FactBase;
  let drafts: string[];
  before(() => {
    base = loadFactBase([bundledFactsDir()]).base;
    const dir = join(__dirname, '../../../test/fixtures/drafts');
    drafts = readdirSync(dir).filter((n) => /\.(md|txt)$/.test(n)).sort().map((n) => readFileSync(join(dir, n), 'utf8'));
    drafts.push(base.sources[0].body);
  });

  it('gives the result of a fresh check after every one of many random edits', () => {
    let checks = 0;
    drafts.forEach((draft, d) => {
      const rnd = random(1000 + d);
      const memo = new CheckMemo();
      let text = draft;
      for (let k = 0; k < 25; k++) {
        const options = { asOf: '2025-12-01', locale: k % 2 ? ('en' as const) : ('zh' as const) };
        assert.deepEqual(checkText(text, base, options, memo), checkText(text, base, options), `draft ${d} after ${k} edits`);
        checks++;
        text = edit(text, rnd);
      }
    });
    assert.ok(checks >= 150);
  });

  it('reuses what an edit leaves alone', () => {
    const memo = new CheckMemo();
    const text = drafts[0];
    checkText(text, base, {}, memo);
    const at = text.indexOf('\n', text.length >> 1);
    checkText(`${text.slice(0, at)}1${text.slice(at)}`, base, {}, memo);
    assert.ok(memo.stats.lineMisses <= 1, `line misses ${memo.stats.lineMisses}`);
    assert.ok(memo.stats.claimHits > 5 * Math.max(1, memo.stats.claimMisses), JSON.stringify(memo.stats));
  });

  it('scans line by line exactly as the whole-text scanners do', () => {
    const idx = indexOf(base);
    const texts = [...drafts, ...base.sources.map((s) => s.body), '一、\n\r\n“十四\n五”以来，5\n万人\u20281.5%，《流浪\n地球2》'];
    const rnd = random(7);
    for (let k = 0; k < 200; k++) texts.push(edit(texts[k % drafts.length], rnd));
    for (const text of texts) {
      const memo = new CheckMemo();
      memo.begin(idx);
      const got = memo.scan(text, 0);
      assert.deepEqual(got.quantities, scanQuantities(text));
      assert.deepEqual(got.periods, scanPeriods(text));
      assert.deepEqual(got.subjects, findSubjects(idx, text));
    }
  });
});
