/**
 * Units of the number grammar: counters, money, area, length, duration, percent and
 * percentage points, with the scale words (万, 亿, 万亿 …) that combine with any of them.
 * Each unit maps to the canonical unit of its dimension and a factor into it.
 */
import type { Dimension } from '../types';

/** What a unit means: its dimension, its canonical unit and the factor into it. */
export interface UnitInfo {
  canonical: string;
  dimension: Dimension;
  factor: number;
}

/** Counter words: each is its own canonical unit (count, factor 1). */
const COUNTERS = [
  '个', '家', '人', '名', '项', '所', '部', '场', '人次', '套', '间', '条', '款', '届', '位', '只',
  '台', '座', '栋', '处', '批', '片', '块', '家次', '场次', '户', '件', '辆', '次', '种', '例', '支',
  '趟', '户次', '项次',
];

const BASE: ReadonlyMap<string, UnitInfo> = new Map<string, UnitInfo>([
  ...COUNTERS.map((c): [string, UnitInfo] => [c, { canonical: c, dimension: 'count', factor: 1 }]),
  ['元', { canonical: '元', dimension: 'money', factor: 1 }],
  ['美元', { canonical: '美元', dimension: 'money', factor: 1 }],
  ['%', { canonical: '%', dimension: 'percent', factor: 1 }],
  ['‰', { canonical: '%', dimension: 'percent', factor: 0.1 }],
  ['成', { canonical: '%', dimension: 'percent', factor: 10 }],
  ['个百分点', { canonical: '个百分点', dimension: 'points', factor: 1 }],
  ['百分点', { canonical: '个百分点', dimension: 'points', factor: 1 }],
  ['平方米', { canonical: '平方米', dimension: 'area', factor: 1 }],
  ['平米', { canonical: '平方米', dimension: 'area', factor: 1 }],
  ['平方公里', { canonical: '平方米', dimension: 'area', factor: 1e6 }],
  ['平方千米', { canonical: '平方米', dimension: 'area', factor: 1e6 }],
  ['公顷', { canonical: '平方米', dimension: 'area', factor: 1e4 }],
  ['亩', { canonical: '平方米', dimension: 'area', factor: 2000 / 3 }],
  ['米', { canonical: '米', dimension: 'length', factor: 1 }],
  ['公里', { canonical: '米', dimension: 'length', factor: 1000 }],
  ['千米', { canonical: '米', dimension: 'length', factor: 1000 }],
  ['小时', { canonical: '小时', dimension: 'duration', factor: 1 }],
  ['个小时', { canonical: '小时', dimension: 'duration', factor: 1 }],
  ['分钟', { canonical: '分钟', dimension: 'duration', factor: 1 }],
  ['天', { canonical: '天', dimension: 'duration', factor: 1 }],
  ['个月', { canonical: '月', dimension: 'duration', factor: 1 }],
  ['年', { canonical: '年', dimension: 'duration', factor: 1 }],
  ['岁', { canonical: '岁', dimension: 'duration', factor: 1 }],
  ['倍', { canonical: '倍', dimension: 'none', factor: 1 }],
]);

/** Scale words written between a number and its unit, longest first. */
export const SCALES: readonly (readonly [string, number])[] = [
  ['万亿', 1e12], ['千亿', 1e11], ['百亿', 1e10], ['十亿', 1e9], ['千万', 1e7], ['百万', 1e6],
  ['十万', 1e5], ['亿', 1e8], ['万', 1e4], ['千', 1e3], ['百', 1e2],
];

/** Scale word → factor. */
export const SCALE_FACTOR: ReadonlyMap<string, number> = new Map(SCALES);

/** Units by first character, longest first, for matching in text. */
const BY_FIRST = new Map<string, string[]>();
for (const u of BASE.keys()) {
  const list = BY_FIRST.get(u[0]) ?? [];
  list.push(u);
  BY_FIRST.set(u[0], list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

/**
 * The meaning of a unit as written, scale included: '亿元' → {元, money, 1e8};
 * '平方公里' → {平方米, area, 1e6}; '万人次' → {人次, count, 1e4}; '万' alone → {'', count, 1e4};
 * '%' → percent; '个百分点'/'百分点' → points; '成' → percent with factor 10;
 * '百分之' → percent. Undefined for text that is not a unit.
 */
export function unitInfo(unitText: string): UnitInfo | undefined {
  const t = unitText.trim();
  if (t === '百分之') return { canonical: '%', dimension: 'percent', factor: 1 };
  if (t === '千分之') return { canonical: '%', dimension: 'percent', factor: 0.1 };
  const base = BASE.get(t);
  if (base) return { ...base };
  for (const [word, f] of SCALES) {
    if (!t.startsWith(word)) continue;
    const rest = t.slice(word.length);
    if (rest === '') return { canonical: '', dimension: 'count', factor: f };
    const b = BASE.get(rest);
    if (b && b.dimension !== 'percent' && b.dimension !== 'points') return { canonical: b.canonical, dimension: b.dimension, factor: f * b.factor };
  }
  return undefined;
}

/** The longest unit written at `i` of `s`, if any. */
export function unitAt(s: string, i: number): string | undefined {
  const list = BY_FIRST.get(s[i] ?? '');
  if (!list) return undefined;
  for (const u of list) if (s.startsWith(u, i)) return u;
  return undefined;
}

const SCALE_FIRST = new Set(SCALES.map(([w]) => w[0]));

/** The longest scale word written at `i` of `s`, if any. */
export function scaleAt(s: string, i: number): string | undefined {
  if (!SCALE_FIRST.has(s[i])) return undefined;
  for (const [w] of SCALES) if (s.startsWith(w, i)) return w;
  return undefined;
}

/** The base unit's information (no scale), for units returned by unitAt. */
export function baseUnit(u: string): UnitInfo | undefined {
  const b = BASE.get(u);
  return b ? { ...b } : undefined;
}

/** Characters that, right after a one-character unit, show it starts a word instead (两位数, 家长, 名单, 条件). */
const NOT_AFTER: ReadonlyMap<string, string> = new Map([
  ['位', '数置于'],
  ['家', '长庭园属乡'],
  ['所', '有在以属得谓'],
  ['名', '单称义字录额'],
  ['条', '件例'],
  ['项', '目'],
  ['场', '景所馆地合面'],
  ['处', '理长于在'],
  ['批', '准示复'],
  ['台', '阶湾'],
  ['座', '谈'],
  ['间', '隔'],
  ['只', '有是要能'],
  ['次', '序要'],
  ['届', '时'],
  ['人', '员民才士'],
  ['片', '区'],
  ['块', '钱'],
  ['支', '持撑付出'],
  ['件', '事'],
  ['种', '类'],
  ['部', '分署长'],
  ['个', '性体'],
  ['年', '级代度'],
  ['天', '然津'],
  ['米', '饭'],
]);

/** True when `u` written at `at` is really the start of a longer word (两位数, 家长). */
export function unitIsWordStart(s: string, u: string, after: number): boolean {
  const bad = NOT_AFTER.get(u);
  return bad !== undefined && bad.includes(s[after] ?? '\u0000');
}
