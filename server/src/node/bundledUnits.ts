/**
 * Reads the bundled units table, the package's facts/units.yaml, for the number grammar
 * (units.ts asks for it on first use). The only module of the number grammar that reads
 * a file; a damaged table stops the checker with a message naming the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';
import { packageRoot } from './packageRoot';
import { unitSchema, UnitTable } from '../core';

/** Path of the bundled units table, relative to the package root. */
export const UNITS_FILE = join('facts', 'units.yaml');

const unitsFileSchema = z.object({ units: z.array(unitSchema) });

/** The bundled table, read from `file` (default: the package's facts/units.yaml). */
export function readBundledUnits(file = join(packageRoot(), UNITS_FILE)): UnitTable {
  let parsed: z.infer<typeof unitsFileSchema>;
  try {
    const r = unitsFileSchema.safeParse(load(readFileSync(file, 'utf8')));
    if (!r.success) throw new Error(`${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}`);
    parsed = r.data;
  } catch (e) {
    throw new Error(`factcheck: cannot read the units table ${file}: ${(e as Error).message}`, { cause: e });
  }
  const table = new UnitTable();
  const problems = table.add(parsed.units);
  if (problems.length) throw new Error(`factcheck: the units table ${file} is inconsistent: ${problems.map((p) => p.message).join('; ')}`);
  return table;
}
