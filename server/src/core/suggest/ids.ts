/**
 * Ids for proposed entries, readable as the curated ones are: pinyin of the Chinese
 * words (pinyin-pro), lower-case ASCII, made unique against the base and each other.
 */
import type * as PinyinPro from 'pinyin-pro';

/** pinyin-pro, loaded when the first id is made: a check never makes one. */
let pinyinPro: typeof PinyinPro | undefined;

/** Lower-case ASCII slug of a text: pinyin for Chinese, words joined by '-' (科研人员 → keyan-renyuan), at most 40 characters. */
export function slug(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  pinyinPro ??= require('pinyin-pro') as typeof PinyinPro;
  const syllables = pinyinPro.pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  const out: string[] = [];
  for (const s of syllables) {
    const ascii = s.toLowerCase().replace(/[^a-z0-9]+/g, '');
    if (ascii) out.push(ascii);
  }
  // Syllables in pairs (two-character words are the common case): ke-yan-ren-yuan → keyan-renyuan.
  const pairs: string[] = [];
  for (let i = 0; i < out.length; i += 2) pairs.push(out.slice(i, i + 2).join(''));
  let s = pairs.join('-');
  while (s.length > 40 && s.includes('-')) s = s.slice(0, s.lastIndexOf('-'));
  return s.slice(0, 40);
}

/** Hands out ids not yet taken: `base`, else `base-2`, `base-3`… */
export class IdRegistry {
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }

  /** Whether an id is taken. */
  has(id: string): boolean {
    return this.taken.has(id);
  }

  /** A free id made from `base`, now taken. */
  claim(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
