#!/usr/bin/env node
// Command-line entry of the fact checker; the code lives in out/ (built by `npm ci`).
// `factcheck lsp …` starts the language server (out/server/src/lsp/main.js reads the
// transport from the command line); every other command is the CLI's. The two are
// separate layers that never import each other: this file is where they meet.
'use strict';
if (process.argv[2] === 'lsp') {
  require('../out/server/src/lsp/main.js');
} else {
  require('../out/server/src/cli/main.js')
    .main(process.argv.slice(2))
    .then((code) => { process.exitCode = code; })
    .catch((err) => { process.stderr.write(`factcheck: internal error: ${err && err.stack || err}\n`); process.exitCode = 2; });
}
