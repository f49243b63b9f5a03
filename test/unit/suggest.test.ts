/**
 * Suggested observations and roles (core/suggest): the quality gate against the curated
 * base (recall ≥ 90 %, precision ≥ 80 % for every bundled source, as
 * scripts/suggest-quality.mjs prints them), the reading of a source written for the
 * tests, the YAML entries and their insertion into fact files, and `reviewed: false`.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bundledFactsDir, loadFactBase, applyEdits, fileEdits, sectionInsertion } from '../../server/src/node';
import { suggestSource, compareWithCurated, checkText, importSource, importMetaSchema } from '../../server/src/core';
import { entryYaml, observationEntry } from '../../server/src/core/suggest';
import type { ObservationSuggestion, RoleSuggestion } from '../../server/src/core/suggest';
import { writeSuggestions } from '../../server/src/cli/factsSuggestCommand';
import { ROOT } from './factbaseSupport';

describe('suggest: quality against the curated base', function () {
  this.timeout(120_000);
  const { base } = loadFactBase([bundledFactsDir()], new Map(), { cache: false });
  for (const source of base.sources) {
    it(`${source.id}: recall ≥ 90 % and precision ≥ 80 %`, () => {
      const q = compareWithCurated(base, source.id, suggestSource(base, source.id, { all: true })!.suggestions);
      assert.ok(q.recall >= 0.9, `recall ${q.recalled}/${q.curated}; missed:\n${q.missed.join('\n')}`);
      assert.ok(q.precision >= 0.8, `precision ${q.matched}/${q.suggested}; unmatched:\n${q.unmatched.join('\n')}`);
    });
  }

  it('reads a source without its own curated entries: --all on a base without them suggests the same', () => {
    const id = 'hr-2025-11';
    const withEntries = suggestSource(base, id, { all: true })!.suggestions;
    const stripped = { ...base, observations: base.observations.filter((o) => o.source !== id), roles: base.roles.filter((r) => r.source !== id) };
    const without = suggestSource(stripped, id, { all: true })!.suggestions;
    const key = (s: (typeof without)[number]) => (s.type === 'role' ? `${s.person}|${s.organisation}|${s.titles}` : `${s.start}|${s.subject}|${s.period}|${s.value}|${s.qualifier}`);
    assert.deepEqual(without.map(key), withEntries.map(key));
  });

  it('suggests nothing for a fully curated source unless --all', () => {
    const r = suggestSource(base, 'hr-2023-07')!;
    assert.equal(r.suggestions.length, 0);
    assert.equal(r.coverage.held, r.coverage.total);
  });
});

describe('suggest: a new source about a district the base does not know', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fc-suggest-'));
    mkdirSync(join(dir, 'sources'), { recursive: true });
    const raw = readFileSync(join(ROOT, 'test/fixtures/sources/miyun-2025-04.txt'), 'utf8');
    const meta = importMetaSchema.parse({ id: 'my-2025-04', title: '密云区召开2025年一季度经济运行情况新闻发布会', publisher: '密云区融媒体中心', published: '2025-04-18', original: 'miyun-2025-04.txt' });
    writeFileSync(join(dir, 'sources', 'my-2025-04.md'), importSource(raw, meta));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('proposes the district, the measures and reads subject, period, value, qualifier and kind', () => {
    const { base } = loadFactBase([dir, bundledFactsDir()], new Map(), { cache: false });
    const r = suggestSource(base, 'my-2025-04')!;
    assert.deepEqual(r.subjects.map((s) => [s.id, s.name]), [['miyun', '密云区']]);
    const obs = (figure: string) => r.suggestions.find((s): s is ObservationSuggestion => s.type === 'observation' && s.figure === figure)!;
    assert.deepEqual(
      ['78.6亿元', '5.2%', '超过五成', '约310平方公里', '第2', '2019年', '9.5%', '6000个'].map((f) => { const s = obs(f); return [f, s.subject, s.period, s.value, s.unit, s.qualifier, s.kind]; }),
      [
        ['78.6亿元', 'miyun', '2025Q1', 78.6, '亿元', 'exact', 'actual'],
        ['5.2%', 'miyun', '2025Q1', 5.2, '%', 'exact', 'actual'],
        ['超过五成', 'miyun', '@2025-04-18', 50, '%', 'over', 'actual'],
        ['约310平方公里', 'miyun', '@2025-04-18', 310, '平方公里', 'about', 'actual'],
        ['第2', 'miyun', '@2025-04-18', 2, '名', 'exact', 'actual'],
        ['2019年', 'miyun', '@2025-04-18', 2019, '年', 'exact', 'actual'],
        ['9.5%', 'miyun', '2022/2024', 9.5, '%', 'exact', 'actual'],
        ['6000个', 'miyun', '2025', 6000, '个', 'exact', 'forecast'],
      ],
    );
    assert.equal(obs('5.2%').measureName, '地区生产总值增速');
    for (const s of r.suggestions) assert.ok(r.source.body.includes(s.quote), `quote not verbatim: ${s.quote}`);
    const roles = r.suggestions.filter((s): s is RoleSuggestion => s.type === 'role');
    assert.deepEqual(roles.map((x) => [x.person, x.titles, x.organisation]), [['王晓明', ['密云区委副书记', '区长'], 'miyun'], ['李红梅', ['密云区副区长'], 'miyun']]);
  });
});

describe('suggest: statements, months, kinds and roles of a source written for the tests', function () {
  this.timeout(60_000);
  let dir: string;
  const load = () => loadFactBase([dir, bundledFactsDir()], new Map(), { cache: false });
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fc-suggest-statements-'));
    mkdirSync(join(dir, 'sources'), { recursive: true });
    const raw = readFileSync(join(ROOT, 'test/fixtures/sources/yanqing-2025-06.txt'), 'utf8');
    const meta = importMetaSchema.parse({ id: 'yq-2025-06', title: '延庆区召开2025年上半年生态文旅发展新闻发布会', publisher: '延庆区融媒体中心', published: '2025-06-20', original: 'yanqing-2025-06.txt' });
    writeFileSync(join(dir, 'sources', 'yq-2025-06.md'), importSource(raw, meta));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads ranks, firsts, editions and years of events with their group, top-N, vagueness, period and kind', () => {
    const r = suggestSource(load().base, 'yq-2025-06')!;
    const statements = r.suggestions.filter((s): s is ObservationSuggestion => s.type === 'observation' && s.reading !== 'figure');
    assert.deepEqual(
      statements.map((s) => [s.figure, s.reading, s.subject, s.period, s.value, s.high, s.qualifier, s.group, s.kind, s.unit]),
      [
        // A streak (连续五年) says how long: the position is as of the source.
        ['第一', 'rank', 'yanqing', '@2025-06-20', 1, undefined, 'exact', '全市', 'actual', '名'],
        ['前两名', 'rank', 'yanqing', '@2025-06-20', 1, 2, 'exact', '全市', 'actual', '名'],
        // Right after its sentence's topic period: held over it, to the source's year.
        ['第一', 'rank', 'yanqing', '2021/2025', 1, undefined, 'exact', '全市', 'actual', '名'],
        ['最好', 'rank', 'yanqing', '@2025-06-20', 1, undefined, 'exact', '全市', 'actual', '名'],
        ['最好', 'rank', 'yanqing', '@2025-06-20', 1, undefined, 'about', '全市', 'actual', '名'],
        ['首家', 'first', 'yanqing', '@2025-06-20', 1, undefined, 'exact', '全市', 'actual', '家'],
        ['率先', 'first', 'yanqing', '@2025-06-20', 1, undefined, 'exact', '全市', 'actual', '个'],
        ['第六届', 'edition', 'yanqing', '2025', 6, undefined, 'exact', undefined, 'actual', '届'],
        ['第三届', 'edition', 'yanqing', '2024', 3, undefined, 'exact', undefined, 'actual', '届'],
        ['2019年', 'year', 'yanqing', '@2025-06-20', 2019, undefined, 'exact', undefined, 'actual', '年'],
        ['年底', 'year', 'yanqing', '@2025-06-20', 2025, undefined, 'exact', undefined, 'commitment', '年'],
      ],
    );
    assert.deepEqual(
      statements.map((s) => s.newMeasure?.name),
      ['生态环境质量全市排名', '水环境质量全市排名', '森林覆盖率全市排名', '空气质量全市排名', '空气质量全市排名', '全市首家山地气象观测中心', '全市率先成立冰雪产业联盟', '延庆冰雪文化节届次', '长城森林音乐节届次', '奥林匹克园区成立的年份', '园区二期交付使用的年份'],
    );
    // 最好 and 最好…之一 are one statement written two ways: both kept, naming each other.
    const [best, oneOf] = statements.filter((s) => s.figure === '最好');
    assert.deepEqual([best.conflictsWith, oneOf.conflictsWith], [[oneOf.id], [best.id]]);
    const month = r.suggestions.find((s): s is ObservationSuggestion => s.type === 'observation' && s.figure === '120万人次')!;
    assert.deepEqual([month.period, month.periodText], ['2025M05', '上个月']);
    const roles = r.suggestions.filter((s): s is RoleSuggestion => s.type === 'role');
    assert.deepEqual(roles.map((x) => [x.person, x.titles, x.organisation]), [['赵明远', ['北京市人大代表'], 'beijing-peoples-congress'], ['赵明远', ['延庆区委书记'], 'yanqing']]);
  });

  it('writes them as facts check reads them: no error or warning, group, kind and conflictsWith as written', () => {
    const { base } = load();
    writeSuggestions(base, suggestSource(base, 'yq-2025-06')!);
    const after = load();
    assert.deepEqual(after.problems.filter((p) => p.severity === 'error' || p.severity === 'warning').map((p) => p.message), []);
    const written = after.base.unreviewed!.observations.filter((o) => o.source === 'yq-2025-06');
    const at = (figure: string) => written.filter((o) => o.figure === figure);
    assert.deepEqual(at('前两名').map((o) => [o.value, o.high, o.group]), [[1, 2, '全市']]);
    assert.deepEqual(at('年底').map((o) => [o.value, o.kind]), [[2025, 'commitment']]);
    assert.deepEqual(at('2019年').map((o) => [o.value, o.kind]), [[2019, 'actual']]);
    assert.deepEqual(at('最好').map((o) => [o.qualifier, o.conflictsWith?.length]), [['exact', 1], ['about', 1]]);
    assert.equal(after.coverage.find((c) => c.source === 'yq-2025-06')!.covered, after.coverage.find((c) => c.source === 'yq-2025-06')!.total);
  });
});

describe('suggest: writing entries', () => {
  it('renders an entry in the fact files’ block layout, marked reviewed: false', () => {
    const s = { type: 'observation', id: 'x.y.src', measure: 'x.y', value: 23000, qualifier: 'over', figure: '2.3万余人', period: '@2024-08-26', periodText: '目前', source: 'src', quote: '目前,在怀科研人员达2.3万余人', kind: 'forecast' } as unknown as ObservationSuggestion;
    assert.equal(
      entryYaml(observationEntry(s)),
      "  - id: x.y.src\n    measure: x.y\n    value: 23000\n    qualifier: over\n    figure: 2.3万余人\n    period: '@2024-08-26'\n    periodText: 目前\n    source: src\n    quote: 目前,在怀科研人员达2.3万余人\n    kind: forecast\n    reviewed: false\n",
    );
  });

  it('inserts after the last item of the section, leaving comments and the other sections as they are', () => {
    const text = '# top comment\nmeasures:\n  - id: a # keep me\n    name: 甲\n\n# about roles\nroles:\n  - id: r\n';
    const entry = { section: 'measures' as const, id: 'b', fields: { id: 'b', name: '乙', reviewed: false } };
    const out = applyEdits(text, [sectionInsertion(text, 'measures', [entry])]);
    assert.equal(out, '# top comment\nmeasures:\n  - id: a # keep me\n    name: 甲\n  - id: b\n    name: 乙\n    reviewed: false\n\n# about roles\nroles:\n  - id: r\n');
    const added = applyEdits(text, fileEdits('f.yaml', text, [{ section: 'observations', id: 'o', fields: { id: 'o' } }], '/', 's').edits);
    assert.ok(added.startsWith(text) && added.endsWith('observations:\n  - id: o\n'));
    assert.deepEqual(parse(applyEdits('observations: []\n', [sectionInsertion('observations: []\n', 'observations', [entry])])), { observations: [{ id: 'b', name: '乙', reviewed: false }] });
  });
});

describe('suggest: reviewed: false', function () {
  this.timeout(60_000);
  it('an unreviewed observation is validated and covers its figure, but the checker does not use it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-reviewed-'));
    try {
      const fixture = join(ROOT, 'test/fixtures/factbase');
      mkdirSync(join(dir, 'sources'));
      copyFileSync(join(fixture, 'sources', 'fx-2024-08.md'), join(dir, 'sources', 'fx-2024-08.md'));
      copyFileSync(join(fixture, 'subjects.yaml'), join(dir, 'subjects.yaml'));
      const facts = readFileSync(join(fixture, 'huairou.yaml'), 'utf8');
      const draft = '怀柔科学城布局落地了37个科学设施。';
      writeFileSync(join(dir, 'huairou.yaml'), facts);
      const before = loadFactBase([dir], new Map(), { cache: false });
      assert.equal(checkText(draft, before.base, { asOf: '2025-01-01' }).claims[0].status, 'verified');
      const marked = facts.replace(/(\n {2}- id: fx\.facilities\.2024\n(?: {4}[^\n]*\n)*)/, '$1    reviewed: false\n');
      assert.notEqual(marked, facts);
      writeFileSync(join(dir, 'huairou.yaml'), marked);
      const after = loadFactBase([dir], new Map(), { cache: false });
      assert.deepEqual(after.problems.filter((p) => p.severity === 'error'), []);
      assert.equal(after.base.unreviewed?.observations.length, 1);
      assert.ok(!after.base.observations.some((o) => o.id === after.base.unreviewed!.observations[0].id));
      assert.equal(after.coverage[0].covered, after.coverage[0].total);
      assert.equal(checkText(draft, after.base, { asOf: '2025-01-01' }).claims[0].status, 'unverified');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
