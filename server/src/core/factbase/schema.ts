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
/** `reviewed: false` marks an entry written by `factcheck facts suggest --write` or the editor's "Add to fact base": the checker leaves it out until a curator deletes the flag. */
const reviewed = z
  .literal(false)
  .optional()
  .describe('false: suggested, not yet reviewed; the checker does not use it. Delete this line to accept the entry.');

/** Period syntax: 2023 | 2025H1 | 2022Q1-3 | 2024M07 | 2025M01-11 | 2021/2025 | @2024-08-26 */
export const periodPattern = /^(\d{4}(H[12]|Q[1-4](-[1-4])?|M(0[1-9]|1[0-2])(-(0[1-9]|1[0-2]))?)?|\d{4}\/\d{4}|@\d{4}-\d{2}-\d{2})$/;

export const qualifierSchema = z.enum(['exact', 'about', 'over', 'under']);

/** Kinds of statement an observation records (what the source says of the figure). */
export const statementKindSchema = z
  .enum(['actual', 'forecast', 'target', 'commitment'])
  .describe(
    'actual: what was (达到, 已有); forecast: an expectation (预计, 有望); target: a goal with a deadline (力争, 计划, 目标, 到2027年); ' +
      'commitment: what someone will do (将, 年内将, 将于年底). An actual figure for the same period wins over the others.',
  );

export const subjectSchema = z
  .strictObject({
    id: id.describe('Unique id of the subject (怀柔区 → huairou).'),
    name: z.string().min(1).describe('Official name (怀柔区).'),
    aliases: z.array(z.string().min(1)).default([]).describe('Other names drafts use for it (怀柔, 科学城).'),
    partOf: id.optional().describe('Id of the subject this one lies in (huairou-science-city → huairou).'),
    reviewed,
  })
  .describe('A district, area or body the facts are about.');

export const measureSchema = z
  .strictObject({
    id: id.describe('Unique id of the measure.'),
    subject: id.describe('Id of the subject it measures.'),
    name: z.string().min(1).describe('What is measured, in Chinese (科学设施数量).'),
    terms: z
      .array(z.string().min(1))
      .min(1, 'a measure needs at least one term writers use for it')
      .describe('Words writers use for it, used to match claims (科学设施, 科技设施).'),
    unit: z.string().describe("Unit the observations' values are in, as sources write it ('个', '亿元', '%', '万平方米')."),
    kind: z
      .enum(['count', 'money', 'share', 'growth', 'points', 'area', 'length', 'duration', 'year', 'rank', 'fraction', 'amount', 'first', 'edition'])
      .describe(
        'Kind of quantity: share = percent of a whole, growth = signed growth rate in percent (a decline is negative), points = signed change in percentage points, ' +
          'amount = a physical amount in a unit of the units table (吨, 千瓦, 微克/立方米), year = the year of an event (成立于2014年), ' +
          'rank = a position within a group (全市第1, 前两名), first = a position in time among things of its kind (全市首家, 第一个), edition = the number of an event (第四届).',
      ),
    reviewed,
  })
  .describe('A measured quantity of one subject.');

export const observationSchema = z
  .strictObject({
    id: id.describe('Unique id of the observation.'),
    measure: id.describe('Id of the measure observed.'),
    value: z.number().describe("Value in the measure's unit (2.3 for 2.3万人 when the unit is 万人)."),
    high: z.number().optional().describe('Upper bound of a range (1-3年 → value 1, high 3).'),
    qualifier: qualifierSchema
      .default('exact')
      .describe('exact; about (约, 左右); over (余, 多, 超过, 以上); under (近, 不到, 不足).'),
    figure: z.string().min(1).describe("The figure exactly as written inside the quote ('40余个', '2.3万人')."),
    period: z
      .string()
      .regex(periodPattern, 'period is YYYY, YYYYH1, YYYYQ1-3, YYYYMmm, YYYYMmm-mm, YYYY/YYYY or @YYYY-MM-DD')
      .describe(
        '2023, 2025H1, 2022Q1-3, 2024M07 (a month), 2025M01-11 (January to November, cumulative), 2021/2025 (a span; a cumulative figure since a year: “十四五”以来 = 2021/the year stated), or @2024-08-26 (a stock as of a date; 截至2024年底 = @2024-12-31).',
      ),
    periodText: z.string().optional().describe('The period phrase as the source writes it (十四五以来, 今年上半年).'),
    group: z
      .string()
      .min(1)
      .optional()
      .describe('For a rank or a first: the group it is within, as the source writes it (全市, 中心城区, 城六区, 全国, 全球; for 之首 the list, “…榜单”).'),
    published: date.optional().describe("Publication date; the source's when omitted."),
    source: id.describe('Id of the source (facts/sources/<id>.md).'),
    quote: z.string().min(1).describe("Verbatim sentence or clause of the source's text containing the figure."),
    kind: statementKindSchema.optional().describe(
      "What the source says of the figure: actual (the default), forecast, target or commitment. Write `kind: actual` to confirm an actual whose quote has 将/预计/有望/力争/计划 before the figure.",
    ),
    estimate: z.boolean().optional().describe('Deprecated: read as `kind: forecast` (true) or `kind: actual` (false). Write kind instead.'),
    conflictsWith: z.array(id).optional().describe('Ids of observations of the same measure and period that state another value, kept on purpose.'),
    note: z.string().optional().describe('Remarks for curators.'),
    reviewed,
  })
  .describe('One value of a measure, as a source states it.');

export const roleSchema = z
  .strictObject({
    id: id.describe('Unique id of the role.'),
    person: z.string().min(1).describe("The person's name as the quote writes it."),
    titles: z.array(z.string().min(1)).min(1).describe('Titles as written, split at 、 and ，(怀柔区委副书记, 区长).'),
    organisation: id.describe('Id of the subject the titles belong to.'),
    asOf: date.describe('Date the source states the titles for (YYYY-MM-DD).'),
    source: id.describe('Id of the source.'),
    quote: z.string().min(1).describe('Verbatim text of the source naming the person and the titles.'),
    reviewed,
  })
  .describe('A person holding titles at a date, as a source states it.');

export const exclusionSchema = z
  .strictObject({
    source: id.describe('Id of the source.'),
    context: z.string().min(1).describe("Text around the figure, verbatim from the source's text."),
    figure: z.string().min(1).describe('The figure inside the context.'),
    reason: z.string().min(1).describe('Why this figure is not an observation.'),
  })
  .describe('A figure of a source that is deliberately not an observation.');

export const unitSchema = z
  .strictObject({
    unit: z.string().min(1).regex(/^\S+$/, 'a unit is written without spaces').describe('The unit as drafts write it (千瓦, 吨, 元/人).'),
    dimension: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'a dimension is a lower-case ASCII name (mass, power, money-per-person)')
      .describe('What it measures; values compare only within one dimension (count, money, area, length, duration, percent, points, mass, power …).'),
    base: z.string().min(1).optional().describe('The base unit of the dimension it converts to (千克 for 吨); the unit itself when omitted.'),
    factor: z.number().positive().optional().describe('How many base units one unit is (吨 → 1000 千克); 1 when omitted.'),
    aliases: z.array(z.string().min(1)).optional().describe('Other spellings with the same meaning (平米 for 平方米).'),
    notBefore: z.string().min(1).optional().describe('Characters that, right after the unit, show it starts a word instead (家 before 长: 家长).'),
  })
  .describe('A unit of the number grammar; facts/units.yaml holds the bundled table, a base adds its own.');

/** One YAML fact file. */
export const factFileSchema = z.strictObject({
  subjects: z.array(subjectSchema).optional().describe('Districts, areas and bodies.'),
  measures: z.array(measureSchema).optional().describe('Measured quantities of subjects.'),
  observations: z.array(observationSchema).optional().describe('Values of measures as sources state them.'),
  roles: z.array(roleSchema).optional().describe("People's titles as sources state them."),
  exclusions: z.array(exclusionSchema).optional().describe('Figures of sources that are not facts, with the reason.'),
  units: z.array(unitSchema).optional().describe('Units the number grammar reads, added to the bundled table (facts/units.yaml).'),
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
  /** Known damage of the original the text keeps (garbled characters the raw article has too), each with a note. */
  damage: z.array(z.strictObject({ text: z.string().min(1), note: z.string().min(1) })).optional(),
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
