/**
 * parseFactFiles in worker threads gives what parseFactFile gives in this thread, file
 * for file: data, problems, dropped ids and figures, and every entry and field position
 * (files whose positions need the whole document are parsed in this thread), whether
 * files are given as text or as their UTF-8 bytes.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledFactsDir, listFactFiles, parseFactFile, SECTIONS, type ParsedFactFile } from '../../server/src/core/factbase';
import { parseFactFiles } from '../../server/src/core/factbase/parallelParse';

/**
 * The files as parseFactFiles takes them: every other one as its UTF-8 bytes, in buffers
 * of their own (copied for the workers) or all in one shared buffer (as load.ts reads them).
 */
function inputs(files: { file: string; text: string }[], shared = false): { file: string; content: string | Buffer }[] {
  const all = Buffer.from(new SharedArrayBuffer(files.reduce((s, f) => s + Buffer.byteLength(f.text), 0)));
  let at = 0;
  return files.map((f, k) => {
    if (k % 2 === 0) return { file: f.file, content: f.text };
    if (!shared) return { file: f.file, content: Buffer.from(f.text) };
    const n = all.write(f.text, at);
    at += n;
    return { file: f.file, content: all.subarray(at - n, at) };
  });
}

const FIELDS = ['id', 'name', 'subject', 'unit', 'measure', 'value', 'high', 'qualifier', 'figure', 'period', 'source', 'quote', 'conflictsWith', 'person', 'titles', 'context', 'nope'];

describe('factbase: fact files parsed in worker threads', function () {
  this.timeout(60_000);

  it('match parsing in this thread, for valid, broken and aliased files', () => {
    const dir = bundledFactsDir();
    const files = listFactFiles(dir).map((rel) => ({ file: join(dir, rel), text: readFileSync(join(dir, rel), 'utf8') }));
    const first = files[0].text;
    files.push(
      { file: 'syntax.yaml', text: 'observations:\n  - id: a\n    value: [1, 2\n' },
      { file: 'schema.yaml', text: first.replace(/value: [0-9.]+/, 'value: "x"').replace(/figure: /, 'figur: ') },
      { file: 'alias.yaml', text: 'subjects:\n  - &s {id: a1, name: A}\n  - *s\n' },
      { file: 'list.yaml', text: '- 1\n' },
      { file: 'empty.yaml', text: '' },
    );
    const here = files.map((f) => parseFactFile(f.text, f.file));
    for (const shared of [false, true]) assertSame(parseFactFiles(inputs(files, shared), { minChars: 0, here: false }), here);
  });

  it('give the same with this thread taking files too, and run its own work once alongside', () => {
    const dir = bundledFactsDir();
    const files = listFactFiles(dir).map((rel) => ({ file: join(dir, rel), text: readFileSync(join(dir, rel), 'utf8') }));
    const here = files.map((f) => parseFactFile(f.text, f.file));
    for (const workers of [undefined, '0']) {
      const saved = process.env.FACTCHECK_PARSE_WORKERS;
      if (workers) process.env.FACTCHECK_PARSE_WORKERS = workers;
      try {
        let runs = 0;
        assertSame(parseFactFiles(inputs(files, true), { minChars: 0, alongside: () => runs++ }), here);
        assert.equal(runs, 1, `alongside ran ${runs} times (workers ${workers ?? 'on'})`);
      } finally {
        if (saved === undefined) delete process.env.FACTCHECK_PARSE_WORKERS;
        else process.env.FACTCHECK_PARSE_WORKERS = saved;
      }
    }
  });
});

/** Parsed files equal file for file: everything but positions, then every entry and field position. */
function assertSame(there: ParsedFactFile[], here: ParsedFactFile[]): void {
  assert.equal(there.length, here.length);
  there.forEach((t, k) => {
    const h = here[k];
    const { positions: tp, ...tRest } = t;
    const { positions: hp, ...hRest } = h;
    assert.deepStrictEqual(tRest, hRest, h.file);
    assert.deepStrictEqual(tp.yamlIndex, hp.yamlIndex, h.file);
    for (const s of SECTIONS) {
      (h.data?.[s] ?? []).forEach((_, i) => {
        assert.deepStrictEqual(tp.entry(s, i), hp.entry(s, i), `${h.file} ${s}[${i}]`);
        for (const f of FIELDS) assert.deepStrictEqual(tp.entry(s, i, f), hp.entry(s, i, f), `${h.file} ${s}[${i}].${f}`);
      });
    }
  });
}
