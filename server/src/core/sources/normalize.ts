/**
 * Text normalization shared by source import and draft checking: traditional → simplified
 * (OpenCC), pinyin glued after characters removed (發(fā)布 → 发布), full-width digits,
 * Latin letters and signs folded to ASCII. Chinese punctuation (，。：；（）) is kept.
 */
import type * as OpenCCModule from 'opencc-js' with { 'resolution-mode': 'import' };

let toSimplified: ((text: string) => string) | undefined;

/** Converts traditional characters (Hong Kong / Taiwan variants) to simplified, with OpenCC. */
export function traditionalToSimplified(text: string): string {
  if (!toSimplified) {
    // opencc-js is an ES module with a CommonJS (UMD) build under its "require" export; loaded
    // with its dictionaries when text is first converted (a check never converts any).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
    const OpenCC = require('opencc-js') as typeof OpenCCModule;
    toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
  }
  return toSimplified!(text);
}

// A pinyin syllable in parentheses right after a Han character, with at least one tone mark.
const GLUED_PINYIN = /(?<=[\u3400-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,7}\)/g;

/** Removes pinyin readings glued after characters: 發(fā)布 → 發布. */
export function stripGluedPinyin(text: string): string {
  return text.replace(GLUED_PINYIN, '');
}

/** Full-width characters folded to ASCII: digits, Latin letters and the signs ％ ＋ － ． ／ ～ ＝ ＜ ＞. */
const FOLD = /[０-９Ａ-Ｚａ-ｚ％＋－．／＝＜＞]/g;

/** Folds full-width digits, letters and numeric signs to their ASCII forms. */
export function foldFullWidth(text: string): string {
  return text.replace(FOLD, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** The whole pipeline for a source's text: pinyin, OpenCC, full-width folding. */
export function normalizeText(text: string): string {
  return foldFullWidth(traditionalToSimplified(stripGluedPinyin(text)));
}
