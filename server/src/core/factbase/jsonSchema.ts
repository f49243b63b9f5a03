/**
 * The JSON Schema of fact files, generated from the zod schema (zod's own
 * z.toJSONSchema), for editors: facts/schema/factbase.schema.json is this text.
 */
import { z } from 'zod';
import { factFileSchema } from './schema';

/** Path of the generated schema, relative to the package root. */
export const JSON_SCHEMA_PATH = 'facts/schema/factbase.schema.json';

/** The JSON Schema (draft-07, what YAML editors support best) of one fact file, as accepted on input. */
export function factFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(factFileSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: 'factcheck-zh fact file',
    description:
      'A fact file of the factcheck-zh fact base: subjects, measures, observations, roles and exclusions. ' +
      'Generated from server/src/core/factbase/schema.ts by `npm run schema`; do not edit.',
    ...rest,
  };
}

/** The schema file's text, exactly as committed. */
export function factFileJsonSchemaText(): string {
  return JSON.stringify(factFileJsonSchema(), null, 2) + '\n';
}
