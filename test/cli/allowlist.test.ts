/**
 * The CLI and the editor agree on what the writer chose not to check: disable comments and
 * claims accepted into `.factcheck-allow.json` are suppressed in `factcheck check` too.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const bin = resolve(__dirname, '..', '..', '..', 'bin', 'factcheck.js');

function check(cwd: string, file: string) {
  const r = spawnSync(process.execPath, [bin, 'check', '--format', 'json', file], { cwd, encoding: 'utf8' });
  return { status: r.status, report: r.stdout ? JSON.parse(r.stdout) : undefined, stderr: r.stderr };
}

describe('check honours suppressions', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fc-allow-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const line = '“十四五”以来，怀柔区GDP年均增长7.5%。';
  const draft = `---\ndate: 2025-12-15\n---\n${line}\n`;

  it('reports the wrong figure when nothing suppresses it', () => {
    writeFileSync(join(dir, 'a.md'), draft);
    const { status, report } = check(dir, 'a.md');
    assert.equal(status, 1);
    assert.equal(report.files[0].diagnostics[0].code, 'wrong-value');
  });

  it('suppresses a claim accepted into .factcheck-allow.json', () => {
    writeFileSync(join(dir, 'a.md'), draft);
    writeFileSync(join(dir, '.factcheck-allow.json'), JSON.stringify({ claims: [{ text: '7.5%', line }] }));
    const { status, report } = check(dir, 'a.md');
    assert.equal(status, 0);
    assert.deepEqual(report.files[0].diagnostics, []);
    assert.equal(report.files[0].claims.find((c: { text: string }) => c.text === '7.5%').status, 'suppressed');
  });

  it('suppresses the line after a disable comment', () => {
    writeFileSync(join(dir, 'a.md'), `---\ndate: 2025-12-15\n---\n<!-- factcheck-disable-next-line -->\n${line}\n`);
    assert.equal(check(dir, 'a.md').status, 0);
  });

  it('exits 2 naming the allowlist when it is not valid', () => {
    writeFileSync(join(dir, 'a.md'), draft);
    writeFileSync(join(dir, '.factcheck-allow.json'), '{"claims": [1]}');
    const { status, stderr } = check(dir, 'a.md');
    assert.equal(status, 2);
    assert.match(stderr, /\.factcheck-allow\.json: claims\.0/);
  });
});
