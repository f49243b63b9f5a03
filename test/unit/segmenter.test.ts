// The segmenter's tables: the compact dictionary is nodejieba's own dictionary cut at a
// frequency, derived once into a private folder, and the engine segments with it while
// still keeping the fact base's names and terms whole.
import { strict as assert } from 'node:assert';
import { chmodSync, copyFileSync, readdirSync, utimesSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPACT_MIN_FREQUENCY, compactDictionary, segmenterTables } from '../../server/src/node';
import { addWords, words } from '../../server/src/core/match';

const fullDict = require('nodejieba').DEFAULT_DICT as string;

describe('segmenter tables', () => {
  it('keeps exactly the dictionary entries at or above the frequency', () => {
    const full = readFileSync(fullDict, 'utf8');
    const compact = compactDictionary(full, COMPACT_MIN_FREQUENCY).trim().split('\n');
    const expected = full
      .split('\n')
      .filter((l) => l.trim() && Number(l.trim().split(/\s+/)[1]) >= COMPACT_MIN_FREQUENCY)
      .map((l) => l.trim());
    assert.deepEqual(compact, expected);
    assert.ok(compact.length > 30_000 && compact.length < 45_000, `${compact.length} entries`);
    assert.ok(compact.includes('发展 1238829 vn') || compact.some((l) => l.startsWith('发展 ')));
    assert.equal(compactDictionary('甲 3 n\n乙 10 n\n丙 x\n\n丁 11\n', 10), '乙 10 n\n丁 11\n');
  });

  it('writes the tables once into a folder only the user can write', () => {
    const before = mkdtempSync(join(tmpdir(), 'fc-seg-'));
    const prev = process.env.TMPDIR;
    process.env.TMPDIR = before;
    try {
      const t = segmenterTables(fullDict);
      assert.ok(t.dict && t.idfDict && t.stopWordDict);
      assert.equal(readFileSync(t.dict, 'utf8'), compactDictionary(readFileSync(fullDict, 'utf8'), COMPACT_MIN_FREQUENCY));
      const dirMode = statSync(join(t.dict, '..')).mode & 0o777;
      if (process.getuid) assert.equal(dirMode & 0o022, 0, `mode ${dirMode.toString(8)}`);
      const mtime = statSync(t.dict).mtimeMs;
      assert.deepEqual(segmenterTables(fullDict), t);
      assert.equal(statSync(t.dict).mtimeMs, mtime, 'not rewritten');
      if (process.getuid) {
        chmodSync(join(t.dict, '..'), 0o777);
        assert.deepEqual(segmenterTables(fullDict), {}, 'a folder others can write is not trusted');
        const dir = join(t.dict, '..');
        rmSync(dir, { recursive: true, force: true });
        const elsewhere = mkdtempSync(join(before, 'target-'));
        symlinkSync(elsewhere, dir);
        assert.deepEqual(segmenterTables(fullDict), {}, 'a link in place of the folder is not followed');
      }
      assert.deepEqual(segmenterTables(join(before, 'no-such-dict')), {}, 'falls back to the full tables');
    } finally {
      if (prev === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = prev;
      rmSync(before, { recursive: true, force: true });
    }
  });

  it('derives the compact dictionary once per nodejieba version, whatever the dictionary file’s time (a fresh install)', () => {
    const before = mkdtempSync(join(tmpdir(), 'fc-seg-'));
    const prev = process.env.TMPDIR;
    process.env.TMPDIR = before;
    try {
      const installed = join(before, 'jieba.dict.utf8');
      copyFileSync(fullDict, installed);
      const first = segmenterTables(installed, '3.5.8');
      utimesSync(installed, new Date(), new Date(Date.now() + 60_000)); // extracted again, later
      assert.deepEqual(segmenterTables(installed, '3.5.8'), first, 'the same tables');
      assert.equal(readdirSync(join(first.dict!, '..')).filter((f) => f.startsWith('dict-')).length, 1, 'no second copy');
      assert.notDeepEqual(segmenterTables(installed, '3.6.0'), first, 'another version, other tables');
      assert.notDeepEqual(segmenterTables(installed, '../x'), first, 'a version that is not a plain name is not used in a file name');
    } finally {
      if (prev === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = prev;
      rmSync(before, { recursive: true, force: true });
    }
  });

  it('segments policy text, keeping added fact-base words whole', () => {
    assert.deepEqual(words('我们稳步推进各项工作'), ['我们', '稳步', '推进', '各项', '工作']);
    addWords(['怀柔科学城']);
    assert.ok(words('怀柔科学城建设加快').includes('怀柔科学城'));
  });
});
