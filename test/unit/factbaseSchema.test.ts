/**
 * The committed JSON Schema (facts/schema/factbase.schema.json) is what the zod schema
 * generates, and it accepts and rejects fact files as the zod schema does.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { JSON_SCHEMA_PATH, factFileJsonSchemaText } from '../../server/src/core';
import { listFactFiles } from '../../server/src/node';
import { factFileSchema } from '../../server/src/core/factbase';
import { BUNDLED, FIXTURE, ROOT } from './factbaseSupport';

describe('factbase: JSON Schema', () => {
  const committed = readFileSync(join(ROOT, JSON_SCHEMA_PATH), 'utf8');
  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(committed) as object);

  it('the committed file is current (run `npm run schema` after changing schema.ts)', () => {
    assert.equal(committed, factFileJsonSchemaText());
  });

  it('accepts every fact file that the zod schema accepts', () => {
    for (const dir of [FIXTURE, BUNDLED]) {
      for (const rel of listFactFiles(dir)) {
        const data: unknown = parse(readFileSync(join(dir, rel), 'utf8')) ?? {};
        if (!factFileSchema.safeParse(data).success) continue;
        assert.ok(validate(data), `${rel}: ${JSON.stringify(validate.errors)}`);
      }
    }
  });

  it('rejects what the zod schema rejects', () => {
    const bad = [
      { observations: [{ id: 'a', measure: 'm', value: 'x', figure: '1个', period: '2023', source: 's', quote: '1个' }] },
      { observations: [{ id: 'a', measure: 'm', value: 1, figure: '1个', period: '2023-01', source: 's', quote: '1个' }] },
      { measures: [{ id: 'm', subject: 's', name: 'n', terms: [], unit: '个', kind: 'count' }] },
      { subjects: [{ id: 'Upper', name: 'n' }] },
      { roles: [{ id: 'r', person: 'p', titles: ['t'], organisation: 'o', asOf: '2024-08-26', source: 's', quote: 'q', extra: 1 }] },
      { exclusion: [] },
    ];
    for (const b of bad) {
      assert.equal(factFileSchema.safeParse(b).success, false);
      assert.equal(validate(b), false, JSON.stringify(b));
    }
  });
});
