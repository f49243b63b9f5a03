/**
 * The number grammar of the checking core: scanning a text for quantitative claims and
 * period mentions, parsing single figures, units, plausible value intervals and writing
 * values back in a draft's style. Pure but for the units table (facts/units.yaml of the
 * package, read once on first use); runs before word segmentation.
 */
export { scanQuantities, scanQuantitiesAndPeriods, whyNotAClaim } from './scanQuantities';
export { scanPeriods } from './timeExpressions';
export { parseQuantity } from './parse';
export { unitInfo, UnitTable, withUnits, unitsDuring, bundledUnitTable, unitTableOf } from './units';
export { valueInterval } from './interval';
export { formatLike, formatValue, chineseNumeral, plainNumber } from './format';
export { renderFigure } from './renderFigure';
