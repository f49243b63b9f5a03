/**
 * A memo of a pure function of a string (segmenting a text, reading a line's statements,
 * parsing a front matter): its results by input, at most a fixed number of them (past it
 * the memo starts again empty). For what a function computes from text alone; what is
 * derived from a fact base is kept by the index (factIndex/DerivedValue), what is derived
 * from a draft by the check (draft/DraftText) or the document's memo (incremental/memo.ts).
 */

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
      this.known.set(text, v);
    }
    return v;
  }

  /** Forgets every result (what `compute` gives has changed). */
  clear(): void {
    this.known.clear();
  }
}
