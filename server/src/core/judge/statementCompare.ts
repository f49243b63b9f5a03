/**
 * Comparing a draft's statement with an observation, and writing the observation's
 * statement the way the draft writes its own (第3 → 第1, 第三 → 第一, 第二家 → 第一家,
 * 第五届 → 第四届, 2016年 → 2014年, 第三 → 前两名), so that the fix verifies when applied.
 */
import type { Observation } from '../types';
import { chineseNumeral } from '../numbers';
import type { StatementMention } from '../statements';

/** How a statement relates to an observation: the same, another, or not decidable (a vague rank, a top-N). */
export type Relation = 'agree' | 'differ' | 'unknown';

/** A statement's or observation's rank as an interval of positions: exact [n, n], top-N [1, N], vague [1, ∞). */
function positions(value: number, high: number | undefined, vague: boolean): [number, number] {
  if (vague) return [1, Infinity];
  return [value, high ?? value];
}

/** Relates a draft's statement to an observation of its measure. */
export function relate(m: StatementMention, o: Observation): Relation {
  if (m.kind !== 'rank') return m.value === o.value ? 'agree' : 'differ';
  const [cl, ch] = positions(m.value, m.high, m.vague === true);
  const [ol, oh] = positions(o.value, o.high, o.qualifier === 'about');
  // The claim holds when every position the source allows is one the claim allows.
  if (ol >= cl && oh <= ch) return 'agree';
  // It is wrong when no position the source allows is one the claim allows.
  if (oh < cl || ol > ch) return 'differ';
  return 'unknown';
}

/** A number in the draft's form: Arabic digits or Chinese numerals (两 before a counter when asked). */
function numeral(n: number, form: StatementMention['form'], beforeCounter = false): string {
  return form === 'arabic' ? String(n) : chineseNumeral(n, beforeCounter);
}

/** The observation's statement written the way the draft wrote its own (see the file header); undefined when it cannot be. */
export function writeLike(m: StatementMention, o: Observation): string | undefined {
  switch (m.kind) {
    case 'rank': {
      if (o.qualifier === 'about') return undefined;
      if (o.high !== undefined) return `前${numeral(o.high, m.form, true)}${m.suffix ?? '名'}`;
      return `第${numeral(o.value, m.form)}${m.suffix ?? ''}`;
    }
    case 'first': {
      const counter = m.word ?? '个';
      if (m.form === 'word' && o.value === 1) return m.text === '率先' ? '率先' : `首${counter}`;
      return `第${numeral(o.value, m.form)}${counter}`;
    }
    case 'edition': {
      const counter = m.word ?? '届';
      if (m.form === 'word' && o.value === 1) return `首${counter}`;
      return `第${numeral(o.value, m.form)}${counter}`;
    }
    case 'year': {
      if (m.relative) return `${o.value}年`;
      return m.text.replace(/^\d{4}/, String(o.value));
    }
  }
}
