/**
 * Draft faults in `factcheck check`: binary files, UTF-16, text that is not UTF-8 and a
 * 20 MB file are skipped with a warning naming the file while the other drafts are
 * checked; a file that disappears during a run is an error (status 2) that still lets
 * the others be checked; a file changed during a run is reported as it was read; a
 * broken fact base (link outside its folder, not UTF-8) stops the run with status 2;
 * the HTML report of a draft checked against a hostile fact file holds no markup from it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import nodeFs = require('node:fs');
import { executeCheck, parseCheckArgs } from '../../server/src/cli/checkCommand';
import { draftText, MAX_DRAFT_BYTES, readDraft } from '../../server/src/node';
import { AS_OF, FACTS, FIXTURES, cleanupScratch, runCli, scratchDir } from './support';
import { HOSTILE_DRAFT, writeHostileFacts } from '../support/hostileFacts';

const ARGS = ['--no-config', '--facts', FACTS, '--as-of', AS_OF, '--locale', 'en'];
const CLEAN = fs.readFileSync(path.join(FIXTURES, 'drafts', 'clean.md'), 'utf8');
const ERRORS = fs.readFileSync(path.join(FIXTURES, 'drafts', 'errors.md'), 'utf8');
/** 怀柔区 in GBK, as a Windows editor may save it. */
const GBK = Buffer.from([0xbb, 0xb3, 0xc8, 0xe1, 0xc7, 0xf8]);

/** A folder of drafts: one clean, and one of each kind that must be skipped. */
function faultyFolder(): string {
  const dir = scratchDir();
  fs.writeFileSync(path.join(dir, 'clean.md'), CLEAN);
  fs.writeFileSync(path.join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  fs.writeFileSync(path.join(dir, 'gbk.md'), Buffer.concat([Buffer.from('# 标题\n\n'), GBK, Buffer.from('有37个科学设施。\n')]));
  fs.writeFileSync(path.join(dir, 'notepad.txt'), Buffer.from('\ufeff怀柔区', 'utf16le'));
  const big = path.join(dir, 'big.md');
  fs.closeSync(fs.openSync(big, 'w'));
  fs.truncateSync(big, 20 * 1024 * 1024); // sparse: nothing written to the disk
  return dir;
}

/** Runs `fn` with the real fs module's `name` wrapped (the CLI calls it through the module object). */
function withFs<K extends 'statSync' | 'readFileSync'>(name: K, wrap: (real: (typeof nodeFs)[K]) => (typeof nodeFs)[K], fn: () => Promise<void>): Promise<void> {
  const target = nodeFs as unknown as Record<string, unknown>;
  const real = nodeFs[name];
  target[name] = wrap(real);
  return fn().finally(() => {
    target[name] = real;
  });
}

describe('cli: draft faults', function () {
  this.timeout(120_000);
  after(cleanupScratch);

  it('skips binary, UTF-16, non-UTF-8 and 20 MB drafts with a warning each, and checks the rest', () => {
    const dir = faultyFolder();
    const r = runCli(['check', '--format', 'json', ...ARGS, dir]);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { files: { path: string }[]; summary: { files: number } };
    assert.deepEqual(report.files.map((f) => path.basename(f.path)), ['clean.md']);
    const warning = (name: string, why: RegExp) => assert.match(r.stderr, new RegExp(`^factcheck: warning: .*${name}: skipped: ${why.source}`, 'm'));
    warning('image\\.md', /it looks binary/);
    warning('notepad\\.txt', /it is UTF-16 text: save it as UTF-8/);
    warning('gbk\\.md', /it is not UTF-8 text \(line 3, column 1 holds a byte that is not UTF-8\)/);
    warning('big\\.md', /it is 20\.0 MB; drafts over 10\.0 MB are not checked/);
    // A skipped draft counts as a warning for --max-warnings.
    assert.equal(runCli(['check', '--format', 'json', '--max-warnings', '0', ...ARGS, dir]).status, 1);
  });

  it('refuses binary standard input with status 2', () => {
    const r = runCli(['check', ...ARGS, '--stdin', '--stdin-filename', 'x.md'], { input: '\0\0\0binary' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /x\.md: it looks binary/);
  });

  it('reports a draft that disappears during the run as unreadable, and checks the others', async () => {
    const dir = scratchDir();
    fs.writeFileSync(path.join(dir, 'a.md'), ERRORS);
    fs.writeFileSync(path.join(dir, 'vanishing.md'), ERRORS);
    const run = parseCheckArgs([...ARGS, dir], dir);
    await withFs(
      'statSync',
      (real) =>
        ((file: fs.PathLike, ...rest: unknown[]) => {
          // The file goes away between listing the folder and reading it.
          if (String(file).endsWith('vanishing.md') && fs.existsSync(file)) fs.unlinkSync(file);
          return (real as (...a: unknown[]) => unknown)(file, ...rest);
        }) as typeof real,
      async () => {
        const report = await executeCheck(run);
        assert.deepEqual(report.files.map((f) => f.path), ['a.md']);
        assert.ok(report.summary.error > 0, 'a.md was checked');
        assert.equal(report.unreadable.length, 1);
        assert.match(report.unreadable[0], /^vanishing\.md: cannot read it: the file no longer exists/);
      },
    );
  });

  it('reports a draft changed during the run as it was read', async () => {
    const dir = scratchDir();
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, ERRORS);
    const run = parseCheckArgs([...ARGS, file], dir);
    await withFs(
      'readFileSync',
      (real) =>
        ((p: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
          const out = (real as (...a: unknown[]) => unknown)(p, ...rest);
          if (String(p) === file) fs.writeFileSync(file, 'rewritten while the check ran\n'); // the writer saves again
          return out;
        }) as typeof real,
      async () => {
        const report = await executeCheck(run);
        const f = report.files[0];
        assert.equal(fs.readFileSync(file, 'utf8'), 'rewritten while the check ran\n', 'the file changed during the run');
        assert.equal(f.text, ERRORS);
        assert.ok(f.diagnostics.length > 0 && f.diagnostics.every((d) => d.end <= ERRORS.length));
      },
    );
  });

  it('reads drafts by their bytes: limits and encodings', () => {
    assert.deepEqual(draftText(Buffer.from('正文\r\n')), { text: '正文\r\n' });
    assert.deepEqual(draftText(Buffer.from('\ufeff正文')), { text: '\ufeff正文' }, 'a UTF-8 BOM is kept (ranges count it)');
    assert.match((draftText(Buffer.concat([Buffer.from('a\nbc'), Buffer.from([0xc3])])) as { skipped: string }).skipped, /line 2, column 3/);
    assert.match((draftText(Buffer.alloc(MAX_DRAFT_BYTES + 1, 0x61)) as { skipped: string }).skipped, /10\.0 MB/);
    assert.match((readDraft(scratchDir()) as { error: string }).error, /it is a folder/);
  });

  it('html: a hostile fact file cannot put a script, an image, a link or an event handler into the report', () => {
    const dir = scratchDir();
    const facts = writeHostileFacts(path.join(dir, 'facts'));
    fs.writeFileSync(path.join(dir, 'draft.md'), HOSTILE_DRAFT);
    const r = runCli(['check', '--format', 'html', '--no-config', '--facts', facts, '--as-of', AS_OF, 'draft.md'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    const html = r.stdout;
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the hostile quote is in the report, as text');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*script-src 'none'/);
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'h3', 'p', 'span', 'mark', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'section', 'div', 'code', 'b', 'ul', 'li', 'cite', 'q']);
    for (const [, tag, attrs] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
      assert.ok(allowed.has(tag.toLowerCase()), `<${tag}${attrs}>`);
      assert.doesNotMatch(attrs, /\son\w+\s*=|\ssrc\s*=|javascript:/i, `<${tag}${attrs}>`);
      const href = /\shref="([^"]*)"/.exec(attrs);
      if (href) assert.match(href[1], /^#[\w-]+$/, `only links inside the page: <${tag}${attrs}>`);
    }
  });

  it('stylish, github and facts check: control characters from a fact file reach the terminal as visible symbols', () => {
    const dir = scratchDir();
    const facts = writeHostileFacts(path.join(dir, 'facts'));
    const src = path.join(facts, 'sources', 'demo-2024.md');
    // A title that would clear the screen and plant a terminal hyperlink.
    fs.writeFileSync(src, fs.readFileSync(src, 'utf8').replace(/^title: .*$/m, 'title: "示例\\e[2J\\e]8;;https://evil.example\\e\\\\点我\\e]8;;\\e\\\\"'));
    fs.writeFileSync(path.join(dir, 'draft.md'), HOSTILE_DRAFT);
    const r = runCli(['check', '--no-config', '--facts', facts, '--as-of', AS_OF, 'draft.md'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    assert.ok(r.stdout.includes('示例␛[2J␛]8;;https://evil.example␛\\点我'), r.stdout);
    assert.ok(!r.stdout.includes('\u001b'), 'no raw ESC');
    const g = runCli(['check', '--no-config', '--facts', facts, '--as-of', AS_OF, '--format', 'github', 'draft.md'], { cwd: dir });
    assert.ok(g.stdout.includes('示例␛[2J'), g.stdout);
    assert.ok(!g.stdout.includes('\u001b'), 'no raw ESC in workflow commands');
    const y = path.join(facts, 'demo.yaml');
    fs.writeFileSync(y, fs.readFileSync(y, 'utf8').replace('figure: 48个', 'figure: "48个\\e[2J"'));
    const f = runCli(['facts', 'check', '--facts', facts], { cwd: dir });
    assert.equal(f.status, 2);
    assert.ok(f.stdout.includes('48个␛[2J'), f.stdout);
    assert.ok(!f.stdout.includes('\u001b'), 'no raw ESC');
  });

  it('exits 2 when the fact base has a source linking outside its folder or a file that is not UTF-8', () => {
    const dir = scratchDir();
    fs.cpSync(FACTS, dir, { recursive: true });
    fs.symlinkSync('/etc/passwd', path.join(dir, 'sources', 'passwd.md'));
    fs.writeFileSync(path.join(dir, 'gbk.yaml'), Buffer.concat([Buffer.from('subjects:\n  - id: gbk\n    name: '), GBK, Buffer.from('\n')]));
    const r = runCli(['check', '--no-config', '--facts', dir, path.join(FIXTURES, 'drafts', 'clean.md')]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /passwd\.md:1:1: error: refused: this file is a link to \/etc\/passwd, outside the fact-base folder/);
    assert.match(r.stderr, /gbk\.yaml:3:11: error: the file is not UTF-8 text/);
    assert.equal(r.stdout, '');
    const facts = runCli(['facts', 'check', '--facts', dir]);
    assert.equal(facts.status, 2);
    assert.match(facts.stdout, /passwd\.md:1:1: error: refused/);
  });
});
