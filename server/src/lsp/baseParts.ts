/**
 * A loaded fact base's passage from the loading worker to the main thread, in parts: the
 * worker serializes the parts one after another into one buffer (each distinct text
 * once, sharedStrings.ts) and hands the buffer over without a copy; the main thread reads
 * the parts back one at a time, in steps it runs between other work. Deserialized in one
 * piece, a 100,000-observation base kept the main thread from answering for a pause a
 * writer notices; a part is short enough that requests are answered between parts.
 * (A message per part instead left memory in the worker's malloc arena: many mid-sized
 * buffers, where one large one is given back whole.)
 */
import { Deserializer, Serializer } from 'node:v8';
import type { Problem, FactBase, Origin } from '../core';
import { unwrapStrings, wrapStrings } from './sharedStrings';

/** Items of a list per part. */
export const PART_ITEMS = 4000;

/** The lists of a load, in the order they are sent. */
const LISTS = ['subjects', 'measures', 'observations', 'roles', 'sources', 'exclusions', 'units', 'origins', 'dirs', 'problems', 'unreviewed'] as const;
type ListName = (typeof LISTS)[number];

/** A loaded base and the problems of its load. */
export interface BaseLoad {
  base: FactBase;
  problems: Problem[];
}

/** Items of one list of a load (the base's lists, its origins as entries, its folders, the problems). */
export interface BasePart {
  list: ListName;
  items: unknown[];
}

/** What the loading worker posts: the parts of a load, serialized one after another. */
export interface PartsMessage {
  count: number;
  bytes: Uint8Array;
}

/** The items of one list of a load. */
function itemsOf(load: BaseLoad, list: ListName): unknown[] {
  if (list === 'problems') return load.problems;
  if (list === 'origins') return [...load.base.origins];
  if (list === 'unreviewed') return load.base.unreviewed ? [load.base.unreviewed] : [];
  if (list === 'units') return load.base.units ?? [];
  return load.base[list];
}

/** A load cut into parts of at most `size` items, every list at least once (so an empty one arrives empty). */
export function cutLoad(load: BaseLoad, size = PART_ITEMS): BasePart[] {
  const parts: BasePart[] = [];
  for (const list of LISTS) {
    const items = itemsOf(load, list);
    for (let i = 0; i === 0 || i < items.length; i += size) parts.push({ list, items: items.slice(i, i + size) });
  }
  return parts;
}

/** The load the parts were cut from (parts in the order cut). */
export function joinParts(parts: readonly BasePart[]): BaseLoad {
  const lists = new Map<ListName, unknown[]>(LISTS.map((l) => [l, []]));
  for (const p of parts) {
    const into = lists.get(p.list)!;
    for (const x of p.items) into.push(x);
  }
  const get = <T>(list: ListName): T[] => lists.get(list) as T[];
  return {
    base: {
      subjects: get('subjects'),
      measures: get('measures'),
      observations: get('observations'),
      roles: get('roles'),
      sources: get('sources'),
      exclusions: get('exclusions'),
      units: get('units'),
      origins: new Map(get<[string, Origin]>('origins')),
      dirs: get('dirs'),
      ...(get('unreviewed').length ? { unreviewed: get<FactBase['unreviewed'] & object>('unreviewed')[0] } : {}),
    },
    problems: get('problems'),
  };
}

/**
 * The parts of a load serialized one after another, with each distinct text once across
 * them all. The load is left as it was.
 */
export function serializeParts(parts: BasePart[]): PartsMessage {
  const ser = new Serializer();
  ser.writeHeader();
  wrapStrings(parts); // in place: the load's own objects
  try {
    for (const part of parts) ser.writeValue(part);
  } finally {
    unwrapStrings(parts);
  }
  return { count: parts.length, bytes: ser.releaseBuffer() };
}

/** Reads the parts of serializeParts back, pausing after each, and joins them. */
export function* readParts(message: PartsMessage): Generator<void, BaseLoad, void> {
  const des = new Deserializer(message.bytes);
  des.readHeader();
  const parts: BasePart[] = [];
  for (let k = 0; k < message.count; k++) {
    parts.push(unwrapStrings(des.readValue() as BasePart));
    yield;
  }
  return joinParts(parts);
}
