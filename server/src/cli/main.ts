/**
 * Command-line entry: parses the sub-command and hands it to its module, loaded only
 * when that command runs (the language server does not pay for OpenCC and html-to-text).
 *   factcheck check …            check drafts (see checkCommand)
 *   factcheck explain "句子"       how a sentence was read and judged (see explainCommand)
 *   factcheck facts check …      validate a fact base
 *   factcheck facts import RAW…  normalize raw articles into source files
 *   factcheck lsp --stdio        start the language server (bin/factcheck.js runs
 *                                lsp/main.ts for it: the CLI and the server never import each other)
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors';
import { printable } from './printable';

const USAGE = `usage:
  factcheck check [--format stylish|json|sarif|github|html] [--facts DIR] [--as-of DATE] [--locale zh-CN|en] FILE|DIR|GLOB…
  factcheck explain [--facts DIR] [--as-of DATE] "句子"
  factcheck facts check [--facts DIR]
  factcheck facts import RAW_FILE… [--meta DIR] [--out DIR]
  factcheck lsp --stdio`;

/** Runs the CLI and resolves to its exit status. */
export async function main(argv: string[]): Promise<number> {
  try {
    const [cmd, sub, ...rest] = argv;
    if (cmd === 'facts' && sub === 'import') {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { meta: { type: 'string' }, out: { type: 'string' } } });
      const { runImport } = await import('./importCommand.js');
      for (const f of runImport(positionals, values)) process.stdout.write(`wrote ${f}\n`);
      return 0;
    }
    if (cmd === 'facts' && sub === 'check') {
      const { runFactsCheck } = await import('./factsCheckCommand.js');
      return await runFactsCheck(rest);
    }
    if (cmd === 'check') {
      const { runCheck } = await import('./checkCommand.js');
      return await runCheck(argv.slice(1));
    }
    if (cmd === 'explain') {
      const { runExplain } = await import('./explainCommand.js');
      return await runExplain(argv.slice(1));
    }
    if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    throw new UsageError(`unknown command: ${argv.join(' ') || '(none)'}\n${USAGE}`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`factcheck: ${printable((e as Error).message)}\n`);
      return 2;
    }
    throw e;
  }
}
