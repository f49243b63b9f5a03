#!/usr/bin/env node
// Writes facts/schema/factbase.schema.json from the zod schema (run `npm run schema`;
// it builds first). A unit test fails when the committed file is out of date.
'use strict';
const { writeFileSync, mkdirSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { factFileJsonSchemaText, JSON_SCHEMA_PATH } = require('../out/server/src/core/index.js');

const target = join(__dirname, '..', JSON_SCHEMA_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, factFileJsonSchemaText());
process.stdout.write(`wrote ${JSON_SCHEMA_PATH}\n`);
