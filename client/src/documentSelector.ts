/**
 * Which documents the language client hands to the server: drafts in the languages of
 * the factcheck.languages setting (saved or untitled), and YAML fact files under a
 * facts/ folder (file: and untitled: documents only; report webviews are not documents).
 */
/** Default of the factcheck.languages setting (as in package.json). */
export const DEFAULT_LANGUAGES: readonly string[] = ['markdown', 'plaintext'];

/** A text document filter, assignable to both vscode's and the language client's DocumentFilter. */
export interface DraftFilter {
  language: string;
  scheme: string;
  pattern?: string;
}

/** Glob of the fact files whose diagnostics (schema and value problems) the server reports. */
export const FACT_FILE_PATTERN = '**/facts/**/*.yaml';

/** The document selector for the given language ids; duplicates and blanks are dropped. */
export function documentSelector(languages: readonly string[] | undefined): DraftFilter[] {
  const ids = [...new Set((languages ?? DEFAULT_LANGUAGES).map((l) => l.trim()).filter((l) => l.length > 0))];
  const filters: DraftFilter[] = [];
  for (const language of ids) {
    filters.push({ language, scheme: 'file' }, { language, scheme: 'untitled' });
  }
  filters.push({ language: 'yaml', scheme: 'file', pattern: FACT_FILE_PATTERN });
  return filters;
}
