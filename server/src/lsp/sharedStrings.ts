/**
 * Passing a loaded fact base from the loading worker to the main thread without copying
 * a string once per use. Structured cloning copies every string value it meets (a
 * measure id used by 2,000 observations arrives as 2,000 strings), but it keeps the
 * identity of objects. So the worker replaces each distinct string by one String
 * object (`wrapStrings`), the clone then carries each text once, and the main thread
 * puts the primitive back everywhere (`unwrapStrings`): equal texts end up as one string.
 * Both walks handle plain objects, arrays and Maps, which is all a FactBase and its
 * problems hold. A text of plain ASCII (ids, dates, paths) is also made a one-byte
 * string: cut from a file that has Chinese in it, it was stored two bytes a character.
 */

const ASCII = /^[\x00-\x7f]*$/;

/** `s` as a one-byte string when it is plain ASCII (latin1 decoding gives one), else `s`. */
function narrow(s: string): string {
  return s.length > 2 && ASCII.test(s) ? Buffer.from(s, 'latin1').toString('latin1') : s;
}

/** Replaces, in place, every string in `value` (object properties, array items, Map keys and values) by a String object shared by equal texts. Returns the new root. */
export function wrapStrings<T>(value: T): T {
  const pool = new Map<string, string | object>();
  const share = (s: string): object => {
    let w = pool.get(s) as object | undefined;
    if (!w) pool.set(s, (w = new String(narrow(s))));
    return w;
  };
  return walk(value, (s) => share(s as string), (x) => typeof x === 'string') as T;
}

/** Undoes wrapStrings after the clone, in place: every String object becomes its primitive. Returns the new root. */
export function unwrapStrings<T>(value: T): T {
  return walk(value, (w) => (w as string).valueOf(), (x) => x instanceof String) as T;
}

/** Replaces each leaf passing `is` by `swap(leaf)` throughout plain objects, arrays and Maps (Maps are rebuilt; each object is visited once). */
function walk(root: unknown, swap: (x: unknown) => unknown, is: (x: unknown) => boolean): unknown {
  const seen = new Set<object>();
  const visit = (x: unknown): unknown => {
    if (is(x)) return swap(x);
    if (x === null || typeof x !== 'object' || seen.has(x)) return x;
    seen.add(x);
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) x[i] = visit(x[i]);
    } else if (x instanceof Map) {
      const entries = [...x];
      x.clear();
      for (const [k, v] of entries) x.set(visit(k), visit(v));
    } else {
      const o = x as Record<string, unknown>;
      for (const k in o) o[k] = visit(o[k]);
    }
    return x;
  };
  return visit(root);
}
