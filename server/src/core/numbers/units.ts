/**
 * Units of the number grammar, as data: a UnitTable is built from unit definitions (the
 * package's facts/units.yaml, extended by a fact base's own `units:` entries), each unit
 * mapping to the base unit of its dimension and a factor into it. Scale words (万, 亿,
 * 万亿 …) combine with any unit but a percentage and are grammar, so they stay here.
 * The grammar asks the active table: the bundled one unless a check or a validation runs
 * with a base's table (withUnits, unitsDuring).
 */
import type { Dimension, UnitDef } from '../types';

export type { UnitDef };

/** What a unit means: its dimension, its canonical (base) unit and the factor into it. */
export interface UnitInfo {
  canonical: string;
  dimension: Dimension;
  factor: number;
}

/** A definition the table could not take, and why. */
export interface UnitProblem {
  def: UnitDef;
  /** The name (unit or alias) concerned. */
  name: string;
  message: string;
}

/** Scale words written between a number and its unit, longest first. */
export const SCALES: readonly (readonly [string, number])[] = [
  ['万亿', 1e12], ['千亿', 1e11], ['百亿', 1e10], ['十亿', 1e9], ['千万', 1e7], ['百万', 1e6],
  ['十万', 1e5], ['亿', 1e8], ['万', 1e4], ['千', 1e3], ['百', 1e2],
];

/** Scale word → factor. */
export const SCALE_FACTOR: ReadonlyMap<string, number> = new Map(SCALES);

const SCALE_FIRST = new Set(SCALES.map(([w]) => w[0]));

const sameInfo = (a: UnitInfo, b: UnitInfo): boolean =>
  a.canonical === b.canonical && a.dimension === b.dimension && Math.abs(a.factor - b.factor) <= 1e-12 * Math.max(1, a.factor);

/** The units a grammar reads: names (units and aliases) with their meaning, looked up by text. */
export class UnitTable {
  private readonly byName = new Map<string, UnitInfo>();
  private readonly notBefore = new Map<string, string>();
  /** Names by first character, longest first, for matching in text. */
  private readonly byFirst = new Map<string, string[]>();
  /** The definitions taken, in order. */
  readonly defs: UnitDef[] = [];

  /** A table of `defs` (later definitions of a name must mean the same; see add). */
  static of(defs: readonly UnitDef[]): UnitTable {
    const t = new UnitTable();
    t.add(defs);
    return t;
  }

  /**
   * Adds definitions; returns those it could not take: a name defined again with another
   * meaning, a base unit of another dimension or with a factor of its own, a factor that
   * is not a positive number. A name defined again with the same meaning is taken (no-op).
   */
  add(defs: readonly UnitDef[]): UnitProblem[] {
    const problems: UnitProblem[] = [];
    const pending: { name: string; info: UnitInfo; def: UnitDef }[] = [];
    for (const def of defs) {
      const factor = def.factor ?? 1;
      const info: UnitInfo = { canonical: def.base ?? def.unit, dimension: def.dimension, factor };
      if (!(factor > 0) || !Number.isFinite(factor)) {
        problems.push({ def, name: def.unit, message: `unit "${def.unit}": factor must be a positive number` });
        continue;
      }
      const base = def.base !== undefined && def.base !== def.unit ? this.byName.get(def.base) ?? pending.find((p) => p.name === def.base)?.info : undefined;
      if (base && (base.dimension !== def.dimension || base.canonical !== def.base || base.factor !== 1)) {
        problems.push({ def, name: def.unit, message: `unit "${def.unit}": its base "${def.base}" is a unit of ${base.dimension} worth ${base.factor} ${base.canonical}, not a base unit of ${def.dimension}` });
        continue;
      }
      let clash = false;
      for (const name of [def.unit, ...(def.aliases ?? [])]) {
        const known = this.byName.get(name) ?? pending.find((p) => p.name === name)?.info;
        if (known && !sameInfo(known, info)) {
          problems.push({ def, name, message: `unit "${name}" is already defined as ${describe(known)}; here it would be ${describe(info)}` });
          clash = true;
        }
      }
      if (clash) continue;
      for (const name of [def.unit, ...(def.aliases ?? [])]) pending.push({ name, info, def });
    }
    for (const { name, info, def } of pending) {
      if (!this.byName.has(name)) {
        this.byName.set(name, info);
        const list = this.byFirst.get(name[0]) ?? [];
        list.push(name);
        list.sort((a, b) => b.length - a.length);
        this.byFirst.set(name[0], list);
      }
      if (def.notBefore) this.notBefore.set(name, (this.notBefore.get(name) ?? '') + def.notBefore);
    }
    const taken = new Set(pending.map((p) => p.def));
    for (const d of defs) if (taken.has(d)) this.defs.push(d);
    return problems;
  }

  /** A new table with this one's units and `defs`, and the definitions it could not take. */
  extended(defs: readonly UnitDef[]): { table: UnitTable; problems: UnitProblem[] } {
    const table = UnitTable.of(this.defs);
    return { table, problems: table.add(defs) };
  }

  /** The meaning of a unit name alone (no scale word). */
  base(u: string): UnitInfo | undefined {
    const b = this.byName.get(u);
    return b ? { ...b } : undefined;
  }

  /** The longest unit name written at `i` of `s`, if any. */
  at(s: string, i: number): string | undefined {
    const list = this.byFirst.get(s[i] ?? '');
    if (!list) return undefined;
    for (const u of list) if (s.startsWith(u, i)) return u;
    return undefined;
  }

  /** True when `u`, followed in `s` by the character at `after`, is really the start of a longer word (两位数, 家长). */
  isWordStart(s: string, u: string, after: number): boolean {
    const bad = this.notBefore.get(u);
    return bad !== undefined && bad.includes(s[after] ?? '\u0000');
  }

  /** The meaning of a unit as written, scale word included (see unitInfo). */
  info(unitText: string): UnitInfo | undefined {
    const t = unitText.trim();
    if (t === '百分之') return { canonical: '%', dimension: 'percent', factor: 1 };
    if (t === '千分之') return { canonical: '%', dimension: 'percent', factor: 0.1 };
    const base = this.byName.get(t);
    if (base) return { ...base };
    for (const [word, f] of SCALES) {
      if (!t.startsWith(word)) continue;
      const rest = t.slice(word.length);
      if (rest === '') return { canonical: '', dimension: 'count', factor: f };
      const b = this.byName.get(rest);
      if (b && b.dimension !== 'percent' && b.dimension !== 'points') return { canonical: b.canonical, dimension: b.dimension, factor: f * b.factor };
    }
    return undefined;
  }
}

function describe(i: UnitInfo): string {
  return i.factor === 1 && i.canonical ? `a base unit of ${i.dimension}` : `${i.factor} ${i.canonical} (${i.dimension})`;
}

/** Reads the bundled units table; set by the host at start (node/host.ts reads the package's facts/units.yaml). */
let readBundled: (() => UnitTable) | undefined;
/** The table the grammar reads when no other is active: the bundled one, read on first use. */
let bundled: UnitTable | undefined;
/** The table in use, when a check or validation has put one in use. */
let active: UnitTable | undefined;

/**
 * Registers how the bundled units table is read (the core reads no files: the host reads
 * the table, node/host.ts at start). It is read on first use.
 */
export function setBundledUnits(read: () => UnitTable): void {
  readBundled = read;
  bundled = undefined;
}

/** The bundled units table (the package's facts/units.yaml, read through the host on first use). */
export function bundledUnitTable(): UnitTable {
  if (!bundled) {
    if (!readBundled) throw new Error('factcheck: no units table: the host registers it before the first check (node/host.ts: useNodeHost)');
    bundled = readBundled();
  }
  return bundled;
}

/**
 * The units table of a fact base: the bundled table extended by the base's own unit
 * definitions (validation has reported any it cannot take; they are left out here).
 * Built anew for each call: the fact index keeps its base's (FactIndex.units).
 */
export function unitTableOf(base: { units?: readonly UnitDef[] }): UnitTable {
  return base.units?.length ? bundledUnitTable().extended(base.units).table : bundledUnitTable();
}

/** The table in use. */
export function currentUnits(): UnitTable {
  return active ?? bundledUnitTable();
}

/** Runs `fn` with `table` in use (restoring the previous table after). */
export function withUnits<T>(table: UnitTable | undefined, fn: () => T): T {
  const before = active;
  active = table ?? before;
  try {
    return fn();
  } finally {
    active = before;
  }
}

/** Runs a stepped computation with `table` in use during each of its steps (other work may run between them). */
export function* unitsDuring<T>(table: UnitTable | undefined, steps: Generator<void, T, void>): Generator<void, T, void> {
  for (;;) {
    const r = withUnits(table, () => steps.next());
    if (r.done) return r.value;
    yield;
  }
}

/**
 * The meaning of a unit as written, scale included, in the table in use: '亿元' → {元,
 * money, 1e8}; '平方公里' → {平方米, area, 1e6}; '万人次' → {人次, count, 1e4}; '万' alone →
 * {'', count, 1e4}; '%' → percent; '个百分点'/'百分点' → points; '成' → percent with factor
 * 10; '百分之' → percent. Undefined for text that is not a unit.
 */
export function unitInfo(unitText: string): UnitInfo | undefined {
  return currentUnits().info(unitText);
}

/** The longest unit written at `i` of `s`, if any (table in use). */
export function unitAt(s: string, i: number): string | undefined {
  return currentUnits().at(s, i);
}

/** The longest scale word written at `i` of `s`, if any. */
export function scaleAt(s: string, i: number): string | undefined {
  if (!SCALE_FIRST.has(s[i])) return undefined;
  for (const [w] of SCALES) if (s.startsWith(w, i)) return w;
  return undefined;
}

/** The base unit's information (no scale), for units returned by unitAt. */
export function baseUnit(u: string): UnitInfo | undefined {
  return currentUnits().base(u);
}

/** True when `u` written at `at` is really the start of a longer word (两位数, 家长). */
export function unitIsWordStart(s: string, u: string, after: number): boolean {
  return currentUnits().isWordStart(s, u, after);
}
