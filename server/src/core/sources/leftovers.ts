/**
 * Leftovers of a damaged original in a normalized source: runs of Latin letters with tone
 * marks (pinyin the import could not remove: 全域?qū), replacement characters (U+FFFD, a
 * byte the original's encoding lost) and an ASCII question mark inside Chinese text (a
 * character the original could not encode; one that ends a question, after a question
 * word of its sentence, is not). Import warns about them; facts check reports those a source does not record as
 * known damage.
 */

/** A leftover in a text: offsets, text and what it is. */
export interface Leftover {
  start: number;
  end: number;
  text: string;
  /** What it is: pinyin, a replacement character, a question mark, or several of them joined (question mark and pinyin). */
  kind: string;
}

/** Damage a source records as known (its front matter's `damage`): the damaged text, and a note. */
export interface RecordedDamage {
  text: string;
  note: string;
}

const TONES = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const PINYIN_RUN = new RegExp(`[a-zü${TONES}]*[${TONES}][a-zü${TONES}]*`, 'gi');
const IDEOGRAPH = /[\u3400-\u9fff]/;
/** Words that make a sentence a question. */
const QUESTION_WORDS = /什么|哪些|哪里|哪个|如何|怎么|怎样|为什么|为何|多少|是否|能否|可否|请问|吗|呢|几个|几年/;

/** Every leftover of `text`, in order; pieces a few characters apart are one leftover (?qū). */
export function findLeftovers(text: string): Leftover[] {
  const pieces: Leftover[] = [];
  for (const m of text.matchAll(PINYIN_RUN)) pieces.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'pinyin' });
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) pieces.push({ start: i, end: i + 1, text: '\ufffd', kind: 'replacement character' });
  for (let i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) {
    const before = text[i - 1] ?? '';
    const after = text[i + 1] ?? '';
    if (!IDEOGRAPH.test(before) || !(IDEOGRAPH.test(after) || /[A-Za-z\u00c0-\u024f]/.test(after))) continue;
    // A question's end (…有什么先进的做法?对青年…) asks with a question word before it in its sentence.
    const sentence = text.slice(Math.max(0, text.slice(0, i).search(/[^。！？!?\n]*$/)), i);
    if (QUESTION_WORDS.test(sentence)) continue;
    pieces.push({ start: i, end: i + 1, text: '?', kind: 'question mark' });
  }
  pieces.sort((a, b) => a.start - b.start);
  const out: Leftover[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && p.start - last.end <= 1) {
      last.end = Math.max(last.end, p.end);
      last.text = text.slice(last.start, last.end);
      if (!last.kind.split(' and ').includes(p.kind)) last.kind += ` and ${p.kind}`;
    } else out.push({ ...p });
  }
  return out;
}

/** The leftovers of `text` that no recorded damage covers (a damage's text holding the leftover where it stands). */
export function unrecordedLeftovers(text: string, damage: readonly RecordedDamage[] = []): Leftover[] {
  const spans: [number, number][] = [];
  for (const d of damage) for (let i = text.indexOf(d.text); d.text && i >= 0; i = text.indexOf(d.text, i + 1)) spans.push([i, i + d.text.length]);
  return findLeftovers(text).filter((l) => !spans.some(([a, b]) => a <= l.start && l.end <= b));
}
