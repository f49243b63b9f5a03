/**
 * A draft as matching and judging read it: the fact index it is checked against, its
 * text and its figures, and what is derived from one of its sentences (SentenceValue),
 * kept by it so the claims of a sentence share it. A check makes one (a source's
 * reading too) and drops it with its result; nothing of a draft outlives its check in
 * module scope.
 */
import type { PeriodMention, Quantity } from '../types';
import type { FactIndex } from '../factIndex';
import { within } from '../util';

/** A stretch of the draft: a sentence, with the clauses a semicolon joins to it maybe. */
interface Span {
  start: number;
  end: number;
}

/** A draft's index, text and figures (sorted), and its sentences' derived values. */
export class DraftText {
  /** SentenceValue's values, by value, then by span (see SentenceValue.of). */
  readonly derived = new Map<SentenceValue<unknown>, Map<number, unknown>>();

  constructor(
    readonly idx: FactIndex,
    readonly text: string,
    readonly quantities: readonly Quantity[],
    /** The draft's period mentions (sorted), when scanned already: a sentence's are read from them. */
    readonly periods?: readonly PeriodMention[],
  ) {}

  /** The figures of a sentence (matching looks only at its own sentence's), the same list for each of its claims. */
  figuresIn(s: Span): Quantity[] {
    return FIGURES.of(this, s);
  }
}

/** A value derived from a draft and one of its spans, declared once and kept by the draft it is asked of. */
export class SentenceValue<T> {
  constructor(private readonly build: (draft: DraftText, s: Span) => T) {}

  /** The value for `s` of `draft`, built on first use. */
  of(draft: DraftText, s: Span): T {
    let bySpan = draft.derived.get(this);
    if (!bySpan) draft.derived.set(this, (bySpan = new Map()));
    // (A number for the span: start and end are at most the text's length.)
    const key = s.start * (draft.text.length + 1) + s.end;
    let v = bySpan.get(key) as T | undefined;
    if (v === undefined) bySpan.set(key, (v = this.build(draft, s)));
    return v;
  }
}

const FIGURES = new SentenceValue((draft, s) => within(draft.quantities, s.start, s.end));
