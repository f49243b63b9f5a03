/**
 * The units a fact base defines (`units:` sections, facts/units.yaml in the bundled base):
 * the table the base's figures are read with (the bundled table extended by them), and a
 * problem at each definition the table cannot take (a unit defined again with another
 * meaning, a base unit of another dimension).
 */
import { bundledUnitTable, type UnitTable } from '../numbers';
import type { UnitDef } from '../types';
import type { ParsedFactFile } from './parseFactFile';
import { problemAt, type Problem } from './problems';

/** A base's unit definitions, its units table and the problems of its definitions. */
export interface BaseUnits {
  defs: UnitDef[];
  table: UnitTable;
  problems: Problem[];
}

/** The units of a base's parsed fact files (see the file header). */
export function baseUnits(factFiles: readonly ParsedFactFile[]): BaseUnits {
  const defs: UnitDef[] = [];
  const where = new Map<UnitDef, { f: ParsedFactFile; i: number }>();
  for (const f of factFiles) {
    (f.data?.units ?? []).forEach((u, i) => {
      defs.push(u);
      where.set(u, { f, i });
    });
  }
  if (!defs.length) return { defs, table: bundledUnitTable(), problems: [] };
  const { table, problems: bad } = bundledUnitTable().extended(defs);
  const problems = bad.map((p) => {
    const at = where.get(p.def)!;
    const field = p.name === p.def.unit ? (/base/.test(p.message) ? 'base' : /factor/.test(p.message) ? 'factor' : 'unit') : 'aliases';
    return problemAt(at.f.file, at.f.positions.entry('units', at.i, field), p.message);
  });
  const taken = new Set(table.defs);
  return { defs: defs.filter((d) => taken.has(d)), table, problems };
}
