/**
 * The hover's Markdown escaping, rendered by a real Markdown renderer (markdown-it with
 * HTML and GFM-style linkify on, stricter than VS Code's hover): text from the fact
 * base never turns into links, images, HTML, emphasis, code, lists or table cells.
 */
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown, quoteWithFigure, table } from '../../server/src/lsp/markdown';

const md = new MarkdownIt({ html: true, linkify: true });
const HOSTILE = [
  '[点这里](command:workbench.action.terminal.new)',
  '![图](https://evil.example/x.png)',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">来源</a>',
  'https://evil.example/path 与 www.evil.example 及 someone@evil.example',
  '**粗体** _斜体_ `代码` ~~删除~~',
  '[^fc1] [ref]: https://evil.example',
  'a | b',
];

describe('protocol: hover Markdown escaping', () => {
  for (const text of HOSTILE) {
    it(`renders ${JSON.stringify(text)} as plain text`, () => {
      const html = md.renderInline(escapeMarkdown(text));
      assert.doesNotMatch(html, /<(a|img|strong|em|code|s|del)\b/, html);
      const plain = html.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/\u200b/g, '');
      assert.equal(plain, text, 'the text reads the same after rendering');
    });
  }

  it('keeps numbers and dates readable', () => {
    assert.equal(escapeMarkdown('增长5.7%，2025-12-01发布'), '增长5.7%，2025-12-01发布');
  });

  it('bolds only the figure, and a quote cannot start a list or heading', () => {
    assert.equal(md.render(`> ${quoteWithFigure('1. 年均增长5.7%', '5.7%')}`).replace(/\s+/g, ''), '<blockquote><p>1.年均增长<strong>5.7%</strong></p></blockquote>');
    assert.doesNotMatch(md.render(`> ${quoteWithFigure('- 一项', undefined)}`), /<li>/);
    assert.doesNotMatch(md.render(`> ${quoteWithFigure('    缩进', undefined)}`), /<code>/);
  });

  it('keeps table cells apart', () => {
    const html = md.render(table(['a', 'b'], [['x | y', '<b>z</b>']]));
    assert.equal((html.match(/<td>/g) ?? []).length, 2, html);
    assert.doesNotMatch(html, /<b>/);
  });
});
