/**
 * Where the entries of one fact file and their fields are written: the sections of a
 * fact file, the YAML index of each kept entry, and the positions themselves (compact
 * tables, or the whole YAML document when the tables do not cover it).
 */
import type { FilePosition } from './problems';
import type { YamlPositions } from './yamlPositions';
import type { EntryPositions } from './entryPositions';

/** The sections of a fact file, in the order they are validated. */
export const SECTIONS = ['subjects', 'measures', 'observations', 'roles', 'exclusions', 'units'] as const;
export type Section = (typeof SECTIONS)[number];

/** For each section, the YAML index of each entry kept in `data` (invalid entries are dropped). */
export type YamlIndex = Record<Section, number[]>;

/** A YamlIndex with no entries. */
export function emptyIndex(): YamlIndex {
  return { subjects: [], measures: [], observations: [], roles: [], exclusions: [], units: [] };
}

/**
 * Positions of the kept entries of one fact file and of their fields. Kept as compact
 * tables (EntryPositions) when they cover the document, else with the whole document.
 */
export class FactFilePositions {
  constructor(
    /** For each section, the YAML index of each entry kept in `data`. */
    readonly yamlIndex: YamlIndex = emptyIndex(),
    private readonly full?: YamlPositions,
    private readonly compact?: EntryPositions,
  ) {}

  /** Compact tables of this file's positions, or undefined when they are kept with the whole document. */
  get tables(): EntryPositions | undefined {
    return this.full ? undefined : this.compact;
  }

  /** Position of entry `i` of `data[section]` (its first key), or of one of its fields' values. */
  entry(section: Section, i: number, field?: string): FilePosition {
    const y = this.yamlIndex[section][i] ?? i;
    const c = this.compact?.entry(section, y, field);
    if (c) return c;
    if (!this.full) return { line: 0, column: 0 };
    return field === undefined ? this.full.valueAt([section, y]) : this.full.valueAt([section, y, field]);
  }

  /** Position of a substring of an entry's string field (falls back to the field's start). */
  entryText(section: Section, i: number, field: string, index: number, length: number): FilePosition {
    const y = this.yamlIndex[section][i] ?? i;
    const c = this.compact?.entryText(section, y, field, index, length);
    if (c) return c;
    if (!this.full) return { line: 0, column: 0 };
    return this.full.textAt([section, y, field], index, length);
  }
}
