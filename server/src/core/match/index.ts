/**
 * Finding the measure a claim is about: candidate measures by term and subject, scored by
 * term proximity and quote similarity (IDF over the sources' quotes, words from the
 * segmenter), ranked; the claim's identity against a measure (does its wording name what
 * the measure counts); pruning by value; the measure of a statement.
 */
export { compatibleSubjects, forTermMeasures } from './candidateIndex';
export { readSentence, identityOf, objectTermSteps, type Identity, type SentenceReading } from './identity';
export { QUOTE_CANDIDATE, QuoteScores, type QuoteStats } from './quoteScores';
export { quoteStats, quoteStatsSteps, rankMeasures, type Candidate } from './rankMeasures';
export { Ranking } from './ranking';
export { setSegmenterTables, loadSegmenter, addWords, words, type SegmenterTables } from './segment';
export { statementMeasure } from './statementMeasure';
export { mayAgree } from './valueIndex';
