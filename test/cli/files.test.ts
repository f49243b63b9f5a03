/**
 * Inputs of `factcheck check`: folders expand to drafts (*.md, *.markdown, *.txt),
 * globs match, .gitignore files (root and nested, folder rules) are honoured, the
 * configuration's include/exclude apply, named files are always taken; sharding
 * puts every file in exactly one shard.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandInputs, parseShard, selectShard, shardOf } from '../../server/src/cli/files';
import { cleanupScratch, scratchDir, writeTree } from './support';

function rel(dir: string, files: string[]): string[] {
  return files.map((f) => path.relative(dir, f).split(path.sep).join('/'));
}

describe('cli: inputs', () => {
  let dir: string;
  before(() => {
    dir = scratchDir();
    fs.mkdirSync(path.join(dir, '.git'));
    writeTree(dir, {
      '.gitignore': 'build/\n*.tmp.md\n',
      'a.md': '',
      'b.markdown': '',
      'c.txt': '',
      'd.yaml': '',
      'x.tmp.md': '',
      'build/e.md': '',
      'docs/f.md': '',
      'docs/.gitignore': 'private.md\n!keep.tmp.md\n',
      'docs/private.md': '',
      'docs/keep.tmp.md': '',
      'docs/sub/g.txt': '',
      'node_modules/pkg/readme.md': '',
      'facts/sources/s.md': '',
    });
  });
  after(cleanupScratch);

  it('expands a folder to its drafts, honouring .gitignore and skipping node_modules', async () => {
    const files = await expandInputs(['.'], { cwd: dir });
    assert.deepEqual(rel(dir, files), ['a.md', 'b.markdown', 'c.txt', 'docs/f.md', 'docs/keep.tmp.md', 'docs/sub/g.txt', 'facts/sources/s.md']);
  });

  it('skips the fact-base folders in use', async () => {
    const files = await expandInputs(['.'], { cwd: dir, skipDirs: [path.join(dir, 'facts')] });
    assert.ok(!rel(dir, files).includes('facts/sources/s.md'));
  });

  it('matches globs, still honouring .gitignore', async () => {
    assert.deepEqual(rel(dir, await expandInputs(['**/*.md'], { cwd: dir })), ['a.md', 'docs/f.md', 'docs/keep.tmp.md', 'facts/sources/s.md']);
    assert.deepEqual(rel(dir, await expandInputs(['docs/**/*.txt'], { cwd: dir })), ['docs/sub/g.txt']);
  });

  it('always checks a file named on the command line, whatever its name', async () => {
    assert.deepEqual(rel(dir, await expandInputs(['build/e.md', 'd.yaml', 'a.md', 'a.md'], { cwd: dir })), ['a.md', 'build/e.md', 'd.yaml']);
  });

  it('applies the configuration include and exclude globs', async () => {
    const files = await expandInputs(['.'], { cwd: dir, include: ['**/*.txt'], exclude: ['docs/sub/'], excludeBase: dir });
    assert.deepEqual(rel(dir, files), ['c.txt']);
  });

  it('rejects an input that is neither a file, a folder nor a glob', async () => {
    await assert.rejects(expandInputs(['missing.md'], { cwd: dir }), /missing\.md: no such file or folder/);
  });
});

describe('cli: shards', () => {
  const files = Array.from({ length: 200 }, (_, i) => `/r/drafts/${i % 7}/draft-${i}.md`);

  it('puts every file in exactly one shard, for several shard counts', () => {
    for (const n of [1, 2, 3, 5, 8]) {
      const parts = Array.from({ length: n }, (_, i) => selectShard(files, { index: i + 1, count: n }, '/r'));
      assert.deepEqual(parts.flat().sort(), [...files].sort(), `n=${n}`);
      assert.equal(new Set(parts.flat()).size, files.length);
      if (n > 1) for (const p of parts) assert.ok(p.length > 0, `an empty shard with n=${n}`);
    }
  });

  it('depends only on the path, not on which other files exist', () => {
    const alone = selectShard(['/r/drafts/3/draft-10.md'], { index: shardOf('drafts/3/draft-10.md', 4), count: 4 }, '/r');
    assert.deepEqual(alone, ['/r/drafts/3/draft-10.md']);
  });

  it('parses i/n and rejects nonsense', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '2']) assert.throws(() => parseShard(bad), /--shard/);
  });
});
