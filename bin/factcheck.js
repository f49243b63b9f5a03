#!/usr/bin/env node
// Command-line entry of the fact checker; the code lives in out/server/src/cli (built by `npm ci`).
'use strict';
require('../out/server/src/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; })
  .catch((err) => { process.stderr.write(`factcheck: internal error: ${err && err.stack || err}\n`); process.exitCode = 2; });
