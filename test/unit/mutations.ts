// Mutation fuzzing material shared by the robustness tests: random edits of real texts
// (drafts, fact files) at random places, also inside surrogate pairs.
import fc from 'fast-check';

/** The edits a mutation may make: insert, delete, replace, repeat a stretch, or cut the text down to one. */
export type EditKind = 'insert' | 'delete' | 'replace' | 'repeat' | 'cut';

/** How texts are mutated. */
export interface MutationOptions {
  /** Strings inserted besides random binary strings of up to maxInsert code units. */
  pieces: readonly string[];
  maxInsert: number;
  /** Longest stretch an edit deletes, replaces or repeats (a cut keeps ten times it). */
  maxLen: number;
  kinds: readonly EditKind[];
  minEdits?: number;
  maxEdits: number;
}

/** One of `texts` (its index) with a random list of edits applied. */
export function textMutations(texts: readonly string[], o: MutationOptions): fc.Arbitrary<{ index: number; text: string }> {
  const edit = fc.record({
    at: fc.nat(),
    len: fc.nat({ max: o.maxLen }),
    ins: fc.oneof(fc.constantFrom(...o.pieces), fc.string({ unit: 'binary', maxLength: o.maxInsert })),
    kind: fc.constantFrom(...o.kinds),
  });
  return fc.tuple(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: o.minEdits ?? 0, maxLength: o.maxEdits })).map(([index, edits]) => {
    let t = texts[index];
    for (const e of edits) {
      const at = e.at % (t.length + 1);
      if (e.kind === 'insert') t = t.slice(0, at) + e.ins + t.slice(at);
      else if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.len);
      else if (e.kind === 'replace') t = t.slice(0, at) + e.ins + t.slice(at + e.len);
      else if (e.kind === 'repeat') t = t.slice(0, at + e.len) + t.slice(at, at + e.len) + t.slice(at + e.len);
      else t = t.slice(at, at + 10 * e.len);
    }
    return { index, text: t };
  });
}
