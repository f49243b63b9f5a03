/**
 * The remaining cross-file checks, each on the fixture base with one edit applied in
 * memory (loadFactBase's overrides, as the language server passes unsaved text).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Problem } from '../../server/src/core';
import { loadFactBase } from '../../server/src/node';
import { FIXTURE, copyBase, cleanupCopies, show } from './factbaseSupport';

const FILE = join(FIXTURE, 'huairou.yaml');
const SUBJECTS = join(FIXTURE, 'subjects.yaml');
const ORIGINAL = readFileSync(FILE, 'utf8');

/** Loads the fixture with `from` replaced by `to` in a file; returns the problems and the edit's 0-based line. */
function edited(from: string, to: string, file = FILE): { problems: Problem[]; line: number } {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(from);
  assert.ok(at >= 0, `fixture text not found: ${from}`);
  const changed = text.slice(0, at) + to + text.slice(at + from.length);
  const line = text.slice(0, at).split('\n').length - 1;
  return { problems: loadFactBase([FIXTURE], new Map([[file, changed]])).problems, line };
}

/** Asserts exactly one problem matches `re`, at `line` of `file`, with the given severity. */
function expectOne(problems: Problem[], re: RegExp, line: number, file = FILE, severity: Problem['severity'] = 'error'): Problem {
  const hits = problems.filter((p) => re.test(p.message));
  assert.equal(hits.length, 1, `expected one problem matching ${re}:\n${show(problems)}`);
  assert.equal(hits[0].file, file);
  assert.equal(hits[0].line, line, show(hits));
  assert.equal(hits[0].severity, severity);
  return hits[0];
}

describe('factbase: cross-file checks on the fixture', () => {
  after(cleanupCopies);

  it('the figure must occur in the quote', () => {
    const { problems, line } = edited('    figure: 227项\n', '    figure: 228项\n');
    expectOne(problems, /figure "228项" does not occur in the observation's quote/, line);
  });

  it('the qualifier must be the one the figure is read with', () => {
    const { problems, line } = edited('    qualifier: over\n', '    qualifier: about\n');
    expectOne(problems, /qualifier is "about" but figure "360余万人次" reads as "over"/, line);
    const omitted = edited('    qualifier: over\n', '');
    expectOne(omitted.problems, /qualifier is "exact" but figure "360余万人次" reads as "over"/, omitted.line - 3); // at the entry
  });

  it('value is read in the measure\'s unit', () => {
    const { problems, line } = edited('    value: 2.3\n', '    value: 23000\n');
    expectOne(problems, /value 23000 does not match figure "2\.3万人", which reads as 2\.3 万人/, line);
  });

  it('a range needs high, and high must match', () => {
    const text = ORIGINAL.replace(
      'roles:',
      `  - id: fx.program-years\n    measure: fx.facilities\n    value: 1\n    figure: 1-3年\n    period: '@2024-08-26'\n    source: fx-2024-08\n    quote: 一批1-3年长期为民实事\n\nroles:`,
    );
    const problems = loadFactBase([FIXTURE], new Map([[FILE, text]])).problems;
    assert.ok(problems.some((p) => /no high given, but figure "1-3年" reads as a range up to 3/.test(p.message)), show(problems));
  });

  it('two values of one measure and period must be marked as conflicting', () => {
    const extra = `  - id: fx.facilities.2024b\n    measure: fx.facilities\n    value: 40\n    figure: 40个\n    period: '@2024-08-26'\n    source: fx-2024-08\n    quote: 40个\n`;
    const text = ORIGINAL.replace('\nroles:', `${extra}\nroles:`);
    const problems = loadFactBase([FIXTURE], new Map([[FILE, text]])).problems;
    const p = expectOne(problems, /observations "fx\.facilities\.2024" and "fx\.facilities\.2024b" give measure "fx\.facilities" for period @2024-08-26 different values \(37 and 40\)/, text.split('\n').indexOf('    value: 40'));
    assert.equal(p.related?.[0].line, ORIGINAL.split('\n').indexOf('    value: 37'));
    const marked = text.replace('    quote: 40个\n', '    quote: 40个\n    conflictsWith: [fx.facilities.2024]\n');
    const after = loadFactBase([FIXTURE], new Map([[FILE, marked]])).problems;
    assert.ok(!after.some((x) => /different values/.test(x.message)), show(after));
    const estimate = text.replace('    quote: 40个\n', '    quote: 40个\n    estimate: true\n');
    assert.ok(!loadFactBase([FIXTURE], new Map([[FILE, estimate]])).problems.some((x) => /different values/.test(x.message)));
  });

  it('observations have a kind of statement: actual unless stated; the deprecated estimate flag reads as forecast', () => {
    const kindOf = (text: string, id: string) => loadFactBase([FIXTURE], new Map([[FILE, text]])).base.observations.find((o) => o.id === id)?.kind;
    assert.equal(kindOf(ORIGINAL, 'fx.facilities.2024'), 'actual');
    assert.equal(kindOf(ORIGINAL.replace('    quote: 怀柔科学城布局落地了37个科学设施\n', '    quote: 怀柔科学城布局落地了37个科学设施\n    estimate: true\n'), 'fx.facilities.2024'), 'forecast');
    for (const kind of ['forecast', 'target', 'commitment', 'actual']) {
      assert.equal(kindOf(ORIGINAL.replace('    quote: 怀柔科学城布局落地了37个科学设施\n', `    quote: 怀柔科学城布局落地了37个科学设施\n    kind: ${kind}\n`), 'fx.facilities.2024'), kind);
    }
    const bad = edited('    quote: 怀柔科学城布局落地了37个科学设施\n', '    quote: 怀柔科学城布局落地了37个科学设施\n    kind: guess\n');
    assert.ok(bad.problems.some((p) => p.severity === 'error' && /kind/.test(p.message) && /actual/.test(p.message)), show(bad.problems));
  });

  it('an actual whose source says a plan word before the figure is a warning until its kind is stated', () => {
    const src = join(FIXTURE, 'sources', 'fx-2024-08.md');
    const body = readFileSync(src, 'utf8').replace('目前,在怀科研人员达2.3万人', '目前,在怀科研人员预计将达2.3万人');
    const yaml = ORIGINAL.replace('quote: 目前,在怀科研人员达2.3万人,产出重大科技成果227项', 'quote: 目前,在怀科研人员预计将达2.3万人,产出重大科技成果227项')
      .replace('quote: 目前,在怀科研人员达2.3万人,产出重大科技成果227项', 'quote: 目前,在怀科研人员预计将达2.3万人,产出重大科技成果227项');
    const load = (text: string) => loadFactBase([FIXTURE], new Map([[src, body], [FILE, text]])).problems;
    const warned = load(yaml).filter((p) => /says "将" before figure/.test(p.message));
    // 2.3万人 follows 将 in its clause; 227项 is in the next clause.
    assert.equal(warned.length, 1, show(load(yaml)));
    assert.match(warned[0].message, /figure "2\.3万人"/);
    assert.equal(warned[0].severity, 'warning');
    for (const kind of ['forecast', 'actual']) {
      const stated = yaml.replace("    periodText: 目前\n", `    periodText: 目前\n    kind: ${kind}\n`);
      assert.ok(!load(stated).some((p) => /before figure/.test(p.message)), kind);
    }
  });

  it('a subject defined outside subjects.yaml is a warning at its definition', () => {
    const text = `subjects:\n  - id: fx-office\n    name: 某办公室\n    aliases: []\n    partOf: fx-huairou\n${ORIGINAL}`;
    const problems = loadFactBase([FIXTURE], new Map([[FILE, text]])).problems;
    expectOne(problems, /subject "fx-office" is defined outside subjects\.yaml: move it there/, 1, FILE, 'warning');
  });

  it('role: the person and every title occur in the quote', () => {
    const r1 = edited('    person: 梁爽\n', '    person: 梁霜\n');
    expectOne(r1.problems, /person "梁霜" does not occur in the role's quote/, r1.line);
    const r2 = edited('    titles: [怀柔区委副书记, 区长]\n', '    titles: [怀柔区委书记, 区长]\n');
    expectOne(r2.problems, /title "怀柔区委书记" \(item 1 of titles\) does not occur in the role's quote/, r2.line);
  });

  it('exclusion: the context occurs in the source and the figure in the context', () => {
    const r1 = edited('    context: 一批1-3年长期为民实事\n', '    context: 一批1-5年长期为民实事\n');
    expectOne(r1.problems, /exclusion context does not occur verbatim in source "fx-2024-08": it matches fx-2024-08\.md line 12 for 4 of 12 characters/, r1.line);
    const r2 = edited('    figure: 1-3年\n', '    figure: 2-3年\n');
    expectOne(r2.problems, /figure "2-3年" does not occur in the exclusion's context/, r2.line);
  });

  it('a mis-copied quote says where it departs from the source', () => {
    const r = edited('    quote: 森林覆盖率达到77.5%\n', '    quote: 森林覆盖率已达到77.5%\n');
    expectOne(r.problems, /it matches fx-2024-08\.md line 11 for 5 of 13 characters \("森林覆盖率"\), then the quote has "已达到77.5%" where the source has "达到77.5"/, r.line);
  });

  it('every reference must resolve', () => {
    const cases: [string, string, RegExp][] = [
      ['    subject: fx-science-city\n    name: 科学设施数量', '    subject: fx-nowhere\n    name: 科学设施数量', /subject "fx-nowhere" names no subject/],
      ['    measure: fx.results\n', '    measure: fx.nothing\n', /measure "fx\.nothing" names no measure/],
      ['    organisation: fx-huairou\n', '    organisation: fx-hairou\n', /organisation "fx-hairou" names no subject/],
      ['  - source: fx-2024-08\n    context: 一批', '  - source: fx-2099-01\n    context: 一批', /source "fx-2099-01" names no source/],
    ];
    for (const [from, to, re] of cases) {
      const r = edited(from, to);
      expectOne(r.problems, re, r.line);
    }
    const c = edited('    quote: 接待360余万人次\n', '    quote: 接待360余万人次\n    conflictsWith: [fx.none]\n');
    expectOne(c.problems, /conflictsWith "fx\.none" names no observation/, c.line + 1);
    const p = edited('    partOf: fx-huairou\n  - id: fx-yanqi-lake', '    partOf: fx-hr\n  - id: fx-yanqi-lake', SUBJECTS);
    expectOne(p.problems, /partOf "fx-hr" names no subject/, p.line, SUBJECTS);
  });

  it('partOf must not form a cycle', () => {
    const text = readFileSync(SUBJECTS, 'utf8').replace('    aliases: [怀柔]\n', '    aliases: [怀柔]\n    partOf: fx-science-city\n');
    const problems = loadFactBase([FIXTURE], new Map([[SUBJECTS, text]])).problems;
    assert.ok(problems.some((p) => /partOf forms a cycle/.test(p.message) && p.file === SUBJECTS), show(problems));
  });

  it('a measure unit the number parser does not know is reported once, at the measure', () => {
    const r = edited("    unit: '%'\n    kind: share", "    unit: 'ZZ'\n    kind: share");
    expectOne(r.problems, /measure "fx\.forest-cover": the number parser does not know the unit "ZZ"/, r.line);
  });

  it('a figure of another dimension than its measure is a warning', () => {
    const r = edited("    unit: '%'\n    kind: share", '    unit: 个\n    kind: share');
    expectOne(r.problems, /figure "77\.5%" is in % \(percent\) but measure "fx\.forest-cover" is in 个 \(count\)/, ORIGINAL.split('\n').indexOf('    figure: 77.5%'), FILE, 'warning');
  });

  it('an exclusion that excludes nothing is a warning', () => {
    const text = ORIGINAL + `  - source: fx-2024-08\n    context: 让群众看到变化\n    figure: 变化\n    reason: not a number at all\n`;
    const problems = loadFactBase([FIXTURE], new Map([[FILE, text]])).problems;
    expectOne(problems, /find no quantity or statement in figure "变化" of this exclusion/, text.split('\n').length - 3, FILE, 'warning');
  });

  it('references to an entry with schema problems are not reported twice', () => {
    const text = ORIGINAL.replace('    value: 227\n', '    value: many\n').replace('    quote: 接待360余万人次\n', '    quote: 接待360余万人次\n    conflictsWith: [fx.results.2024]\n');
    const problems = loadFactBase([FIXTURE], new Map([[FILE, text]])).problems;
    assert.ok(problems.some((p) => p.message === 'observation "fx.results.2024": "value" must be a number, not the text "many"'), show(problems));
    assert.ok(!problems.some((p) => /names no|is not covered/.test(p.message)), show(problems));
  });

  it('ids are unique across folders: loading a folder twice reports every id once', () => {
    const copy = copyBase(FIXTURE);
    const { base, problems } = loadFactBase([FIXTURE, copy]);
    const dups = problems.filter((p) => /^duplicate id/.test(p.message));
    assert.equal(dups.length, base.origins.size);
    assert.ok(dups.every((p) => p.file.startsWith(copy) && p.related?.[0].file.startsWith(FIXTURE)), show(dups));
  });

  it('a missing folder is an error', () => {
    const { problems } = loadFactBase([join(FIXTURE, 'no-such-folder')]);
    assert.match(show(problems), /no-such-folder:1:1: error: fact-base folder not found/);
  });
});
