/**
 * `factcheck facts add`, `facts suggest` and `--help` as processes: a sixth source (a
 * text written for the tests) added to a fact-base folder, its suggestions printed as
 * JSON and YAML, written with --write, accepted, and the base checked.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT, runCli } from './support';

const RAW = path.join(ROOT, 'test/fixtures/sources/miyun-2025-04.txt');
const BUNDLED = path.join(ROOT, 'facts');
const ADD = ['--id', 'my-2025-04', '--title', '密云区召开2025年一季度经济运行情况新闻发布会', '--publisher', '密云区融媒体中心', '--published', '2025-04-18'];

describe('cli: facts add, facts suggest', function () {
  this.timeout(120_000);
  let dir: string;
  let facts: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-facts-'));
    facts = path.join(dir, 'facts');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('every command answers --help', () => {
    for (const cmd of [['check'], ['explain'], ['facts', 'check'], ['facts', 'import'], ['facts', 'add'], ['facts', 'suggest'], ['lsp']]) {
      const r = runCli([...cmd, '--help']);
      assert.equal(r.status, 0, `${cmd.join(' ')}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^usage: factcheck ${cmd.join(' ')}`), cmd.join(' '));
    }
  });

  it('facts add imports the source, writes its metadata and says what to do next', () => {
    const r = runCli(['facts', 'add', RAW, ...ADD, '--facts', facts], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^wrote facts\/sources\/my-2025-04\.md \(10 figures found\)/);
    assert.match(r.stdout, /factcheck facts suggest my-2025-04 --facts facts --write/);
    const source = fs.readFileSync(path.join(facts, 'sources/my-2025-04.md'), 'utf8');
    assert.match(source, /^---\nid: my-2025-04\n/);
    assert.ok(source.includes('今年一季度,密云区实现地区生产总值78.6亿元'));
    assert.equal(parse(fs.readFileSync(path.join(facts, 'sources/meta/my-2025-04.yaml'), 'utf8')).original, 'miyun-2025-04.txt');
  });

  it('facts add refuses an id or a text already present, with exit status 2', () => {
    const again = runCli(['facts', 'add', RAW, ...ADD, '--facts', facts], { cwd: dir });
    assert.equal(again.status, 2);
    assert.match(again.stderr, /a source with id my-2025-04 exists already/);
    const copy = path.join(dir, 'copy.txt');
    fs.copyFileSync(RAW, copy);
    const sameText = runCli(['facts', 'add', copy, ...ADD.map((a) => (a === 'my-2025-04' ? 'my-2025-04b' : a)), '--facts', facts], { cwd: dir });
    assert.equal(sameText.status, 2);
    assert.match(sameText.stderr, /this text is already in the fact base as source my-2025-04/);
    assert.equal(runCli(['facts', 'add', RAW, '--id', 'X', '--facts', facts], { cwd: dir }).status, 2);
  });

  it('facts suggest --format json prints one array with the issue’s fields', () => {
    const r = runCli(['facts', 'suggest', 'my-2025-04', '--facts', facts, '--facts', BUNDLED, '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    const gdp = list.find((s) => s.figure === '78.6亿元')!;
    for (const k of ['source', 'subject', 'measure', 'measureName', 'figure', 'value', 'qualifier', 'period', 'quote', 'kind', 'confidence']) assert.ok(k in gdp, k);
    assert.deepEqual([gdp.source, gdp.subject, gdp.measure, gdp.value, gdp.period, gdp.kind], ['my-2025-04', 'miyun', null, 78.6, '2025Q1', 'actual']);
    const role = list.find((s) => s.person === '王晓明')!;
    assert.deepEqual([role.title, role.organisation], ['密云区委副书记、区长', 'miyun']);
  });

  it('facts suggest --format yaml prints entries in the fact files’ format, by target file', () => {
    const r = runCli(['facts', 'suggest', 'my-2025-04', '--facts', facts, '--facts', BUNDLED], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# → facts\/observations-my-2025-04\.yaml\nobservations:\n {2}- id: miyun\./m);
    assert.match(r.stdout, /^# → facts\/measures\.yaml\nmeasures:\n/m);
    const block = r.stdout.split('# → facts/observations-my-2025-04.yaml\n')[1].split('\n# ')[0];
    const parsed = parse(block) as { observations: { figure: string; reviewed: boolean }[] };
    assert.ok(parsed.observations.some((o) => o.figure === '约310平方公里' && o.reviewed === false));
  });

  it('facts suggest --write appends the entries; facts check lists them; accepting them makes the checker use them', () => {
    const measures = path.join(facts, 'measures.yaml');
    fs.writeFileSync(measures, '# Measures of my own base: kept as written.\nmeasures:\n  - id: miyun.old # a comment that must stay\n    subject: miyun\n    name: 旧\n    terms: [旧]\n    unit: 个\n    kind: count\n    reviewed: false\n');
    const before = fs.readFileSync(measures, 'utf8');
    const w = runCli(['facts', 'suggest', 'my-2025-04', '--facts', facts, '--facts', BUNDLED, '--write'], { cwd: dir });
    assert.equal(w.status, 0, w.stderr);
    assert.match(w.stdout, /^my-2025-04: wrote \d+ entries \(reviewed: false\)/);
    assert.ok(fs.readFileSync(measures, 'utf8').startsWith(before), 'the existing text is kept byte for byte');
    const check = runCli(['facts', 'check', '--facts', facts, '--facts', BUNDLED], { cwd: dir });
    assert.equal(check.status, 0, check.stdout);
    assert.match(check.stdout, /^facts\/observations-my-2025-04\.yaml:\d+:\d+: not reviewed: observation miyun\.[a-z-]+\.my-2025-04$/m);
    // Every statement of the source is covered by what was written: its figures, its rank (排名全市第2) and its year of an event (成立于2019年).
    assert.match(check.stdout, /^coverage my-2025-04 \(facts\/sources\/my-2025-04\.md\): 12\/12 statements \(100\.0%\): 10 figures, 1 rank, 1 year of an event$/m);
    assert.match(check.stdout, /^0 error\(s\), 0 warning\(s\)/m);
    const again = runCli(['facts', 'suggest', 'my-2025-04', '--facts', facts, '--facts', BUNDLED, '--write'], { cwd: dir });
    assert.match(again.stdout, /nothing new to write/);
    const draft = path.join(dir, 'draft.md');
    fs.writeFileSync(draft, '---\ndate: 2025-05-01\n---\n今年一季度，密云区实现地区生产总值78.6亿元。\n');
    const unverified = JSON.parse(runCli(['check', '--format', 'json', '--facts', facts, '--facts', BUNDLED, draft], { cwd: dir }).stdout);
    assert.equal(unverified.files[0].claims[0].status, 'unverified');
    // Acceptance: the curator deletes the flags.
    for (const f of ['subjects.yaml', 'measures.yaml', 'observations-my-2025-04.yaml', 'roles.yaml']) {
      const file = path.join(facts, f);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^ {4}reviewed: false\n/gm, ''));
    }
    const accepted = runCli(['facts', 'check', '--facts', facts, '--facts', BUNDLED], { cwd: dir });
    assert.equal(accepted.status, 0, accepted.stdout);
    assert.doesNotMatch(accepted.stdout, /not reviewed/);
    const verified = JSON.parse(runCli(['check', '--format', 'json', '--facts', facts, '--facts', BUNDLED, draft], { cwd: dir }).stdout);
    assert.equal(verified.files[0].claims[0].status, 'verified');
  });

  it('facts suggest names the known sources for an unknown id', () => {
    const r = runCli(['facts', 'suggest', 'nope']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no source "nope".*hr-2024-08/);
  });
});
