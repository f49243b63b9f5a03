/**
 * Turning a raw article into a normalized source file (HTML to text, traditional to
 * simplified, furniture removed, front matter written), and the leftovers of a damaged
 * original. Pure: the CLI reads and writes the files.
 */
export { htmlToText, normalizeBody, importSource, importLeftovers } from './import';
export { findLeftovers, unrecordedLeftovers, type Leftover } from './leftovers';
export { stripGluedPinyin, foldFullWidth, normalizeText } from './normalize';
