/**
 * parseFactFile and parseSourceFile: YAML and schema problems land on the right line
 * and column, in plain language; resource guards (aliases, size) hold.
 */
import * as assert from 'node:assert/strict';
import { MAX_FACT_FILE_BYTES, parseFactFile, parseSourceFile, type Problem } from '../../server/src/core/factbase';

const OBS = `observations:
  - id: hr.facilities.2024
    measure: hr.facilities
    value: 37
    figure: 37个
    period: '@2024-08-26'
    source: hr-2024-08
    quote: 怀柔科学城布局落地了37个科学设施
`;

function only(problems: Problem[]): Problem {
  assert.equal(problems.length, 1, `expected one problem, got: ${JSON.stringify(problems, null, 1)}`);
  return problems[0];
}

describe('factbase: parseFactFile', () => {
  it('accepts a valid file and applies defaults', () => {
    const r = parseFactFile(OBS, 'f.yaml');
    assert.deepEqual(r.problems, []);
    assert.equal(r.data?.observations?.[0].qualifier, 'exact');
    assert.deepEqual(r.positions.entry('observations', 0), { line: 1, column: 4, endLine: 8, endColumn: 0 });
    assert.equal(r.positions.entry('observations', 0, 'figure').line, 4);
  });

  it('accepts an empty file as an empty fact file', () => {
    const r = parseFactFile('# nothing yet\n', 'f.yaml');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.data, {});
  });

  it('reports invalid YAML at its line and column', () => {
    const p = only(parseFactFile('observations:\n  - id: a\n    value: [1, 2\n    figure: x\n', 'bad.yaml').problems.filter((x) => x.severity === 'error').slice(0, 1));
    assert.equal(p.file, 'bad.yaml');
    assert.match(p.message, /^invalid YAML: /);
    assert.ok(p.line >= 2 && p.line <= 4, `line ${p.line}`);
  });

  it('reports a duplicate key as invalid YAML on the second key', () => {
    const r = parseFactFile('subjects:\n  - id: a\n    name: A\n    name: B\n', 'd.yaml');
    const p = r.problems[0];
    assert.match(p.message, /invalid YAML: .*unique/i);
    assert.equal(p.line, 3);
  });

  it('reports a bad value at the value, in plain language', () => {
    const p = only(parseFactFile(OBS.replace('value: 37', 'value: "37个"'), 'f.yaml').problems);
    assert.deepEqual([p.line, p.column], [3, 11]);
    assert.equal(p.message, 'observation "hr.facilities.2024": "value" must be a number, not the text "37个"');
    assert.equal(p.severity, 'error');
  });

  it('reports a missing key at the entry', () => {
    const p = only(parseFactFile(OBS.replace('    figure: 37个\n', ''), 'f.yaml').problems);
    assert.deepEqual([p.line, p.column], [1, 4]);
    assert.equal(p.message, 'observation "hr.facilities.2024": missing required key "figure"');
  });

  it('reports an unknown key at the key and suggests the right one', () => {
    const p = only(parseFactFile(OBS.replace('    period:', '    perod:'), 'f.yaml').problems.filter((x) => /unknown key/.test(x.message)));
    assert.deepEqual([p.line, p.column], [5, 4]);
    assert.match(p.message, /unknown key "perod" \(did you mean "period"\?\)/);
  });

  it('reports a pattern mismatch with the schema\'s own explanation', () => {
    const p = only(parseFactFile(OBS.replace("'@2024-08-26'", '2024-08'), 'f.yaml').problems);
    assert.deepEqual([p.line, p.column], [5, 12]);
    assert.match(p.message, /"period" is "2024-08", but period is YYYY, YYYYH1/);
  });

  it('reports an enum mismatch listing the allowed values', () => {
    const p = only(parseFactFile(OBS.replace('    value: 37\n', '    value: 37\n    qualifier: roughly\n'), 'f.yaml').problems);
    assert.equal(p.line, 4);
    assert.match(p.message, /"qualifier" "roughly" is not one of: exact, about, over, under/);
  });

  it('reports unknown top-level keys and a non-mapping file', () => {
    const p = only(parseFactFile('observation: []\n', 'f.yaml').problems);
    assert.deepEqual([p.line, p.column], [0, 0]);
    assert.match(p.message, /unknown key "observation" at the top level.*did you mean "observations"/);
    const q = only(parseFactFile('- a\n- b\n', 'f.yaml').problems);
    assert.match(q.message, /a fact file is a mapping/);
  });

  it('keeps the valid entries of a file with one bad entry', () => {
    const text = OBS + OBS.replace('observations:\n', '').replace('hr.facilities.2024', 'hr.other').replace('value: 37', 'value: x');
    const r = parseFactFile(text, 'f.yaml');
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].line, 10);
    assert.deepEqual(r.data?.observations?.map((o) => o.id), ['hr.facilities.2024']);
    assert.deepEqual(r.droppedIds, ['hr.other']);
  });

  it('maps entry positions past dropped entries', () => {
    const bad = OBS.replace('observations:\n', '').replace('hr.facilities.2024', 'hr.bad').replace('value: 37', 'value: x');
    const r = parseFactFile(OBS.replace('\n  - id:', `\n${bad}  - id:`), 'f.yaml');
    assert.deepEqual(r.data?.observations?.map((o) => o.id), ['hr.facilities.2024']);
    assert.equal(r.positions.entry('observations', 0).line, 8);
  });

  it('refuses an alias bomb', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const p = only(parseFactFile(lines.join('\n') + '\n', 'bomb.yaml').problems);
    assert.match(p.message, /too many YAML alias references/);
  });

  it('refuses a file over the size limit without parsing it', () => {
    const big = '# ' + '数'.repeat(Math.ceil(MAX_FACT_FILE_BYTES / 3)) + '\n';
    const p = only(parseFactFile(big, 'big.yaml').problems);
    assert.match(p.message, /fact file is 10\.0 MB; the limit is 10 MB/);
  });
});

describe('factbase: parseSourceFile', () => {
  const SRC = '---\nid: hr-2024-08\ntitle: 标题\npublisher: 发布者\npublished: 2024-08-26\noriginal: 001.txt\n---\n第一行。\n第二行37个。\n';

  it('reads front matter and body with the body line', () => {
    const r = parseSourceFile(SRC, '/x/sources/hr-2024-08.md');
    assert.deepEqual(r.problems, []);
    assert.equal(r.source?.id, 'hr-2024-08');
    assert.equal(r.source?.bodyLine, 7);
    assert.equal(r.source?.body, '第一行。\n第二行37个。\n');
    assert.deepEqual(r.idPosition && [r.idPosition.line, r.idPosition.column], [1, 4]);
  });

  it('reports front-matter problems at their line in the file', () => {
    const r = parseSourceFile(SRC.replace('2024-08-26', '2024/08/26'), '/x/sources/hr-2024-08.md');
    const p = only(r.problems);
    assert.deepEqual([p.line, p.column], [4, 11]);
    assert.match(p.message, /"published" is "2024\/08\/26", but dates are written YYYY-MM-DD/);
    assert.equal(r.source, undefined);
  });

  it('requires front matter, and warns when the id differs from the file name', () => {
    assert.match(only(parseSourceFile('正文\n', 's.md').problems).message, /starts with YAML front matter/);
    assert.match(only(parseSourceFile('---\nid: a\n', 's.md').problems).message, /not closed/);
    const w = only(parseSourceFile(SRC, '/x/sources/other.md').problems);
    assert.equal(w.severity, 'warning');
    assert.match(w.message, /differs from the file name/);
  });
});
