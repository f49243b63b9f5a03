/**
 * The number grammar of the checking core: scanning a text for quantitative claims and
 * period mentions, parsing single figures, units, plausible value intervals and writing
 * values back in a draft's style. Pure: no I/O, runs before word segmentation.
 */
export { scanQuantities, scanQuantitiesAndPeriods, whyNotAClaim } from './scan';
export { scanPeriods } from './periods';
export { parseQuantity } from './parse';
export { unitInfo, type UnitInfo } from './units';
export { valueInterval } from './interval';
export { formatLike, formatValue, styleOf, chineseNumeral, plainNumber, type NumberStyle, type FormatOptions } from './format';
export { renderFigure, type RenderOptions } from './render';
