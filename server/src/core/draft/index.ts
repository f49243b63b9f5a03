/**
 * Reading a draft: its outline (front matter, headings, paragraphs, sentences, clauses),
 * each claim's context (subject and period), the periods it names, 分别 pairs, tables read
 * cell by cell, and the disable comments and allowlist that suppress claims; a draft as
 * matching and judging read it (DraftText), with what its sentences give kept by it.
 */
export { findSubjects, subjectMentions, OUTSIDE, resolveMention, ContextFinder, type SubjectMention, type SubjectScope, type ClaimContext } from './claimContext';
export { readFrontMatter, outline, type Sentence, type DraftOutline } from './outline';
export { withWholeYear, yearRanges, withDraftPeriods } from './periodMentions';
export { DraftText, SentenceValue } from './draftText';
export { parsePeriod, relatePeriods, describePeriod } from './periodSyntax';
export { pairRespectively, respectiveSlots, type RespectiveSlot } from './respectively';
export { DISABLE_NEXT_LINE_MARKDOWN, DISABLE_NEXT_LINE_PLAIN, CITATION_FOOTNOTE_LINE, lineText, applySuppressions, ALLOW_FILE_NAME, parseAllowFile, type AllowEntry } from './suppression';
export { findTables, checkTables } from './tables';
