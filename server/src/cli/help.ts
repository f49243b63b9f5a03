/**
 * Usage texts of the commands without a module of options of their own (facts check,
 * facts import, facts add, facts suggest, lsp), printed by `--help` and with usage errors.
 */

/** `factcheck facts check`. */
export const FACTS_CHECK_USAGE = `usage: factcheck facts check [--facts DIR]…
Validates fact-base folders (default: the bundled one): schema, quotes verbatim in their
sources, values as the number parser reads the figures, ids and references, coverage of
every figure of every source. Lists the entries not reviewed yet (reviewed: false).
Exit status 0, or 2 when there are errors.
options:
  --facts DIR   fact-base folder (repeatable; default: the bundled fact base)`;

/** `factcheck facts import`. */
export const FACTS_IMPORT_USAGE = `usage: factcheck facts import RAW_FILE… [--meta DIR] [--out DIR]
Re-imports raw articles into normalized sources, using the metadata file
(sources/meta/*.yaml) whose original names each raw file.
options:
  --meta DIR    metadata folder (default: ../meta beside the raw file)
  --out DIR     where the source files go (default: the folder above the raw file)`;

/** `factcheck facts add`. */
export const FACTS_ADD_USAGE = `usage: factcheck facts add FILE --id ID --title T --publisher P --published YYYY-MM-DD
                          [--event-date YYYY-MM-DD] [--url U] [--format text|html] [--facts DIR]
Imports a new source (plain text or an HTML page) into a fact-base folder: the raw file
(sources/raw/), its metadata (sources/meta/ID.yaml) and the normalized source
(sources/ID.md: HTML to text, traditional to simplified characters, full-width digits
folded). Refuses an id, or a text, the folder already has. Then prints the next steps.
options:
  --id ID               the source's id: lower-case letters, digits, dot, dash (hr-2025-11)
  --title T             the article's title
  --publisher P         who published it
  --published DATE      the date it was published (YYYY-MM-DD)
  --event-date DATE     the date of the event it reports, when not the publication date
  --url U               where it was published
  --format text|html    how FILE is written (default: html for .html/.htm, else text)
  --facts DIR           the fact-base folder (default: ./facts)`;

/** `factcheck facts suggest`. */
export const FACTS_SUGGEST_USAGE = `usage: factcheck facts suggest SOURCE_ID… [--facts DIR]… [--all] [--format yaml|json] [--write]
Reads a source with the checker's own grammars (figures; ranks, firsts, editions and
years of events; people and their titles) and suggests the observations and roles the
fact base does not hold yet: subject, measure (an existing one, or a new one proposed),
period, value, qualifier, group, kind (actual, forecast, target, commitment), the figure
as written, the shortest quote, a confidence.
options:
  --facts DIR         fact-base folder (repeatable; default: the bundled fact base)
  --all               every figure and pair of the source, also those already held
  --format yaml|json  yaml (default): entries in the fact files' format, ready to paste;
                      json: one array of suggestions
  --write             append the new entries, marked reviewed: false, to the right files
                      (new measures to measures.yaml); the checker does not use them until
                      you delete that line from each entry you have reviewed`;

/** `factcheck lsp`. */
export const LSP_USAGE = `usage: factcheck lsp --stdio (or --node-ipc, --socket=PORT)
Runs the language server for editors other than VS Code (see the README).`;
