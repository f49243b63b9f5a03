/**
 * A hand-built engine result over a small draft, for testing the output formats apart
 * from the engine: an astral character and CRLF line ends before the claims (UTF-16
 * ranges), an error with a quick fix, a warning, an information finding, and text that
 * must be escaped in HTML.
 */
import type { CheckResult, Citation } from '../../server/src/core';

/** The draft (CRLF line ends; 𠀀 is two UTF-16 code units). */
export const SAMPLE_TEXT = '# 怀柔 <script>alert(1)</script>\r\n\r\n𠀀怀柔科学城布局落地了40个科学设施，在怀科研人员达2.3万人。\r\n雁栖湖举办活动9万场。\r\n';

const at = (s: string): number => {
  const i = SAMPLE_TEXT.indexOf(s);
  if (i < 0) throw new Error(`not in sample: ${s}`);
  return i;
};

/** A citation whose text needs escaping. */
export const SAMPLE_CITATION: Citation = {
  id: 'fx-2024-08',
  title: '怀柔区专场新闻发布会 <b>&</b>',
  publisher: '北京市人民政府新闻办公室',
  published: '2024-08-26',
  quote: '怀柔科学城布局落地了37个科学设施"<img src=x>',
  figure: '37个',
  file: '/facts/sources/fx-2024-08.md',
  line: 7,
};

/** The engine result over SAMPLE_TEXT. */
export function sampleResult(): CheckResult {
  const wrong = at('40个');
  const old = at('2.3万人');
  const unk = at('9万场');
  return {
    asOf: '2025-01-01',
    claims: [
      { kind: 'quantity', start: wrong, end: wrong + 3, text: '40个', status: 'contradicted', factId: 'fx.facilities', value: 40, unit: '个', citations: [SAMPLE_CITATION] },
      { kind: 'quantity', start: old, end: old + 5, text: '2.3万人', status: 'outdated', factId: 'fx.researchers', value: 23000, unit: '人', citations: [SAMPLE_CITATION] },
      { kind: 'quantity', start: unk, end: unk + 3, text: '9万场', status: 'unverified', value: 90000, unit: '场', citations: [] },
    ],
    findings: [
      { code: 'wrong-value', severity: 'error', message: '科学设施应为37个', start: wrong, end: wrong + 3, factId: 'fx.facilities', expected: '37个', citations: [SAMPLE_CITATION], fix: { start: wrong, end: wrong + 3, newText: '37个' }, claim: 0 },
      { code: 'outdated-value', severity: 'warning', message: '科研人员已更新为2.6万人', start: old, end: old + 5, factId: 'fx.researchers', expected: '2.6万人', citations: [SAMPLE_CITATION], claim: 1 },
      { code: 'unverified', severity: 'information', message: '事实库中没有对应数据', start: unk, end: unk + 3, citations: [], claim: 2 },
    ],
  };
}
