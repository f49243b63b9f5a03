/**
 * Binary search over lists sorted by offset (figures, periods, subject mentions, all in
 * text order), so the engine finds what lies in a sentence without scanning the draft:
 * the cost of a claim does not grow with the length of the draft.
 */

/**
 * The first index in [0, length) at which `before` turns false, for a test that holds for
 * a prefix of the indexes and fails from there on (length when it never fails).
 */
export function firstIndex(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item whose `start` is ≥ `offset` (list sorted by start). */
export function firstStartingAt<T extends { start: number }>(list: readonly T[], offset: number): number {
  return firstIndex(list.length, (i) => list[i].start < offset);
}

/**
 * The items lying inside [from, to) (start ≥ from, end ≤ to), in list order, for a list
 * sorted by start whose items do not overlap (so ends are sorted too).
 */
export function within<T extends { start: number; end: number }>(list: readonly T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = firstStartingAt(list, from); i < list.length && list[i].start < to; i++) if (list[i].end <= to) out.push(list[i]);
  return out;
}

/** The last item `within` would give, without making the list (undefined when there is none). */
export function lastWithin<T extends { start: number; end: number }>(list: readonly T[], from: number, to: number): T | undefined {
  let found: T | undefined;
  for (let i = firstStartingAt(list, from); i < list.length && list[i].start < to; i++) if (list[i].end <= to) found = list[i];
  return found;
}

/** The first item `within` would give, without making the list (undefined when there is none). */
export function firstWithin<T extends { start: number; end: number }>(list: readonly T[], from: number, to: number): T | undefined {
  for (let i = firstStartingAt(list, from); i < list.length && list[i].start < to; i++) if (list[i].end <= to) return list[i];
  return undefined;
}
