/**
 * Suggested observations and roles for a source (`factcheck facts suggest`, the editor's
 * source documents): its figures and statements read with the checker's grammars and
 * contexts, with a measure, subject and id each; and how well they agree with the
 * curated base.
 */
export { observationEntry, measureEntry, subjectEntry, suggestionEntry, entryYaml, suggestionJson, type EntrySection, type Entry } from './factEntries';
export { compareWithCurated } from './quality';
export { suggestSource, type SourceSuggestions } from './suggestSource';
export type { ObservationSuggestion, RoleSuggestion, Suggestion } from './suggestionTypes';
export type * from './suggestionTypes';
