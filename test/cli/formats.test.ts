/**
 * The output formats on a hand-built engine result: the JSON contract (UTF-16 ranges
 * over CRLF text), severity overrides and --quiet, stylish, GitHub workflow commands
 * and their cap, SARIF 2.1.0 (SARIF Multitool and the SARIF JSON schema), HTML escaping
 * and its Content-Security-Policy.
 */
import { FINDING_CODE_TABLE } from '../../server/src/shared/findingCodes';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { formatReport, type FormatName } from '../../server/src/cli/formats';
import { ANNOTATION_CAP } from '../../server/src/cli/formats/github';
import { buildFileReport, exitStatus, summarize, type ReportOptions, type RunReport } from '../../server/src/report/model';
import { LineIndex } from '../../server/src/core';
import type { CheckResult } from '../../server/src/core';
import { SAMPLE_TEXT, sampleResult } from './sampleResult';
import { ROOT, scratchDir, cleanupScratch } from './support';

function run(opts: ReportOptions = {}, result: CheckResult = sampleResult()): RunReport {
  const { file, warningsFound } = buildFileReport('drafts/sample.md', SAMPLE_TEXT, result, opts);
  return { asOf: '2025-01-01', files: [file], summary: summarize([file]), warningsFound };
}

function render(name: FormatName, report: RunReport = run()): string {
  return formatReport(name, report, { color: false, cwd: '/work/project', locale: 'zh' });
}

const MULTITOOL = path.join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
const SARIF_SCHEMA = path.join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json');

describe('cli: formats', function () {
  this.timeout(60_000);
  after(cleanupScratch);

  it('json: follows the contract, ranges in UTF-16 over the text as it is (CRLF, astral characters)', () => {
    const doc = JSON.parse(render('json'));
    assert.deepEqual(Object.keys(doc), ['version', 'asOf', 'files', 'summary']);
    assert.equal(doc.version, 1);
    const f = doc.files[0];
    assert.deepEqual(Object.keys(f), ['path', 'asOf', 'claims', 'diagnostics']);
    assert.deepEqual(f.claims[0], { range: { start: { line: 2, character: 12 }, end: { line: 2, character: 15 } }, text: '40个', kind: 'quantity', status: 'contradicted', factId: 'fx.facilities', value: 40, unit: '个' });
    const index = new LineIndex(SAMPLE_TEXT);
    for (const c of f.claims) assert.equal(SAMPLE_TEXT.slice(index.offsetAt(c.range.start), index.offsetAt(c.range.end)), c.text);
    assert.deepEqual(Object.keys(f.diagnostics[0]), ['range', 'severity', 'code', 'message', 'factId', 'expected', 'fix', 'sources']);
    assert.deepEqual(f.diagnostics[0].fix, { range: f.diagnostics[0].range, newText: '37个' }, 'the quick fix as the edit it makes');
    assert.deepEqual(Object.keys(f.diagnostics[1]), ['range', 'severity', 'code', 'message', 'factId', 'expected', 'sources'], 'no fix, no key');
    assert.deepEqual(f.diagnostics[0].sources[0], { id: 'fx-2024-08', title: '怀柔区专场新闻发布会 <b>&</b>', published: '2024-08-26', quote: '怀柔科学城布局落地了37个科学设施"<img src=x>' });
    assert.deepEqual(Object.keys(f.diagnostics[2]), ['range', 'severity', 'code', 'message', 'sources']);
    assert.deepEqual(doc.summary, { files: 1, claims: 3, verified: 0, error: 1, warning: 1, information: 1, hint: 0 });
  });

  it('applies severity overrides ("off" drops a code) and --quiet, and computes the exit status', () => {
    const r = run({ severity: { unverified: 'off', 'outdated-value': 'error' } });
    assert.deepEqual(r.files[0].diagnostics.map((d) => `${d.code}:${d.severity}`), ['wrong-value:error', 'outdated-value:error']);
    const q = run({ quiet: true });
    assert.deepEqual(q.files[0].diagnostics.map((d) => d.code), ['wrong-value']);
    assert.equal(q.warningsFound, 1, 'warnings still count for --max-warnings');
    const noErrors = sampleResult();
    noErrors.findings = noErrors.findings.filter((f) => f.severity !== 'error');
    assert.equal(exitStatus(run({}, noErrors)), 0);
    assert.equal(exitStatus(run({}, noErrors), 0), 1);
    assert.equal(exitStatus(run({}, noErrors), 1), 0);
    assert.equal(exitStatus(run()), 1);
  });

  it('stylish: groups by file, finding lines first (for the problem matcher), then expected values and sources', () => {
    const text = render('stylish');
    const lines = text.split('\n');
    assert.equal(lines[0], 'drafts/sample.md');
    assert.match(lines[1], /^ {2}3:13 {2}error {4}科学设施应为37个 {2}wrong-value$/);
    assert.match(lines[2], /^ {2}3:28 {2}warning {2}科研人员已更新为2\.6万人 {2}outdated-value$/);
    assert.match(lines[3], /^ {2}4:8 {3}info {5}事实库中没有对应数据 {2}unverified$/);
    assert.match(text, /┆ 3:13 {2}应为 37个\n.*来源 《怀柔区专场新闻发布会 <b>&<\/b>》 北京市人民政府新闻办公室 2024-08-26: “怀柔科学城布局落地了37个科学设施/);
    assert.match(lines[lines.length - 2], /^✖ 3 个问题 \(1 错误, 1 警告, 1 提示\) · 1 个文件, 3 处数据, 0 已核实$/);
    /* eslint-disable no-control-regex -- terminal colour codes start with ESC */
    assert.doesNotMatch(text, /\x1b\[/, 'no colour unless asked');
    assert.match(formatReport('stylish', run(), { color: true, cwd: '/', locale: 'en' }), /\x1b\[31merror/);
    /* eslint-enable no-control-regex */
  });

  it('stylish: the $factcheck problem matcher in package.json reads every finding (VS Code loop semantics)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { problemMatchers: { name: string; pattern: { regexp: string; loop?: boolean }[] }[] } };
    const matcher = pkg.contributes.problemMatchers.find((m) => m.name === 'factcheck');
    assert.ok(matcher, 'no problem matcher named factcheck');
    const [fileRe, lineRe] = matcher.pattern.map((p) => new RegExp(p.regexp));
    assert.equal(matcher.pattern[1].loop, true);
    const two = run();
    two.files.push({ ...two.files[0], path: 'drafts/other.md' });
    const found: string[] = [];
    let file: string | undefined;
    for (const line of render('stylish', two).split('\n')) {
      const m = file !== undefined ? lineRe.exec(line) : null;
      if (m) {
        found.push(`${file}:${m[1]}:${m[2]}:${m[3]}:${m[5]}:${m[4]}`);
        continue;
      }
      const f = fileRe.exec(line);
      file = f ? f[1] : undefined;
    }
    const one = ['3:13:error:wrong-value:科学设施应为37个', '3:28:warning:outdated-value:科研人员已更新为2.6万人', '4:8:info:unverified:事实库中没有对应数据'];
    assert.deepEqual(found, [...one.map((x) => `drafts/sample.md:${x}`), ...one.map((x) => `drafts/other.md:${x}`)]);
  });

  it('github: workflow commands with escaped properties, capped per kind with a count of the rest', () => {
    const one = render('github').split('\n');
    assert.equal(one[0], '::error file=drafts/sample.md,line=3,endLine=3,col=13,endColumn=16,title=factcheck wrong-value::科学设施应为37个%0Aexpected 37个; source: 《怀柔区专场新闻发布会 <b>&</b>》 2024-08-26');
    assert.match(one[1], /^::warning file=drafts\/sample\.md,line=3,/);
    assert.match(one[2], /^::notice /);
    const many = sampleResult();
    const base = many.findings[0];
    many.findings = Array.from({ length: 25 }, () => ({ ...base }));
    const text = formatReport('github', run({}, many), { color: false, cwd: '/', locale: 'zh' });
    assert.equal(text.split('\n').filter((l) => l.startsWith('::error ')).length, ANNOTATION_CAP);
    assert.match(text, /factcheck: 15 errors not annotated \(GitHub shows at most 10 of each per step\)/);
  });

  it('sarif: valid SARIF 2.1.0 per the JSON schema and Microsoft SARIF Multitool, with rules, UTF-16 columns and fixes', () => {
    const log = JSON.parse(render('sarif'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
    const valid: boolean = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 1));
    const r = log.runs[0];
    assert.equal(r.columnKind, 'utf16CodeUnits');
    assert.equal(r.tool.driver.rules.length, FINDING_CODE_TABLE.length);
    for (const rule of r.tool.driver.rules) assert.ok(rule.help.text && rule.helpUri, rule.id);
    assert.deepEqual(r.results[0].locations[0].physicalLocation.region, { startLine: 3, startColumn: 13, endLine: 3, endColumn: 16, snippet: { text: '40个' } });
    assert.deepEqual(r.results[0].fixes[0].artifactChanges[0].replacements[0], { deletedRegion: { startLine: 3, startColumn: 13, endLine: 3, endColumn: 16 }, insertedContent: { text: '37个' } });
    assert.equal(r.results[2].level, 'note');

    const dir = scratchDir();
    const input = path.join(dir, 'report.sarif');
    const output = path.join(dir, 'validation.sarif');
    fs.writeFileSync(input, JSON.stringify(log));
    const v = spawnSync(MULTITOOL, ['validate', input, '--output', output, '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(v.status, 0, `SARIF Multitool failed to run: ${v.error ?? ''}${v.stderr}${v.stdout}`);
    const findings = JSON.parse(fs.readFileSync(output, 'utf8')).runs[0].results as { level?: string; ruleId: string; message: { text?: string; arguments?: string[] } }[];
    const errors = findings.filter((x) => (x.level ?? 'warning') === 'error');
    assert.deepEqual(errors, [], v.stdout);
  });

  it('a fix whose edit is not the finding\'s own range (a title before a name): every format gives the same edit', () => {
    const text = '# 会议\n\n海淀区委书记李俊杰强调，要持续推动高质量发展。\n';
    const name = text.indexOf('李俊杰');
    const title = text.indexOf('海淀区委书记');
    const result: CheckResult = {
      asOf: '2025-08-05',
      claims: [{ kind: 'role', start: name, end: name + 3, text: '李俊杰', status: 'contradicted', factId: 'role.lijunjie', citations: [] }],
      findings: [
        {
          code: 'wrong-role', severity: 'error', message: '据来源，李俊杰未担任过“海淀区委书记”', start: name, end: name + 3, factId: 'role.lijunjie',
          expected: '海淀区委副书记、区长', citations: [], fix: { start: title, end: name, newText: '海淀区委副书记、区长' }, claim: 0,
        },
      ],
    };
    const { file } = buildFileReport('drafts/role.md', text, result);
    const report: RunReport = { asOf: '2025-08-05', files: [file], summary: summarize([file]), warningsFound: 0 };
    const edit = { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } }, newText: '海淀区委副书记、区长' };
    const json = JSON.parse(render('json', report)).files[0].diagnostics[0];
    assert.deepEqual(json.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 9 } }, 'the finding is on the name');
    assert.deepEqual(json.fix, edit, 'the edit replaces the title before it');
    const applied = text.slice(0, title) + json.fix.newText + text.slice(name);
    assert.ok(applied.includes('海淀区委副书记、区长李俊杰强调'), applied);
    const sarif = JSON.parse(render('sarif', report)).runs[0].results[0];
    assert.deepEqual(sarif.fixes[0].artifactChanges[0].replacements[0], {
      deletedRegion: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 7 },
      insertedContent: { text: '海淀区委副书记、区长' },
    });
    assert.match(render('stylish', report), /应为 海淀区委副书记、区长（替换“海淀区委书记”）/);
    assert.match(render('html', report), /应为 <b>海淀区委副书记、区长<\/b>（替换“海淀区委书记”）/);
    assert.match(render('github', report), /expected 海淀区委副书记、区长 \(replacing “海淀区委书记”\)/);
  });

  it('html: escapes draft and fact-base text, loads nothing external, forbids scripts', () => {
    const html = render('html');
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;b&gt;&amp;&lt;\/b&gt;/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src 'none'; script-src 'none'/);
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//);
    assert.match(html, /<mark class="claim st-contradicted sev-error" id="f0-c0" tabindex="0">40个<span class="tip"/);
  });
});
