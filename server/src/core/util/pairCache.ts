/**
 * A cache by two keys (a measure id, then a date), holding at most a fixed number of
 * entries: past it, it starts again empty. The lookups in a claim's hot path go through
 * it so that no key string is made per claim: the ids' and dates' hashes are computed once.
 */

/** Values by two keys, emptied when it would hold more than `max` (see the file header). */
export class PairCache<A, B, V> {
  private readonly byFirst = new Map<A, Map<B, V>>();
  private size = 0;

  constructor(private readonly max: number) {}

  /** The value kept for (a, b), if any. */
  get(a: A, b: B): V | undefined {
    return this.byFirst.get(a)?.get(b);
  }

  /** Keeps `v` for (a, b) (emptying the cache first when it is full) and returns it. */
  set(a: A, b: B, v: V): V {
    if (this.size >= this.max) {
      this.byFirst.clear();
      this.size = 0;
    }
    let byB = this.byFirst.get(a);
    if (!byB) this.byFirst.set(a, (byB = new Map()));
    if (!byB.has(b)) this.size++;
    byB.set(b, v);
    return v;
  }
}
