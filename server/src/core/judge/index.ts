/**
 * Judging a claim and writing its finding: the verdict of a quantity (verified, wrong,
 * outdated, misattributed, unverified…), roles and titles, ranks and firsts, the draft's
 * own consistency (arithmetic, inconsistent), and the finding each verdict makes: status,
 * citations, expected value, fix and message.
 */
export { consistencySteps, type JudgedQuantity } from './consistency';
export { SEVERITY, statusOf } from './findings';
export { judgeStatements } from './judgeStatements';
export { quantityFinding, roleFinding } from './judgement';
export { message } from './messages';
export { findRoleClaims, judgeRole, type RoleClaim } from './roles';
export { directedFinding } from './signedChanges';
export { MATCH_THRESHOLD, agreement, DEFAULT_POLICY, judgeQuantity, type QuantityVerdict } from './verdict';
