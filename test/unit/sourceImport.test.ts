/**
 * Source normalization is code, not a hand edit: re-importing every raw article with its
 * metadata gives the committed normalized source back byte for byte, through the same
 * command a curator runs (`factcheck facts import`).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readImportMeta } from '../../server/src/cli/importCommand';
import { importLeftovers, importSource, htmlToText, findLeftovers, normalizeText, stripGluedPinyin, foldFullWidth } from '../../server/src/core/sources';
import { loadFactBase } from '../../server/src/node';
import { FIXTURE } from './factbaseSupport';

const root = resolve(__dirname, '..', '..', '..');
const sources = join(root, 'facts', 'sources');

describe('source import', () => {
  const metas = readImportMeta(join(sources, 'meta'));

  it('has metadata for every raw article', () => {
    const raw = readdirSync(join(sources, 'raw')).sort();
    assert.deepEqual([...metas.keys()].sort(), raw);
  });

  for (const [original, meta] of metas) {
    it(`re-imports ${original} to facts/sources/${meta.id}.md byte for byte`, () => {
      const text = importSource(readFileSync(join(sources, 'raw', original), 'utf8'), meta);
      assert.equal(text, readFileSync(join(sources, `${meta.id}.md`), 'utf8'));
    });
  }

  it('the CLI writes the same files', () => {
    const out = mkdtempSync(join(tmpdir(), 'fc-import-'));
    try {
      const raws = readdirSync(join(sources, 'raw')).map((f) => join(sources, 'raw', f));
      execFileSync(process.execPath, [join(root, 'bin', 'factcheck.js'), 'facts', 'import', ...raws, '--out', out]);
      for (const meta of metas.values()) {
        assert.equal(readFileSync(join(out, `${meta.id}.md`), 'utf8'), readFileSync(join(sources, `${meta.id}.md`), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('exits 2 naming the file when no metadata describes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-import-'));
    try {
      execFileSync(process.execPath, [join(root, 'bin', 'factcheck.js'), 'facts', 'import', join(root, 'package.json'), '--meta', join(sources, 'meta'), '--out', dir], { stdio: 'pipe' });
      assert.fail('expected exit 2');
    } catch (e) {
      const err = e as { status: number; stderr: Buffer };
      assert.equal(err.status, 2);
      assert.match(err.stderr.toString(), /package\.json: no metadata file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('normalization', () => {
  it('converts traditional characters to simplified with OpenCC', () => {
    assert.equal(normalizeText('區委副書記、區長李俊杰圍繞海淀區的創新舉措'), '区委副书记、区长李俊杰围绕海淀区的创新举措');
  });

  it('removes pinyin glued after characters but keeps real parentheses', () => {
    assert.equal(stripGluedPinyin('新聞發(fā)布會(huì)'), '新聞發布會');
    assert.equal(stripGluedPinyin('(来源:北京商报)'), '(来源:北京商报)');
    assert.equal(stripGluedPinyin('APEC(apec)会议'), 'APEC(apec)会议');
  });

  it('folds full-width digits and signs, keeps Chinese punctuation', () => {
    assert.equal(foldFullWidth('增长５．７％，达１２３项。'), '增长5.7%，达123项。');
  });

  it('turns HTML into one paragraph a line, without links, scripts or styles', () => {
    const text = htmlToText('<p>中关村<a href="https://x.example/">科学城</a></p><style>.a{}</style><script>alert(1)</script><p>第二段</p>');
    assert.equal(text.trim(), '中关村科学城\n第二段');
  });
});

describe('leftovers of a damaged original', () => {
  const metas = readImportMeta(join(sources, 'meta'));
  it('finds pinyin with tone marks, replacement characters and question marks inside Chinese text, not a question\'s end', () => {
    const kinds = (t: string) => findLeftovers(t).map((l) => [l.text, l.kind]);
    assert.deepEqual(kinds('城市彩化全域?qū)嵤_放绿色消费场景22处'), [['?qū', 'question mark and pinyin']]);
    assert.deepEqual(kinds('森林覆盖\ufffd率'), [['\ufffd', 'replacement character']]);
    assert.deepEqual(kinds('建设示范?区'), [['?', 'question mark']]);
    assert.deepEqual(kinds('有什么先进的做法?对青年人才有哪些政策?'), []);
    assert.deepEqual(kinds('Beijing is a city, 北京PM2.5?'), []);
  });

  it('import warns about a leftover its metadata does not record, and records the damage it does in the front matter', () => {
    const meta = metas.get('003_395f3b0c9b642843.txt')!;
    const raw = readFileSync(join(sources, 'raw', '003_395f3b0c9b642843.txt'), 'utf8');
    assert.deepEqual(importLeftovers(raw, meta), [], 'the recorded damage is not warned about');
    const bare = { ...meta, damage: undefined };
    assert.deepEqual(importLeftovers(raw, bare).map((l) => l.text), ['?qū']);
    assert.match(importSource(raw, meta), /^damage:\n {2}- text: \?qū\)嵤_\n/m);
    assert.throws(() => importSource(raw, { ...meta, damage: [{ text: '不存在的文字', note: 'x' }] }), /damage not found in the text: 不存在的文字/);
  });

  it('facts check warns at an unrecorded leftover, at its line and column in the source', () => {
    const file = join(FIXTURE, 'sources', 'fx-2024-08.md');
    const text = readFileSync(file, 'utf8').replace('集聚了国家实验室', '集聚了国家实?qū室');
    const problems = loadFactBase([FIXTURE], new Map([[file, text]])).problems.filter((p) => /leftover/.test(p.message));
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0].severity, 'warning');
    assert.equal(problems[0].line, text.split('\n').findIndex((l) => l.includes('?qū')));
    assert.match(problems[0].message, /leftover of a damaged original \(question mark and pinyin "\?qū"\)/);
    const recorded = text.replace('original: 001_f9d907625e0d15d3.txt\n', 'original: 001_f9d907625e0d15d3.txt\ndamage:\n  - text: 实?qū室\n    note: garbled in the raw article\n');
    assert.deepEqual(loadFactBase([FIXTURE], new Map([[file, recorded]])).problems.filter((p) => /leftover|damage/.test(p.message)), []);
  });
});
