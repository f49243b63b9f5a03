/**
 * The one locale parser (shared/locale.ts) and the one clock (node/clock.ts): the CLI, the
 * language server and the client read locale tags alike, and an undated draft is checked
 * as of the date the caller hands the core, which never reads the clock itself.
 */
import { strict as assert } from 'node:assert';
import { parseLocale } from '../../server/src/shared/locale';
import { bundledFactsDir, loadFactBase, today } from '../../server/src/node';
import { checkText } from '../../server/src/core';

describe('one locale parser', () => {
  it('reads Chinese and English tags, case and separator aside', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-cn', 'ZH-Hans', 'zh_TW', 'zh-Hant-HK', ' zh-CN ']) assert.equal(parseLocale(tag), 'zh', tag);
    for (const tag of ['en', 'en-US', 'EN-gb', 'en_AU']) assert.equal(parseLocale(tag), 'en', tag);
  });

  it('knows no other language, and no word merely starting with zh or en', () => {
    for (const tag of ['de', 'fr-FR', 'zhx', 'eng', 'english', '', undefined, null]) assert.equal(parseLocale(tag), undefined, String(tag));
  });
});

describe('one clock', () => {
  it("is the calendar day where the user is, also just before and after midnight", () => {
    assert.equal(today(new Date(2025, 0, 31, 23, 59, 59)), '2025-01-31');
    assert.equal(today(new Date(2025, 1, 1, 0, 0, 1)), '2025-02-01');
    assert.equal(today(new Date(2024, 11, 31, 23, 30)), '2024-12-31');
  });

  it('is read by the caller: the core checks an undated draft as of the date it is given', () => {
    const { base } = loadFactBase([bundledFactsDir()]);
    const draft = '2024年，怀柔区地区生产总值增长5%。';
    assert.equal(checkText(draft, base, { asOf: '2020-06-30' }).asOf, '2020-06-30');
    assert.equal(checkText(draft, base, { asOf: today() }).asOf, today());
    assert.equal(checkText(`---\ndate: 2023-03-01\n---\n${draft}`, base, { asOf: today() }).asOf, '2023-03-01', "the draft's own date wins");
  });
});
