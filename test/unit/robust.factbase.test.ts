/**
 * Fact-base faults: links leading outside the folder, files that are not UTF-8, a 50 MB
 * file, an alias bomb, broken links and links to folders each give one clear problem
 * naming the file (and line), the loader never reads outside its folders whatever the
 * fact files say, and mutated copies of real fact files never make it throw.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { join, relative } from 'node:path';
import * as fc from 'fast-check';
import nodeFs = require('node:fs');
import { type Problem } from '../../server/src/core';
import { loadFactBase } from '../../server/src/node';
import { FIXTURE, cleanupCopies, copyBase, show } from './factbaseSupport';
import { textMutations } from './mutations';

/** The one problem of `problems` about `file` (errors and warnings). */
function about(problems: Problem[], file: string): Problem {
  const hits = problems.filter((p) => p.file === file);
  assert.equal(hits.length, 1, `expected one problem about ${file}:\n${show(problems)}`);
  return hits[0];
}

/** Every path fs.readFileSync / fs.openSync was asked for while `run` ran. */
function pathsRead(run: () => void): string[] {
  const seen: string[] = [];
  const read = nodeFs.readFileSync;
  const open = nodeFs.openSync;
  // The module object itself (the loader calls its functions through it), not an import's copy.
  const fsw = nodeFs as unknown as { readFileSync: unknown; openSync: unknown };
  fsw.readFileSync = (...args: Parameters<typeof fs.readFileSync>) => {
    if (typeof args[0] === 'string' || Buffer.isBuffer(args[0])) seen.push(String(args[0]));
    return read(...args);
  };
  fsw.openSync = (...args: Parameters<typeof fs.openSync>) => {
    seen.push(String(args[0]));
    return open(...args);
  };
  try {
    run();
  } finally {
    fsw.readFileSync = read;
    fsw.openSync = open;
  }
  return seen;
}

/** Asserts every path read lies inside `dir`. */
function readsOnlyInside(paths: string[], dir: string): void {
  assert.ok(paths.some((p) => p.endsWith('huairou.yaml')), 'the spy saw the fixture being read');
  const real = fs.realpathSync(dir);
  const outside = paths.filter((p) => relative(real, fs.realpathSync(p)).startsWith('..'));
  assert.deepEqual(outside, [], 'the loader read files outside the fact-base folder');
}

/** GBK bytes of 怀柔区 (what a Windows editor may save). */
const GBK = Buffer.from([0xbb, 0xb3, 0xc8, 0xe1, 0xc7, 0xf8]);

describe('robustness: fact-base faults', function () {
  this.timeout(60_000);
  // What fact files can make the loader read: the load cache's own folder (read and
  // written by design, named by no fact file) is left out of these loads.
  const cacheSetting = process.env.FACTCHECK_CACHE;
  before(() => {
    process.env.FACTCHECK_CACHE = '0';
  });
  after(() => {
    if (cacheSetting === undefined) delete process.env.FACTCHECK_CACHE;
    else process.env.FACTCHECK_CACHE = cacheSetting;
    cleanupCopies();
  });

  it('refuses a source that is a link to /etc/passwd, and reads nothing outside the folder', () => {
    const dir = copyBase(FIXTURE);
    const evil = join(dir, 'sources', 'passwd.md');
    fs.symlinkSync('/etc/passwd', evil);
    let problems: Problem[] = [];
    const paths = pathsRead(() => ({ problems } = loadFactBase([dir])));
    const p = about(problems, evil);
    assert.equal(p.severity, 'error');
    assert.match(p.message, /refused: this file is a link to \/etc\/passwd, outside the fact-base folder/);
    readsOnlyInside(paths, dir);
    assert.ok(!paths.some((x) => x.includes('passwd')));
  });

  it('refuses a fact file that is a link outside, and does not follow links to folders', () => {
    const dir = copyBase(FIXTURE);
    const outside = copyBase(FIXTURE);
    fs.symlinkSync(join(outside, 'huairou.yaml'), join(dir, 'borrowed.yaml'));
    fs.symlinkSync(outside, join(dir, 'elsewhere'));
    fs.symlinkSync('..', join(dir, 'loop'));
    fs.symlinkSync(join(dir, 'huairou.yaml'), join(dir, 'inside-link.yaml')); // a link within the folder is fine to read
    let problems: Problem[] = [];
    const paths = pathsRead(() => ({ problems } = loadFactBase([dir])));
    assert.match(about(problems, join(dir, 'borrowed.yaml')).message, /^refused: this file is a link to .*huairou\.yaml, outside the fact-base folder/);
    for (const link of ['elsewhere', 'loop']) {
      const p = about(problems, join(dir, link));
      assert.equal(p.severity, 'warning');
      assert.match(p.message, /a link to a folder is not followed/);
    }
    readsOnlyInside(paths, dir);
    // The link inside the folder is read: its ids collide with the original's.
    assert.ok(problems.some((p) => p.file === join(dir, 'inside-link.yaml') && /duplicate id/.test(p.message)), show(problems));
  });

  it('reads nothing named by a field: a source whose original is ../../etc/passwd', () => {
    const dir = copyBase(FIXTURE);
    const src = join(dir, 'sources', 'fx-2024-08.md');
    fs.writeFileSync(src, fs.readFileSync(src, 'utf8').replace(/^original: .*$/m, 'original: ../../../../../../etc/passwd'));
    let problems: Problem[] = [];
    const paths = pathsRead(() => ({ problems } = loadFactBase([dir])));
    assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
    readsOnlyInside(paths, dir);
  });

  it('reports a dangling link as a file that cannot be read', () => {
    const dir = copyBase(FIXTURE);
    fs.symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'dangling.yaml'));
    fs.symlinkSync(join(dir, 'nowhere.md'), join(dir, 'sources', 'dangling.md'));
    const { problems } = loadFactBase([dir]);
    assert.match(about(problems, join(dir, 'dangling.yaml')).message, /cannot read this file: it is a link to a file that does not exist/);
    assert.match(about(problems, join(dir, 'sources', 'dangling.md')).message, /cannot read this file/);
  });

  it('names the line and column of the first byte that is not UTF-8, in a source and a fact file', () => {
    const dir = copyBase(FIXTURE);
    const src = join(dir, 'sources', 'fx-2024-08.md');
    const text = fs.readFileSync(src, 'utf8');
    const lines = text.split('\n');
    const k = lines.length - 2; // a body line
    const bytes = Buffer.concat([Buffer.from(lines.slice(0, k).join('\n') + '\n' + '来源：'), GBK, Buffer.from(lines.slice(k).join('\n'))]);
    fs.writeFileSync(src, bytes);
    const yaml = join(dir, 'gbk.yaml');
    fs.writeFileSync(yaml, Buffer.concat([Buffer.from('subjects:\n  - id: gbk\n    name: '), GBK, Buffer.from('\n')]));
    const { problems } = loadFactBase([dir]);
    const p = about(problems, src);
    assert.deepEqual([p.line, p.column, p.severity], [k, 3, 'error']);
    assert.match(p.message, /not UTF-8 text.*save it as UTF-8/);
    const q = about(problems, yaml);
    assert.deepEqual([q.line, q.column], [2, 10]);
    // A real U+FFFD before the bad byte is not mistaken for it.
    fs.writeFileSync(yaml, Buffer.concat([Buffer.from('# \ufffd\nsubjects:\n  - id: gbk\n    name: '), GBK, Buffer.from('\n')]));
    const r = about(loadFactBase([dir]).problems, yaml);
    assert.deepEqual([r.line, r.column], [3, 10]);
  });

  it('refuses a 50 MB fact file without reading it', () => {
    const dir = copyBase(FIXTURE);
    const big = join(dir, 'big.yaml');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 50 * 1024 * 1024); // sparse: no 50 MB written to the disk
    const t0 = Date.now();
    let problems: Problem[] = [];
    const paths = pathsRead(() => ({ problems } = loadFactBase([dir])));
    assert.ok(Date.now() - t0 < 10_000);
    assert.match(about(problems, big).message, /^file is 50\.0 MB; the limit is 10 MB/);
    assert.ok(!paths.includes(big), 'the big file was not read');
  });

  it('refuses an alias bomb on disk quickly, naming the file', () => {
    const dir = copyBase(FIXTURE);
    const bomb = join(dir, 'bomb.yaml');
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 12; i++) {
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    }
    fs.writeFileSync(bomb, lines.join('\n') + '\n');
    const t0 = Date.now();
    const { problems } = loadFactBase([dir]);
    assert.ok(Date.now() - t0 < 10_000, `took ${Date.now() - t0} ms`);
    assert.match(about(problems, bomb).message, /too many YAML alias references/);
  });

  it('never throws on mutated copies of the fixture fact files, and every problem has a place', function () {
    const files = [join(FIXTURE, 'huairou.yaml'), join(FIXTURE, 'subjects.yaml'), join(FIXTURE, 'sources', 'fx-2024-08.md')];
    const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
    const pieces = ['\0', '\ud800', '😀', '\r\n', '\n', '  ', '- ', '&a ', '*a', '<<: *a\n', ': ', '"', "'", '[', ']', '{', '}', '#', '---\n', '!!binary ', '? ', '|\n', '\t', 'value: 1e400\n', 'period: 2024\n', '~', '@'];
    const mutated = textMutations(texts, { pieces, maxInsert: 8, maxLen: 60, kinds: ['insert', 'delete', 'replace', 'repeat'], minEdits: 1, maxEdits: 6 }).map(({ index, text }) => ({
      file: files[index],
      text,
    }));
    fc.assert(
      fc.property(mutated, ({ file, text }) => {
        const { problems } = loadFactBase([FIXTURE], new Map([[file, text]]));
        for (const p of problems) {
          assert.ok(p.file && p.message, JSON.stringify(p));
          assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.column) && p.column >= 0, JSON.stringify(p));
        }
      }),
      { numRuns: 300 },
    );
  });
});
