/**
 * Incremental checking: the per-document memo of what a check computed per line and per
 * claim, and the claims and findings it keeps, moved to where their line stands now.
 */
export { CheckMemo, type LineClaim } from './memo';
export { builtAt, movedContext, type Built } from './memoBuilt';
