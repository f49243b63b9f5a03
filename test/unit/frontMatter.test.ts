/**
 * A draft's front matter: its date dates the check. A front matter that is not YAML (an
 * unquoted colon in a title) still gives the date written on its own line, and says why
 * the rest could not be read, so a draft is never checked as of today by mistake.
 */
import { strict as assert } from 'node:assert';
import { readFrontMatter } from '../../server/src/core/draft';
import { checkText } from '../../server/src/core';
import { bundledFactsDir, loadFactBase } from '../../server/src/node';

describe('front matter', () => {
  it('reads the date and title of valid YAML, with no problem', () => {
    const fm = readFrontMatter('---\ntitle: "报道: 海淀"\ndate: 2024-01-05\n---\n正文。\n');
    assert.equal(fm.date, '2024-01-05');
    assert.equal(fm.title, '报道: 海淀');
    assert.equal(fm.problem, undefined);
  });

  it('still reads the date: and title: lines of a front matter that is not YAML, and names the line of the problem', () => {
    const fm = readFrontMatter('---\ntitle: 报道: 海淀\ndate: 2024-01-05\n---\n正文。\n');
    assert.equal(fm.date, '2024-01-05');
    assert.equal(fm.title, '报道: 海淀');
    assert.ok(fm.problem, 'a problem is reported');
    assert.equal(fm.problem.line, 1, 'the title line (0-based line 1 of the file)');
    assert.ok(fm.problem.message.length > 0);
    assert.ok(!/at line \d+/.test(fm.problem.message), 'the parser’s own line (of the front matter) is not repeated');
  });

  it('checks a draft with a broken front matter as of its date: line, not as of the run’s date', () => {
    const { base } = loadFactBase([bundledFactsDir()]);
    const text = '---\ntitle: 快讯: 海淀\ndate: 2024-01-05\n---\n海淀区独角兽企业50家。\n';
    const r = checkText(text, base, { asOf: '2026-12-07' });
    assert.equal(r.asOf, '2024-01-05');
    // The sources state 50 unicorns only in July 2025: a text of January 2024 is not confirmed by them.
    assert.ok(r.claims.every((c) => c.status !== 'verified'), JSON.stringify(r.claims.map((c) => [c.text, c.status])));
  });
});
