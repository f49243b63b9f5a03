/**
 * Passing a loaded fact base from the loading worker to the main thread with each text
 * once, however often the base uses it. Structured cloning copies every string value it
 * meets, so a measure id used by 2,000 observations arrives as 2,000 strings; but it keeps
 * the identity of objects. So before a clone every distinct text is replaced by one
 * String object (`wrapStrings`), the clone carries each text once, and afterwards the
 * primitive is put back everywhere (`unwrapStrings`): equal texts end up as one string.
 * A text of plain ASCII (ids, dates, paths) is also made a one-byte string on the way:
 * cut from a file that has Chinese in it, it was stored two bytes a character.
 * Both walks handle plain objects, arrays and Maps, which is all a FactBase and its
 * problems hold; an object met twice is walked once.
 */

// eslint-disable-next-line no-control-regex -- the whole ASCII range, controls included
const ASCII = /^[\x00-\x7f]*$/;

/** `s` as a one-byte string when it is plain ASCII (latin1 decoding gives one), else `s`. */
function narrow(s: string): string {
  return s.length > 2 && ASCII.test(s) ? Buffer.from(s, 'latin1').toString('latin1') : s;
}

/** Replaces, in place, every string in `value` (object properties, array items, Map keys and values) by a String object shared by equal texts. Returns the new root. */
export function wrapStrings<T>(value: T): T {
  const pool = new Map<string, object>();
  const seen = new Set<object>();
  const visit = (x: unknown): unknown => {
    if (typeof x === 'string') {
      let w = pool.get(x);
      if (w === undefined) pool.set(x, (w = new String(narrow(x))));
      return w;
    }
    if (x === null || typeof x !== 'object' || x instanceof String || seen.has(x)) return x;
    seen.add(x);
    eachSlot(x, visit);
    return x;
  };
  return visit(value) as T;
}

/** Undoes wrapStrings after the clone, in place: every String object becomes its primitive. Returns the new root. */
export function unwrapStrings<T>(value: T): T {
  const seen = new Set<object>();
  const visit = (x: unknown): unknown => {
    if (x === null || typeof x !== 'object') return x;
    if (x instanceof String) return x.valueOf();
    if (seen.has(x)) return x;
    seen.add(x);
    eachSlot(x, visit);
    return x;
  };
  return visit(value) as T;
}

/** Replaces each item of an array, value of an object and key and value of a Map by `visit(it)` (a Map is refilled in its order). */
function eachSlot(x: object, visit: (v: unknown) => unknown): void {
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) x[i] = visit(x[i]);
  } else if (x instanceof Map) {
    const entries = [...x];
    x.clear();
    for (const [k, v] of entries) x.set(visit(k), visit(v));
  } else {
    const o = x as Record<string, unknown>;
    const keys = Object.keys(o);
    for (let i = 0; i < keys.length; i++) o[keys[i]] = visit(o[keys[i]]);
  }
}
