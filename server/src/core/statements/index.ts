/**
 * The grammar of statements that are not quantities: ranks (全市第一, 前两名), firsts
 * (首家), editions (第四届) and years of events (成立于2014年). Read in sources (coverage)
 * and in drafts (judge/judgeStatements.ts).
 */
export { EVENT_WORD, eventClass } from './eventYears';
export { normalGroup, groupEndingAt, movedMention, type StatementKind, type StatementMention } from './mention';
export { scanStatements, scanStatementsByLine, isStatementMeasure } from './scanStatements';
