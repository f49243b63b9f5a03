/**
 * `factcheck explain`: prints how a sentence was read (quantity, subject, measure,
 * period) and why it was judged so (fact, finding, source).
 */
import * as assert from 'node:assert/strict';
import { FACTS, runCli, scratchDir, writeTree, cleanupScratch } from './support';

describe('cli: factcheck explain', function () {
  this.timeout(30_000);
  after(cleanupScratch);

  it('shows the reading and the reason of a contradicted figure', () => {
    const r = runCli(['explain', '--facts', FACTS, '--as-of', '2024-09-01', '怀柔科学城布局落地了40个科学设施。']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^句子: 怀柔科学城布局落地了40个科学设施。\n核查日期: 2024-09-01\n/);
    assert.match(r.stdout, /1\. 40个 {2}\[quantity, contradicted\]/);
    assert.match(r.stdout, /数字[　 ]+40 个 \[count\], written “40个”/);
    assert.match(r.stdout, /主体[　 ]+怀柔科学城 \(fx-science-city\)/);
    assert.match(r.stdout, /指标[　 ]+科学设施数量 \(fx\.facilities\)/);
    assert.match(r.stdout, /问题[　 ]+error wrong-value: .*应为 37个/);
    assert.match(r.stdout, /来源[　 ]+《怀柔区专场新闻发布会（测试用节选）》 北京市人民政府新闻办公室 2024-08-26: “怀柔科学城布局落地了37个科学设施”/);
  });

  it('says when the draft’s own date wins over --as-of', () => {
    const dir = scratchDir();
    writeTree(dir, { 'a.md': '---\ndate: 2024-09-01\n---\n怀柔科学城布局落地了40个科学设施。\n' });
    const r = runCli(['explain', '--facts', FACTS, '--as-of', '2026-01-01', `${dir}/a.md:4`]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /核查日期: 2024-09-01（文稿首部的日期，优先于 --as-of）/);
  });

  it('says so when a sentence has no claim, and gives JSON on request', () => {
    const none = runCli(['explain', '--facts', FACTS, '--locale', 'en', '今天天气很好。']);
    assert.equal(none.status, 0, none.stderr);
    assert.match(none.stdout, /No claims found/);
    // A figure is verified only of a subject the sentence (or its draft) names.
    const json = runCli(['explain', '--facts', FACTS, '--format', 'json', '怀柔区森林覆盖率达到77.5%。']);
    const doc = JSON.parse(json.stdout) as { sentence: string; claims: { status: string; factId?: string }[] }[];
    assert.equal(doc[0].sentence, '怀柔区森林覆盖率达到77.5%。');
    assert.equal(doc[0].claims[0].status, 'verified');
    assert.match(doc[0].claims[0].factId ?? '', /^fx\.forest-cover/);
  });

  it('exits 2 without a sentence', () => {
    const r = runCli(['explain']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no sentence given/);
  });
});
