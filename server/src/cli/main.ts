/**
 * Command-line entry: parses the sub-command and hands it to its module, loaded only
 * when that command runs (the language server does not pay for OpenCC and html-to-text).
 *   factcheck check …            check drafts (see checkCommand)
 *   factcheck explain "句子"       how a sentence was read and judged (see explainCommand)
 *   factcheck facts check …      validate a fact base
 *   factcheck facts import RAW…  normalize raw articles into source files
 *   factcheck facts add FILE …   import a new source into a fact-base folder (see factsAddCommand)
 *   factcheck facts suggest ID…  suggested observations and roles of a source (see factsSuggestCommand)
 *   factcheck lsp --stdio        start the language server (bin/factcheck.js runs
 *                                lsp/main.ts for it: the CLI and the server never import each other)
 */
import { parseArgs } from 'node:util';
import { useNodeHost } from '../node';
import { UsageError } from './errors';
import { printable } from './printable';
import { FACTS_CHECK_USAGE, FACTS_IMPORT_USAGE, LSP_USAGE } from './help';

/** Usage of the commands whose modules do not answer --help themselves. */
const HELP: Record<string, string> = { 'facts check': FACTS_CHECK_USAGE, 'facts import': FACTS_IMPORT_USAGE, lsp: LSP_USAGE };

const USAGE = `usage:
  factcheck check [--format stylish|json|sarif|github|html] [--facts DIR] [--as-of DATE] [--locale zh-CN|en] FILE|DIR|GLOB…
  factcheck explain [--facts DIR] [--as-of DATE] "句子"
  factcheck facts check [--facts DIR]
  factcheck facts import RAW_FILE… [--meta DIR] [--out DIR]
  factcheck facts add FILE --id ID --title T --publisher P --published YYYY-MM-DD [--url U] [--facts DIR]
  factcheck facts suggest SOURCE_ID… [--facts DIR] [--all] [--format yaml|json] [--write]
  factcheck lsp --stdio
factcheck COMMAND --help describes each command.`;

/** Runs the CLI and resolves to its exit status. */
export async function main(argv: string[]): Promise<number> {
  useNodeHost();
  try {
    const [cmd, sub, ...rest] = argv;
    const help = HELP[cmd === 'facts' ? `facts ${sub}` : cmd];
    if (help && (argv.includes('--help') || argv.includes('-h'))) {
      process.stdout.write(help + '\n');
      return 0;
    }
    if (cmd === 'facts' && sub === 'add') {
      const { runFactsAdd } = await import('./factsAddCommand.js');
      return await runFactsAdd(rest);
    }
    if (cmd === 'facts' && sub === 'suggest') {
      const { runFactsSuggest } = await import('./factsSuggestCommand.js');
      return await runFactsSuggest(rest);
    }
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
