/**
 * A memo of a pure function of a string (segmenting a text, reading a line's statements,
 * parsing a front matter): its results by input, at most a fixed number of them (past it
 * the memo starts again empty). For what a function computes from text alone; what is
 * derived from a fact base is kept by the index (factIndex/DerivedValue), what is derived
 * from a draft by the check (draft/DraftText) or the document's memo (incremental/memo.ts).
 */

/**
 * `s` as a string of its own. A slice of a longer string (a line of a draft) is, in V8, a
 * view that keeps the whole string alive: kept as a memo's key, each edit's slice kept
 * that edit's whole draft (an editing session grew by the draft's size per edit). A memo
 * keeps a copy instead (made on a miss only).
 */
export function detached(s: string): string {
  // (V8 copies strings shorter than 13 code units when slicing; the concatenation is flattened by the slice, into a string of its own.)
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** `compute`'s results by input, at most `max` (see the file header). */
export class TextMemo<T> {
  private readonly known = new Map<string, T>();

  constructor(
    private readonly max: number,
    private readonly compute: (text: string) => T,
  ) {}

  /** compute(text), computed once while kept. */
  get(text: string): T {
    let v = this.known.get(text);
    if (v === undefined) {
      v = this.compute(text);
      if (this.known.size >= this.max) this.known.clear();
      this.known.set(detached(text), v);
    }
    return v;
  }

  /** Forgets every result (what `compute` gives has changed). */
  clear(): void {
    this.known.clear();
  }
}
