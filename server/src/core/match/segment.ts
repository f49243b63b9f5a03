/**
 * Word segmentation with nodejieba. The fact base's subject names, aliases, measure
 * terms, person names and titles are added to jieba's dictionary, so 科学设施 or 兰雄景
 * come out as one word. nodejieba's dictionary is process-wide: words are only added, and
 * one Segmenter (this module's) owns it, the words added and the segmentations made.
 */
import type * as Jieba from 'nodejieba';
import { TextMemo } from '../util';

/** Paths handed to nodejieba's `load` (absent keys: nodejieba's defaults). */
export interface SegmenterTables {
  dict?: string;
  idfDict?: string;
  stopWordDict?: string;
}

/** Gives the tables to load jieba with, from nodejieba's own dictionary file and version. */
type TablesFor = (fullDict: string, version?: string) => SegmenterTables;

/** Words and part-of-speech tags, punctuation and spaces dropped. */
const WORDLIKE = /[\p{L}\p{N}]/u;

/** jieba's dictionary (process-wide), the words added to it and its segmentations of short texts. */
class Segmenter {
  /** nodejieba, loaded on first use: a thread that only loads fact bases (the server's loading thread) never loads the native module. */
  private jieba?: typeof Jieba;
  private tablesFor?: TablesFor;
  private readonly inserted = new Set<string>();
  /** Arrays of words added in full, with their length then: a fact index's dictionary is added before every check. */
  private readonly addedArrays = new WeakMap<readonly string[], number>();
  /** Segmentations made since the dictionary last changed. */
  readonly cuts = new TextMemo(20_001, (text) => this.load().cut(text).filter((w) => WORDLIKE.test(w)));
  readonly tags = new TextMemo(20_001, (text) => this.load().tag(text).filter((w) => WORDLIKE.test(w.word)));

  setTables(tables: TablesFor): void {
    this.tablesFor = tables;
  }

  load(): typeof Jieba {
    if (this.jieba) return this.jieba;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
    const j = (this.jieba = require('nodejieba') as typeof Jieba);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- its version names the compact dictionary derived from it
    const { version } = require('nodejieba/package.json') as { version?: string };
    // nodejieba exports its dictionary's path at run time, though its typings leave it out.
    const fullDict = (j as { DEFAULT_DICT?: unknown }).DEFAULT_DICT;
    j.load(typeof fullDict === 'string' && this.tablesFor ? this.tablesFor(fullDict, version) : {});
    return j;
  }

  addWords(words: Iterable<string>): void {
    const array = Array.isArray(words) ? (words as readonly string[]) : undefined;
    if (array && this.addedArrays.get(array) === array.length) return;
    const j = this.load();
    let added = false;
    for (const w of words) {
      if (this.inserted.has(w)) continue;
      this.inserted.add(w);
      j.insertWord(w);
      added = true;
    }
    if (added) {
      this.cuts.clear();
      this.tags.clear();
    }
    if (array) this.addedArrays.set(array, array.length);
  }
}

const segmenter = new Segmenter();

/**
 * Registers where jieba's dictionary files come from (the core writes no files: the host
 * derives the compact dictionary, node/segmenterTables.ts, registered by node/host.ts).
 * Without it jieba loads its full tables. Takes effect at the first load.
 */
export function setSegmenterTables(tables: TablesFor): void {
  segmenter.setTables(tables);
}

/**
 * Loads jieba's dictionaries once: the tables the host gives (a compact dictionary and no
 * keyword tables: cut and insertWord would load the full ones). nodejieba's load always
 * rebuilds them, so in a process that uses nodejieba itself, call this before its first use.
 */
export function loadSegmenter(): void {
  segmenter.load();
}

/** Adds words to the segmenter's dictionary (idempotent; an array already added, and not grown since, costs a lookup). */
export function addWords(words: Iterable<string>): void {
  segmenter.addWords(words);
}

/** Segments a short text into words (punctuation and spaces dropped). Results are kept. */
export function words(text: string): string[] {
  return segmenter.cuts.get(text);
}

/** Segments a short text into words with jieba's part-of-speech tags (punctuation and spaces dropped). Results are kept. */
export function tagWords(text: string): { word: string; tag: string }[] {
  return segmenter.tags.get(text);
}
