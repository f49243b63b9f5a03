/**
 * The number grammar of the checking core: scanning a text for quantitative claims and
 * period mentions, parsing single figures, units, plausible value intervals and writing
 * values back in a draft's style, and the character tables and numeral readers the other
 * grammars (statements/) share. Pure; the bundled units table is registered by the host
 * (setBundledUnits, node/host.ts). Runs before word segmentation.
 */
export { normalizeWidth, isDigit, codeUnitSet, charFinder } from './chars';
export { directionBefore, isChangeFigure, signed } from './direction';
export { plainNumber, chineseNumeral, simpleFraction, formatValue, formatLike } from './format';
export { valueInterval } from './interval';
export { nameSpans } from './nonClaims';
export { readArabic, readChinese } from './numerals';
export { parseQuantity } from './parse';
export { renderFigure } from './renderFigure';
export { scanQuantities, scanQuantitiesAndPeriods, whyNotAClaim } from './scanQuantities';
export { scanPeriods } from './timeExpressions';
export { UnitTable, setBundledUnits, bundledUnitTable, unitTableOf, withUnits, unitsDuring, unitInfo } from './units';
