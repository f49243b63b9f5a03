/**
 * The fact base's file schema in zod. A fact file (facts/**\/*.yaml) is a mapping with
 * any of the keys subjects, measures, observations, roles, exclusions. The JSON Schema
 * in facts/schema/factbase.schema.json is generated from this module.
 */
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case ASCII: letters, digits, dot, dash, underscore');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD');

/** Period syntax: 2023 | 2025H1 | 2022Q1-3 | 2021/2025 | @2024-08-26 */
export const periodPattern = /^(\d{4}(H[12]|Q[1-4](-[1-4])?)?|\d{4}\/\d{4}|@\d{4}-\d{2}-\d{2})$/;

export const qualifierSchema = z.enum(['exact', 'about', 'over', 'under']);

export const subjectSchema = z.strictObject({
  id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  partOf: id.optional(),
});

export const measureSchema = z.strictObject({
  id,
  subject: id,
  name: z.string().min(1),
  terms: z.array(z.string().min(1)).min(1, 'a measure needs at least one term writers use for it'),
  unit: z.string(),
  kind: z.enum(['count', 'money', 'share', 'growth', 'points', 'area', 'length', 'duration', 'year', 'rank', 'fraction']),
});

export const observationSchema = z.strictObject({
  id,
  measure: id,
  value: z.number(),
  high: z.number().optional(),
  qualifier: qualifierSchema.default('exact'),
  figure: z.string().min(1),
  period: z.string().regex(periodPattern, 'period is YYYY, YYYYH1, YYYYQ1-3, YYYY/YYYY or @YYYY-MM-DD'),
  periodText: z.string().optional(),
  published: date.optional(),
  source: id,
  quote: z.string().min(1),
  estimate: z.boolean().optional(),
  conflictsWith: z.array(id).optional(),
  note: z.string().optional(),
});

export const roleSchema = z.strictObject({
  id,
  person: z.string().min(1),
  titles: z.array(z.string().min(1)).min(1),
  organisation: id,
  asOf: date,
  source: id,
  quote: z.string().min(1),
});

export const exclusionSchema = z.strictObject({
  source: id,
  context: z.string().min(1),
  figure: z.string().min(1),
  reason: z.string().min(1),
});

/** One YAML fact file. */
export const factFileSchema = z.strictObject({
  subjects: z.array(subjectSchema).optional(),
  measures: z.array(measureSchema).optional(),
  observations: z.array(observationSchema).optional(),
  roles: z.array(roleSchema).optional(),
  exclusions: z.array(exclusionSchema).optional(),
});

/** Front matter of a normalized source file (facts/sources/*.md). */
export const sourceFrontMatterSchema = z.strictObject({
  id,
  title: z.string().min(1),
  publisher: z.string().min(1),
  published: date,
  eventDate: date.optional(),
  original: z.string().min(1),
  url: z.string().optional(),
});

/** Per-source import metadata (facts/sources/meta/*.yaml): what a person decides. */
export const importMetaSchema = sourceFrontMatterSchema.extend({
  /** 'text' for plain text, 'html' for an HTML page (with optional YAML front matter). */
  format: z.enum(['text', 'html']).default('text'),
  /** Body starts at the first line that begins with this text. */
  bodyStart: z.string().optional(),
  /** Body ends after the last line that begins with this text. */
  bodyEnd: z.string().optional(),
  /** Lines (after normalization) that are site furniture: exact text or /regex/. */
  dropLines: z.array(z.string()).default([]),
});

export type FactFile = z.infer<typeof factFileSchema>;
export type ImportMeta = z.infer<typeof importMetaSchema>;
export type SourceFrontMatter = z.infer<typeof sourceFrontMatterSchema>;
