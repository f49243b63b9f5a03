/**
 * What a writer reads in the hover and the status bar, over the wire, against the
 * bundled fact base: the hover gives the verdict, the expected value, the recorded fact,
 * the values by period (one row each) and the sources, and does not repeat the
 * diagnostic's message; a figure of another district names that district's fact and
 * gives the draft district's own value; a wrong title's hover shows the recorded titles.
 * factcheck/status counts findings by severity (as the editor's own counter does) and
 * says what a fact file or source document is instead of leaving it "checking".
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CodeActionRequest, HoverRequest, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { bundledFactsDir } from '../../server/src/node';
import { fileUri, LspTestClient, type Received } from './lspClient';
import { actionsOf, tempWorkspace } from './support';

const HEAD = '---\ndate: 2025-12-15\n---\n';
/** Each line a claim the bundled base judges: wrong value, facilities stated twice by one source, misattributed, wrong title, outdated title, qualifier. */
const DRAFT = [
  '“十四五”以来，怀柔区GDP年均增长7.5%。',
  '怀柔科学城布局37个科技设施。',
  '“十四五”以来，怀柔区地区生产总值年均增长6.3%。',
  '海淀区委书记李俊杰出席。',
  '怀柔区区长于庆丰出席。',
  '怀柔区目前已有超过2000名青年人才享受该政策。',
].join('\n\n');

/** The draft's line of a claim (0-based) and the claim's first character there. */
function at(text: string, claim: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(claim));
  assert.ok(line >= 0, claim);
  return { line, character: lines[line].indexOf(claim) };
}

/** Markdown without backslash escapes, for reading. */
const plain = (md: string): string => md.replace(/\\([\\`*_{}[\]()#+\-.!|<>~&@$:])/g, '$1');

describe('protocol: what the hover and the status say (bundled base)', function () {
  this.timeout(60000);
  for (const locale of ['en', 'zh-cn'] as const) {
    describe(`${locale} client`, () => {
      let ws: ReturnType<typeof tempWorkspace>;
      let client: LspTestClient;
      let uri: string;
      let text: string;
      let diagnostics: Diagnostic[];
      const hover = async (claim: string): Promise<string> => {
        const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(text, claim) });
        assert.ok(h, `a hover on ${claim}`);
        return (h.contents as MarkupContent).value;
      };
      const zh = locale === 'zh-cn';

      before(async () => {
        ws = tempWorkspace();
        ({ client } = await LspTestClient.start({ locale, folders: [ws.dir], settings: { useBundledFacts: true, factBases: [] } }));
        uri = fileUri(join(ws.dir, 'drafts', 'hover.md'));
        text = HEAD + DRAFT + '\n';
        await client.open(uri, 'markdown', text);
        diagnostics = (await client.diagnostics(uri, 1)).diagnostics;
      });
      after(async () => {
        await client?.stop();
        ws?.cleanup();
      });
      afterEach(function () {
        if (this.currentTest?.state === 'failed') console.log(client?.transcript());
      });

      it('gives the verdict, the expected value, the fact and the source once, without the diagnostic’s message', async () => {
        const d = diagnostics.find((x) => x.code === 'wrong-value');
        assert.ok(d, JSON.stringify(diagnostics));
        const md = await hover('7.5%');
        const message = typeof d.message === 'string' ? d.message : d.message.value;
        assert.ok(!plain(md).includes(message), `the hover repeats the message: ${md}`);
        assert.match(md, zh ? /^✗ \*\*数值错误\*\* `wrong-value` · 7\.5%/ : /^✗ \*\*Wrong value\*\* `wrong-value` · 7\.5%/);
        assert.ok(md.includes(zh ? '应为：**5.7%**' : 'Expected: **5.7%**'), md);
        assert.equal(md.split('5.7%**').length - 1, 2, 'the expected value once, and once bold in the quote');
        assert.doesNotMatch(zh ? '' : md, /[：]/, 'no full-width colon in English');
        assert.ok(plain(md).includes(zh ? '事实：怀柔区 · 地区生产总值年均增速 · 2021—2025年' : 'Fact: 怀柔区 · 地区生产总值年均增速 · 2021–2025'), md);
        assert.ok(plain(md).includes('**《北京怀柔建设国际一流战略科技融合发展示范区》** · 北京商报 · 2025-12-01'), md);
        // The source VS Code lists under the message, punctuated for the client's language.
        const related = d.relatedInformation?.[0]?.message ?? '';
        assert.ok(related.startsWith(zh ? '《北京怀柔建设国际一流战略科技融合发展示范区》（北京商报，2025-12-01）：' : '《北京怀柔建设国际一流战略科技融合发展示范区》 (北京商报, 2025-12-01): '), related);
      });

      it('lists each period and value once in the values by period', async () => {
        const md = await hover('37个');
        const rows = md.split('\n').filter((l) => /^\| /.test(l) && !/^\| (Period|时期|---)/.test(l));
        assert.ok(rows.length >= 1, md);
        assert.equal(new Set(rows).size, rows.length, `a row twice:\n${rows.join('\n')}`);
        // The 2024 source states the 37 facilities twice: one row for that period and value.
        assert.equal(rows.filter((r) => r.includes('2024-08-26 | 37个')).length, 1, `2024's 37个 once:\n${rows.join('\n')}`);
      });

      it('labels a misattributed figure with the other district’s fact and gives the draft district’s own value', async () => {
        assert.ok(diagnostics.some((x) => x.code === 'misattributed'), JSON.stringify(diagnostics.map((x) => x.code)));
        const md = plain(await hover('6.3%'));
        assert.ok(md.includes(zh ? '事实：海淀区 · 地区生产总值年均增速' : 'Fact: 海淀区 · 地区生产总值年均增速'), md);
        assert.ok(!md.includes(zh ? '事实：怀柔区' : 'Fact: 怀柔区'), `the other district's fact is not labelled 怀柔区: ${md}`);
        assert.ok(md.includes(zh ? '怀柔区的地区生产总值年均增速：**5.7%**' : '地区生产总值年均增速 of 怀柔区: **5.7%**'), md);
        assert.ok(md.includes('怀柔区GDP年均增长**5.7%**'), `the own value is cited: ${md}`);
      });

      it('shows the recorded titles on the Fact line of a wrong title', async () => {
        assert.ok(diagnostics.some((x) => x.code === 'wrong-role'));
        const md = plain(await hover('李俊杰'));
        const fact = md.split('\n').find((l) => l.startsWith(zh ? '事实：' : 'Fact: '));
        assert.ok(fact, md);
        assert.ok(fact.includes('区委副书记、区长') && fact.includes('李俊杰'), fact);
        assert.ok(!fact.includes('区委书记 ') && !fact.includes('海淀区委书记'), `the draft's wrong title is not the fact: ${fact}`);
      });

      it('words the fix of an outdated title holder for a person', async () => {
        const d = diagnostics.find((x) => x.code === 'outdated-role');
        assert.ok(d);
        const actions = actionsOf(await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }));
        const titles = actions.map((a) => a.title);
        assert.ok(titles.includes(zh ? '改为现任者“梁爽”' : 'Name the current holder “梁爽”'), JSON.stringify(titles));
        assert.ok(!titles.some((t) => /latest value|最新数值/.test(t)), JSON.stringify(titles));
      });

      it('counts the draft’s findings by severity, as the editor’s problem counter does', async () => {
        const status = await client.waitFor((r): r is Extract<Received, { kind: 'status' }> => r.kind === 'status' && r.params.document?.uri === uri);
        const counts = status.params.document!.counts!;
        const bySeverity = [1, 2, 3, 4].map((s) => diagnostics.filter((x) => x.severity === s).length);
        assert.deepEqual([counts.error, counts.warning, counts.information, counts.hint], bySeverity, JSON.stringify(status.params));
        assert.ok(diagnostics.some((x) => x.code === 'qualifier-mismatch' && x.severity === 2), 'the qualifier mismatch is a warning');
        assert.equal(counts.error, diagnostics.filter((x) => x.severity === 1).length, 'a qualifier mismatch is not counted among the errors');
        assert.equal(counts.byCode['qualifier-mismatch'], 1, JSON.stringify(counts.byCode));
        assert.equal(Object.values(counts.byCode).reduce((a, b) => a + (b ?? 0), 0), diagnostics.length, 'every finding shown is counted under its code');
        assert.equal(status.params.document!.kind, 'draft');
        assert.ok(status.params.factBase.key.includes(bundledFactsDir()), JSON.stringify(status.params.factBase));
      });
    });
  }

  it('says what a fact file and a source document are, so the status bar never waits on them', async () => {
    const ws = tempWorkspace();
    const { client } = await LspTestClient.start({ locale: 'en', folders: [ws.dir], settings: { useBundledFacts: false } });
    try {
      const yaml = fileUri(join(ws.dir, 'facts', 'demo.yaml'));
      const source = fileUri(join(ws.dir, 'facts', 'sources', 'demo-2024.md'));
      await client.open(yaml, 'yaml', 'measures: []\n');
      await client.open(source, 'markdown', '---\nid: demo-2024\n---\n2024年，示例区地区生产总值增长6.1%\n');
      for (const u of [yaml, source]) {
        const s = await client.waitFor((r): r is Extract<Received, { kind: 'status' }> => r.kind === 'status' && r.params.document?.uri === u);
        assert.equal(s.params.document!.kind, 'factBase', JSON.stringify(s.params));
        assert.equal(s.params.document!.counts, undefined);
        assert.equal(s.params.factBase.key, join(ws.dir, 'facts'));
      }
    } finally {
      await client.stop();
      ws.cleanup();
    }
  });
});
