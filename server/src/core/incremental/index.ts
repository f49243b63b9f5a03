/**
 * Incremental checking: the per-document memo of what a check computed per line and per
 * claim, and the claims and findings it keeps, moved to where their line stands now; a
 * check without a memo asks the same of NoMemory, which computes and keeps nothing.
 */
export { CheckMemo } from './memo';
export { NoMemory, type CheckMemory, type FigureLine, type LineClaim } from './memory';
export { builtAt, movedContext, type Built } from './memoBuilt';
