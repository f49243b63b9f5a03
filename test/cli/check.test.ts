/**
 * `factcheck check` end to end, as a child process against the small fixture fact base:
 * golden reports (json, stylish, github), exit statuses 0/1/2, ranges over the file as on
 * disk, --stdin, --output, --quiet/--max-warnings, the configuration file, parallel
 * workers giving the same output as one thread, shards, and the cache.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../../server/src/core';
import { AS_OF, FACTS, FIXTURES, ROOT, cleanupScratch, expectGolden, runCli, scratchDir, writeTree } from './support';

const DRAFTS = path.relative(ROOT, path.join(FIXTURES, 'drafts'));
const FACTS_REL = path.relative(ROOT, FACTS);
const BASE_ARGS = ['--no-config', '--facts', FACTS_REL, '--as-of', AS_OF, '--locale', 'zh-CN'];

interface Report {
  asOf: string;
  files: { path: string; claims: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string; status: string }[]; diagnostics: { severity: string; code: string }[] }[];
  summary: Record<string, number>;
}

function check(args: string[], opts: Parameters<typeof runCli>[1] = {}): { status: number | null; report: Report; stderr: string } {
  const r = runCli(['check', '--format', 'json', ...BASE_ARGS, ...args], opts);
  assert.ok(r.status === 0 || r.status === 1, `status ${r.status}: ${r.stderr}`);
  return { status: r.status, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

describe('cli: factcheck check', function () {
  // Each case starts the CLI (about 1 s of CPU); on a busy 2-core machine that takes several seconds.
  this.timeout(180_000);
  after(cleanupScratch);

  describe('golden reports over test/cli/fixtures/drafts', () => {
    for (const format of ['json', 'stylish', 'github']) {
      it(`--format ${format}`, () => {
        const r = runCli(['check', '--format', format, ...BASE_ARGS, DRAFTS]);
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        if (format === 'json') {
          // One line for programs; the golden holds it indented, for people reviewing a change.
          assert.match(r.stdout, /^[^\n]+\n$/, 'the JSON report is one line ending in a newline');
          expectGolden('drafts.json', JSON.stringify(JSON.parse(r.stdout), null, 2) + '\n');
        } else expectGolden(`drafts.${format === 'github' ? 'github.txt' : 'stylish.txt'}`, r.stdout);
      });
    }
  });

  it('writes SARIF for the fixtures that Microsoft SARIF Multitool finds no error in', () => {
    const dir = scratchDir();
    const sarif = path.join(dir, 'report.sarif');
    const r = runCli(['check', '--format', 'sarif', '--output', sarif, ...BASE_ARGS, DRAFTS]);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(fs.readFileSync(sarif, 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.ok(log.runs[0].results.some((x) => x.ruleId === 'wrong-value' && x.locations[0].physicalLocation.artifactLocation.uri === 'test/cli/fixtures/drafts/errors.md'));
    const out = path.join(dir, 'validation.sarif');
    const v = spawnSync(path.join(ROOT, 'node_modules/.bin/sarif-multitool'), ['validate', sarif, '--output', out, '--log', 'ForceOverwrite'], { encoding: 'utf8' });
    assert.equal(v.status, 0, v.stdout + v.stderr);
    const results = (JSON.parse(fs.readFileSync(out, 'utf8')) as { runs: { results: { level?: string }[] }[] }).runs[0].results;
    assert.deepEqual(results.filter((x) => (x.level ?? 'warning') === 'error'), [], v.stdout);
  });

  it('exits 1 when a finding is an error, 0 when none is, and the summary says why', () => {
    const bad = check([path.join(DRAFTS, 'errors.md')]);
    assert.equal(bad.status, 1);
    assert.ok(bad.report.summary.error > 0);
    const good = check([path.join(DRAFTS, 'clean.md')]);
    assert.equal(good.status, 0, JSON.stringify(good.report.files[0].diagnostics));
    assert.equal(good.report.summary.error, 0);
    assert.ok(good.report.summary.verified >= 1, 'the correct figures are verified');
  });

  it('exits 2 with a message on bad arguments, a missing draft, an invalid date or locale', () => {
    const cases: [string[], RegExp][] = [
      [['check', '--format', 'xml', DRAFTS], /--format xml: expected one of stylish, json, sarif, github, html/],
      [['check', '--bogus', DRAFTS], /bogus/],
      [['check', ...BASE_ARGS, 'no/such/draft.md'], /no\/such\/draft\.md: no such file or folder/],
      [['check', '--as-of', '2025-02-30', DRAFTS], /--as-of 2025-02-30: expected a date YYYY-MM-DD/],
      [['check', '--locale', 'fr', DRAFTS], /--locale fr: expected zh-CN or en/],
      [['check'], /no drafts given/],
    ];
    for (const [args, re] of cases) {
      const r = runCli(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.equal(r.stdout, '');
    }
  });

  it('warns of a draft whose front matter is not YAML, naming the file and line; the warning counts for --max-warnings', () => {
    const dir = scratchDir();
    writeTree(dir, { 'a.md': '---\ntitle: 报道: 怀柔\ndate: 2024-09-01\n---\n怀柔科学城布局落地了37个科学设施。\n' });
    const file = path.join(dir, 'a.md');
    const r = runCli(['check', '--format', 'json', ...BASE_ARGS, file]);
    assert.match(r.stderr, new RegExp(`${path.basename(dir)}`), 'the file is named');
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.match(r.stderr, /warning: \S*a\.md:2: the front matter is not valid YAML \(.+\); its date: line was still read/);
    const strict = runCli(['check', '--format', 'json', ...BASE_ARGS, '--max-warnings', '0', file]);
    assert.equal(strict.status, 1, strict.stderr);
  });

  it('exits 2 naming file and line when the fact base is invalid', () => {
    const dir = scratchDir();
    fs.cpSync(FACTS, dir, { recursive: true });
    const file = path.join(dir, 'huairou.yaml');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.trim() === 'value: 37');
    lines[at] = lines[at].replace('value: 37', 'value: thirty-seven');
    fs.writeFileSync(file, lines.join('\n'));
    const r = runCli(['check', '--no-config', '--facts', dir, path.join(DRAFTS, 'clean.md')]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${at + 1}:\\d+: error: `));
  });

  it('exits 2 naming file and line when the configuration is invalid', () => {
    const dir = scratchDir();
    writeTree(dir, { 'factcheck.config.json': '{\n  "severity": { "wrong-value": "loud" }\n}\n', 'a.md': '怀柔科学城布局落地了37个科学设施。\n' });
    const r = runCli(['check', 'a.md'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /factcheck\.config\.json:2:\d+: .*severity\.wrong-value/);
  });

  it('reports ranges over the file exactly as on disk (CRLF, BOM-less astral characters, front matter)', () => {
    const dir = scratchDir();
    const text = '---\r\ntitle: 测试\r\ndate: 2024-09-01\r\n---\r\n𠀀𠀁 怀柔科学城布局落地了40个科学设施。\r\n在怀科研人员达2.3万人。\r\n';
    writeTree(dir, { 'crlf.md': text });
    const { report } = check([path.join(dir, 'crlf.md')]);
    const claims = report.files[0].claims;
    assert.ok(claims.length >= 2, JSON.stringify(claims));
    const index = new LineIndex(text);
    for (const c of claims) assert.equal(text.slice(index.offsetAt(c.range.start), index.offsetAt(c.range.end)), c.text);
  });

  it('reads a draft from standard input, named by --stdin-filename', () => {
    const input = fs.readFileSync(path.join(DRAFTS, 'errors.md'), 'utf8');
    const named = check(['--stdin', '--stdin-filename', 'drafts/from-stdin.md'], { input });
    assert.equal(named.report.files[0].path, 'drafts/from-stdin.md');
    assert.equal(named.status, 1);
    const fromFile = check([path.join(DRAFTS, 'errors.md')]);
    assert.deepEqual(named.report.files[0].diagnostics, fromFile.report.files[0].diagnostics);
    assert.equal(check(['--stdin'], { input }).report.files[0].path, '<stdin>');
  });

  it('writes the report to --output and nothing to standard output', () => {
    const out = path.join(scratchDir(), 'reports/report.html');
    const r = runCli(['check', '--format', 'html', '--output', out, ...BASE_ARGS, DRAFTS]);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(fs.readFileSync(out, 'utf8'), /^<!doctype html>/);
  });

  it("does not repeat the fact base's warnings (facts check lists them)", () => {
    const dir = scratchDir();
    fs.cpSync(FACTS, dir, { recursive: true });
    // A subject outside subjects.yaml: a warning of the base, not of the drafts.
    const file = path.join(dir, 'huairou.yaml');
    fs.writeFileSync(file, `subjects:\n  - id: fx-office\n    name: 某办公室\n    aliases: []\n${fs.readFileSync(file, 'utf8')}`);
    const facts = runCli(['facts', 'check', '--facts', dir]);
    assert.match(facts.stdout, /warning: subject "fx-office" is defined outside subjects\.yaml/);
    const r = runCli(['check', '--format', 'json', '--no-config', '--facts', dir, '--as-of', AS_OF, DRAFTS]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.doesNotMatch(r.stderr, /warning/);
  });

  it('--quiet reports errors only; --max-warnings turns too many warnings into status 1', () => {
    const dir = scratchDir();
    writeTree(dir, {
      'factcheck.config.json': JSON.stringify({ facts: [FACTS], asOf: AS_OF, severity: { unverified: 'warning' } }),
      'w.md': '全区新增绿地120公顷，新建公园8个。\n',
    });
    const run = (extra: string[]): { status: number | null; report: Report } => {
      const r = runCli(['check', '--format', 'json', ...extra, 'w.md'], { cwd: dir });
      return { status: r.status, report: JSON.parse(r.stdout) as Report };
    };
    const all = run([]);
    assert.equal(all.status, 0);
    const warnings = all.report.summary.warning;
    assert.ok(warnings >= 1, 'unverified claims are warnings by the configuration');
    assert.ok(all.report.files[0].diagnostics.every((d) => d.code !== 'unverified' || d.severity === 'warning'));
    assert.equal(run(['--max-warnings', String(warnings)]).status, 0);
    assert.equal(run(['--max-warnings', String(warnings - 1)]).status, 1);
    const quiet = run(['--quiet', '--max-warnings', String(warnings - 1)]);
    assert.equal(quiet.report.summary.warning, 0);
    assert.equal(quiet.status, 1, 'warnings count for --max-warnings even when --quiet hides them');
  });

  describe('many drafts', () => {
    let dir: string;
    before(() => {
      dir = scratchDir();
      for (let i = 0; i < 24; i++) {
        const name = ['clean.md', 'errors.md', 'notes.txt'][i % 3];
        fs.mkdirSync(path.join(dir, `d${i % 4}`), { recursive: true });
        fs.copyFileSync(path.join(FIXTURES, 'drafts', name), path.join(dir, `d${i % 4}`, `${i}-${name}`));
      }
    });

    it('gives the same report with worker threads as in one thread, in path order', () => {
      const one = runCli(['check', '--format', 'json', ...BASE_ARGS.map((a) => (a === FACTS_REL ? FACTS : a)), '--jobs', '1', '.'], { cwd: dir });
      const two = runCli(['check', '--format', 'json', ...BASE_ARGS.map((a) => (a === FACTS_REL ? FACTS : a)), '--jobs', '2', '.'], { cwd: dir });
      assert.equal(one.status, 1, one.stderr);
      assert.equal(two.stdout, one.stdout);
      const paths = (JSON.parse(one.stdout) as Report).files.map((f) => f.path);
      assert.equal(paths.length, 24);
      assert.deepEqual(paths, [...paths].sort());
    });

    it('shows a progress bar on a terminal only', () => {
      const args = ['check', '--format', 'json', '--output', 'report.json', ...BASE_ARGS.map((a) => (a === FACTS_REL ? FACTS : a)), '.'];
      const plain = runCli(args, { cwd: dir });
      assert.doesNotMatch(plain.stderr, /checking|drafts/, 'silent when standard error is not a terminal');
      // script(1) runs the command on a pseudo-terminal; its output is what the terminal showed.
      const cmd = [process.execPath, path.join(ROOT, 'bin/factcheck.js'), ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      const tty = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.ifError(tty.error); // script(1) is in Debian's essential bsdutils
      assert.match(tty.stdout, /checking .* \d+\/24 drafts/);
    });

    it('splits the drafts into shards that together hold every draft once', () => {
      const args = (shard: string): string[] => ['check', '--format', 'json', ...BASE_ARGS.map((a) => (a === FACTS_REL ? FACTS : a)), '--shard', shard, '.'];
      const parts = ['1/3', '2/3', '3/3'].map((s) => (JSON.parse(runCli(args(s), { cwd: dir }).stdout) as Report).files.map((f) => f.path));
      const all = parts.flat();
      assert.equal(all.length, 24);
      assert.equal(new Set(all).size, 24);
      assert.deepEqual((JSON.parse(runCli(args('2/3'), { cwd: dir }).stdout) as Report).files.map((f) => f.path), parts[1], 'deterministic');
    });
  });

  it('--cache reuses results until the draft, the fact base or the options change', () => {
    const dir = scratchDir();
    const facts = path.join(dir, 'facts');
    fs.cpSync(FACTS, facts, { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'drafts', 'errors.md'), path.join(dir, 'a.md'));
    const run = (extra: string[] = []): Report => {
      const r = runCli(['check', '--format', 'json', '--no-config', '--facts', 'facts', '--as-of', AS_OF, '--cache', ...extra, 'a.md'], { cwd: dir });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      return JSON.parse(r.stdout) as Report;
    };
    const first = run();
    const cacheDir = path.join(dir, '.factcheck-cache');
    const entries = fs.readdirSync(cacheDir);
    assert.equal(entries.length, 1);
    // Tamper with the cached result: a hit shows the tampered text.
    const entry = path.join(cacheDir, entries[0]);
    const cached = JSON.parse(fs.readFileSync(entry, 'utf8')) as { claims: { text: string }[] };
    cached.claims[0].text = 'FROM-CACHE';
    fs.writeFileSync(entry, JSON.stringify(cached));
    assert.equal(run().files[0].claims[0].text, 'FROM-CACHE');
    // Other options: a miss.
    assert.notEqual(run(['--as-of', '2025-06-01']).files[0].claims[0].text, 'FROM-CACHE');
    // Change the fact base (the facilities figure): a miss, and the new fact is used.
    const yaml = path.join(facts, 'huairou.yaml');
    fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('    quote: 怀柔科学城布局落地了37个科学设施\n', '    quote: 怀柔科学城布局落地了37个科学设施\n    note: edited\n'));
    const after = run();
    assert.notEqual(after.files[0].claims[0].text, 'FROM-CACHE');
    assert.deepEqual(after.files[0].claims, first.files[0].claims);
  });

  it('--cache removes entries unused for 30 days and leaves other files alone', () => {
    const dir = scratchDir();
    fs.copyFileSync(path.join(FIXTURES, 'drafts', 'errors.md'), path.join(dir, 'a.md'));
    const run = (): void => {
      const r = runCli(['check', '--format', 'json', '--no-config', '--facts', FACTS, '--as-of', AS_OF, '--cache', 'a.md'], { cwd: dir });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
    };
    run();
    const cacheDir = path.join(dir, '.factcheck-cache');
    const [used] = fs.readdirSync(cacheDir);
    const aged = (name: string, days: number, text = '{}'): string => {
      const file = path.join(cacheDir, name);
      fs.writeFileSync(file, text);
      const t = new Date(Date.now() - days * 86_400_000);
      fs.utimesSync(file, t, t);
      return name;
    };
    const stale = aged('a'.repeat(64) + '.json', 31);
    const recent = aged('b'.repeat(64) + '.json', 29);
    const strayTmp = aged('c'.repeat(64) + '.json.123.tmp', 1);
    const userFile = aged('notes.json', 400);
    // The draft's own entry, last used long ago, is used again by this run: kept.
    const t = new Date(Date.now() - 40 * 86_400_000);
    fs.utimesSync(path.join(cacheDir, used), t, t);
    run();
    const left = fs.readdirSync(cacheDir).sort();
    assert.deepEqual(left, [used, recent, userFile].sort(), 'stale entries and stray temporary files removed');
    assert.ok(!left.includes(stale) && !left.includes(strayTmp));
  });
});
