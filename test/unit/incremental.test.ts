/**
 * Incremental checking: a document checked again and again with one CheckMemo, after
 * random edits (characters, figures, punctuation, line breaks, headings, whole lines
 * moved), gives exactly the result of a fresh check of the same text; and the memo's
 * line-by-line scan equals the whole-text scanners on every text it sees.
 */
import { strict as assert } from 'node:assert';
import { loadFactBase, bundledFactsDir, today } from '../../server/src/node';
import { fixtureDrafts } from '../support/fixtureDrafts';
import { checkText, CheckMemo } from '../../server/src/core';
import { indexOf } from '../../server/src/core/factIndex';
import { subjectMentions } from '../../server/src/core/draft';
import { scanPeriods, scanQuantities } from '../../server/src/core/numbers';
import type { FactBase } from '../../server/src/core';

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

/** Lines that change what other lines' claims read around them: headings, subjects, periods, paragraph breaks. */
const CONTEXT_LINES = [
  '# 海淀区', '## 怀柔区', '一、经济发展', '', '2023年，全区地区生产总值增长5%。', '海淀区', '前三季度', '怀柔区前三季度，', '2022年，全区经济运行平稳',
  '上半年，全区实现地区生产总值约6637亿元。', '全年', '---\ntitle: 怀柔区\ndate: 2024-10-01\n---', '2021年全区地区生产总值约9500亿元，\n前三季度，全区地区生产总值增长5%。',
];

/** One edit of a text's surroundings: a line's year changed, a context line inserted, a line deleted, two lines joined or one split. */
function editAround(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(rnd() * lines.length);
  const r = rnd();
  const year = /20\d\d年/.exec(lines[at]);
  if (r < 0.1 && year) lines[at] = lines[at].replace(year[0], `${2020 + Math.floor(rnd() * 6)}年`);
  else if (r < 0.4) lines.splice(at, 0, CONTEXT_LINES[Math.floor(rnd() * CONTEXT_LINES.length)]);
  else if (r < 0.6) lines.splice(at, 1);
  else if (r < 0.8 && at + 1 < lines.length) lines.splice(at, 2, lines[at] + lines[at + 1]);
  else {
    const cut = Math.floor(rnd() * (lines[at].length + 1));
    lines.splice(at, 1, lines[at].slice(0, cut), lines[at].slice(cut));
  }
  return lines.join('\n');
}

describe('incremental checking', function () {
  this.timeout(120000);
  let base: FactBase;
  let drafts: string[];
  before(() => {
    base = loadFactBase([bundledFactsDir()]).base;
    drafts = fixtureDrafts();
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

  it('gives the result of a fresh check after edits of the lines around claims (headings, subjects, periods, paragraphs)', () => {
    const rnd = random(99);
    const memo = new CheckMemo();
    let text = drafts.join('\n\n');
    for (let k = 0; k < 120; k++) {
      const options = { asOf: k % 7 === 6 ? '2024-06-30' : '2025-12-01', locale: k % 5 === 4 ? ('en' as const) : ('zh' as const) };
      assert.deepEqual(checkText(text, base, options, memo), checkText(text, base, options), `after ${k} edits`);
      text = editAround(text, rnd);
    }
  });

  it('judges a line again when a year on an earlier line of its paragraph changes', () => {
    // 前三季度 alone takes its year from the paragraph's earlier line: 2025 matches the base, 2023 does not.
    const memo = new CheckMemo();
    const draft = (year: number) => `# 怀柔区\n\n${year}年，怀柔区经济运行平稳\n前三季度，怀柔区现代服务业对GDP增长的贡献超过八成。\n`;
    const statuses: string[] = [];
    for (const year of [2025, 2023, 2025]) {
      const options = { asOf: '2025-12-01' };
      const r = checkText(draft(year), base, options, memo);
      assert.deepEqual(r, checkText(draft(year), base, options));
      statuses.push(r.claims.map((c) => c.status).join());
    }
    assert.deepEqual(statuses, ['verified', 'contradicted', 'verified']);
    assert.equal(memo.stats.lineClaimHits, 1);
  });

  it('judges a line again when the paragraph or section of the subject named before it changes', () => {
    // The line's text and the earlier subject stay; only a blank line or a heading between them moves.
    const line = '前三季度，现代服务业对GDP增长的贡献超过八成。';
    const pairs = [
      [`# 海淀区\n\n怀柔区经济运行平稳，\n${line}\n`, `# 海淀区\n\n怀柔区经济运行平稳，\n\n${line}\n`],
      [`# 海淀区\n## 产业\n怀柔区经济运行平稳。\n${line}\n`, `# 海淀区\n怀柔区经济运行平稳。\n## 产业\n${line}\n`],
    ];
    for (const [a, b] of pairs) {
      const memo = new CheckMemo();
      const subjects = [a, b, a].map((text) => {
        const r = checkText(text, base, { asOf: '2025-12-01' }, memo);
        assert.deepEqual(r, checkText(text, base, { asOf: '2025-12-01' }));
        return r.claims[0].reading?.subject;
      });
      assert.deepEqual(subjects, ['怀柔区', '海淀区', '怀柔区']);
    }
  });

  it('reuses what an edit leaves alone', () => {
    const memo = new CheckMemo();
    const text = drafts[0];
    checkText(text, base, { asOf: today() }, memo);
    const at = text.indexOf('\n', text.length >> 1);
    checkText(`${text.slice(0, at)}1${text.slice(at)}`, base, { asOf: today() }, memo);
    assert.ok(memo.stats.lineMisses <= 1, `line misses ${memo.stats.lineMisses}`);
    assert.ok(memo.stats.claimHits > 5 * Math.max(1, memo.stats.claimMisses), JSON.stringify(memo.stats));
  });

  it('judges the statements of a line again only when the line or its surroundings change', () => {
    const memo = new CheckMemo();
    const draft = (year: number, heading: string) => `# ${heading}\n\n高质量发展指数稳居全市前列。\n\n${year}年，全区地区生产总值增长5%。\n`;
    const hits = [draft(2024, '怀柔区'), draft(2023, '怀柔区'), draft(2023, '海淀区')].map((text, k) => {
      const options = { asOf: '2025-12-01' };
      const r = checkText(text, base, options, memo);
      assert.deepEqual(r, checkText(text, base, options));
      // (Under 海淀区 the rank is Haidian's, which the sources do not rank: no claim.)
      assert.equal(r.claims.some((c) => c.text === '前列'), k < 2);
      return memo.stats.statementHits;
    });
    // Another line edited: kept; the heading its context reads changed: judged again.
    assert.deepEqual(hits, [0, 1, 0]);
  });

  it('scans line by line exactly as the whole-text scanners do', () => {
    const idx = indexOf(base);
    const texts = [...drafts, ...base.sources.map((s) => s.body), '一、\n\r\n“十四\n五”以来，5\n万人\u20281.5%，《流浪\n地球2》', '“北京市\n海淀区”，全市\n北京市市长国际企业顾问会议'];
    const rnd = random(7);
    for (let k = 0; k < 200; k++) texts.push(edit(texts[k % drafts.length], rnd));
    for (const text of texts) {
      const memo = new CheckMemo();
      memo.begin(idx);
      const got = memo.scan(text, 0);
      assert.deepEqual(got.quantities, scanQuantities(text));
      assert.deepEqual(got.periods, scanPeriods(text));
      assert.deepEqual(got.subjects, subjectMentions(idx, text));
    }
  });
});
