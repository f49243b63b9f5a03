/**
 * Property: on source files whose front matter has adversarial `key: value` lines (plain,
 * quoted and flow values; YAML indicators, comment marks, numbers-that-are-not, repeated
 * and unknown keys, blank and comment lines), the fast reading of the front matter gives
 * what the `yaml` reading gives: parseSourceFile's whole result (source, problems and
 * their positions, the id's position) is the same with FACTCHECK_FAST_YAML=0; and
 * whenever the fast reading takes a front matter, its value and every key's position
 * are yaml's.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineCounter, parseDocument } from 'yaml';
import { fastFlatMapping, parseSourceFile, YamlPositions } from '../../server/src/core/factbase';

const GOOD: Record<string, string[]> = {
  id: ['hd-2022-01', 'x', "'hd-2022-01'", '"hd-2022-01"', 'Hd 1', '-a'],
  title: ['北京海淀区委书记于军：加快建设', '“一把手发布·京华巡礼”系列', "'a: b'", '"a #b"', 'a #b', 'a:b', '[a, b]', '标题 # 注'],
  publisher: ['首都之窗', '新浪财经（北京青年报）', 'null', '~', 'true', '12', "'12'", '1e3', '.inf'],
  published: ['2022-01-10', "'2022-01-10'", '2022-1-10', '20220110', '2022-01-10 # 日期'],
  eventDate: ['2022-01-09', '2022-13-01', ''],
  original: ['004_0111da79582f8761.txt', 'a b.txt', '&x a', '*x', '!tag a', '| a', '> a', '%a', '@a', '`a'],
  url: ['https://example.com/a?b=1#c', 'http://a.b/c: d', "'https://x'"],
  nope: ['1', 'a'],
};
/** A value for `key`: mostly its first (a valid one), else any of them (one of 13). */
const valueOf = (key: string) => fc.oneof({ weight: 12, arbitrary: fc.constant(GOOD[key][0]) }, { weight: 1, arbitrary: fc.constantFrom(...GOOD[key]) });
/** Lines that are not `key: value` at the margin, and spacing after the colon. */
const ODD = ['', '# comment', '  id: indented', 'id:\tx', 'title:x', '  # indented comment'];
const spacing = fc.oneof({ weight: 12, arbitrary: fc.constant(' ') }, { weight: 1, arbitrary: fc.constantFrom('  ', '') });
const field = (key: string) => fc.tuple(fc.constant(key), valueOf(key), spacing);
/** Every required key (sometimes one left out), sometimes optional ones, a repeat or an odd line, in any order. */
const frontMatter = fc
  .tuple(
    fc.tuple(...['id', 'title', 'publisher', 'published', 'original'].map(field)),
    fc.oneof({ weight: 6, arbitrary: fc.subarray(['eventDate', 'url']) }, { weight: 1, arbitrary: fc.subarray(['eventDate', 'url', 'nope', 'id', 'title']) }).chain((ks) => fc.tuple(...ks.map(field))),
    fc.oneof({ weight: 3, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat(4) }),
    fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ODD)) }),
    fc.nat(),
  )
  .map(([required, optional, drop, odd, seed]) => {
    const lines = [...required.filter((_, i) => i !== drop), ...optional].map(([k, v, sp]) => `${k}:${sp}${v}`);
    lines.push(...odd);
    // A deterministic shuffle from the generated seed.
    for (let i = lines.length - 1, r = seed; i > 0; i--, r = (r * 1103515245 + 12345) % 2 ** 31) {
      const j = r % (i + 1);
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    return lines.join('\n');
  });

/** A source file with the front matter, named after `hd-2022-01`. */
const sourceFile = (fm: string): string => `---\n${fm}\n---\n前三季度，全区实现地区生产总值7146.8亿元\n`;

/** parseSourceFile with the fast reading on (the default) or off. */
function parse(text: string, fast: boolean): unknown {
  const saved = process.env.FACTCHECK_FAST_YAML;
  if (!fast) process.env.FACTCHECK_FAST_YAML = '0';
  try {
    return parseSourceFile(text, '/x/sources/hd-2022-01.md');
  } finally {
    if (saved === undefined) delete process.env.FACTCHECK_FAST_YAML;
    else process.env.FACTCHECK_FAST_YAML = saved;
  }
}

describe('factbase: fast reading of source front matter, property', () => {
  it('parseSourceFile gives the same with and without it', function () {
    this.timeout(60_000);
    let valid = 0;
    fc.assert(
      fc.property(frontMatter, (fm) => {
        const text = sourceFile(fm);
        const fast = parse(text, true) as { source?: unknown };
        assert.deepStrictEqual(fast, parse(text, false), text);
        if (fast.source) valid++;
      }),
      { numRuns: 800, seed: 20261205 },
    );
    assert.ok(valid > 40, `only ${valid} of 800 front matters were valid`);
  });

  it('takes a front matter only when it reads it as yaml does, value and positions', function () {
    this.timeout(60_000);
    let taken = 0;
    fc.assert(
      fc.property(frontMatter, (fm) => {
        const quick = fastFlatMapping(fm);
        if (!quick) return;
        taken++;
        const lines = new LineCounter();
        const doc = parseDocument(fm, { lineCounter: lines, uniqueKeys: true });
        assert.deepEqual(doc.errors, [], `fast reading took a front matter yaml rejects:\n${fm}`);
        assert.deepEqual(quick.value, doc.toJS(), fm);
        const slow = new YamlPositions(doc, lines);
        for (const k of Object.keys(quick.value)) assert.deepEqual(quick.at(k), slow.valueAt([k]), `${k}\n${fm}`);
      }),
      { numRuns: 800, seed: 20261205 },
    );
    assert.ok(taken > 100, `the fast reading took only ${taken} of 800 front matters`);
  });
});
