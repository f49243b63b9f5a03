/**
 * Periods: parsing the fact base's period syntax (2023, 2025H1, 2022Q1-3, 2024M07,
 * 2025M01-11, 2021/2025, @2024-08-26) and deciding whether a claim's period is the period
 * of an observation.
 */

/** A period in a form the matcher can compare. */
export type ResolvedPeriod =
  | { kind: 'year'; from: number; to: number }
  | { kind: 'part'; year: number; part: string }
  | { kind: 'month'; year: number; from: number; to: number }
  | { kind: 'span'; from: number; to: number }
  | { kind: 'recent'; years: number; streak?: boolean }
  | { kind: 'asof'; date?: string };

/**
 * A holiday a draft may state a figure for (国庆假期, 春节期间): a part of its year no
 * observation period equals, so a holiday's figure is never judged by a year's, a
 * month's or a stock's (drafts only; the fact files' period syntax has no holidays).
 */
const HOLIDAY_NAMES: Record<string, [string, string]> = {
  Vnewyear: ['元旦假期', 'New Year holiday'],
  Vspring: ['春节假期', 'Spring Festival holiday'],
  Vqingming: ['清明假期', 'Qingming holiday'],
  Vlabour: ['五一假期', 'May Day holiday'],
  Vdragonboat: ['端午假期', 'Dragon Boat holiday'],
  Vsummer: ['暑期', 'summer holidays'],
  Vmidautumn: ['中秋假期', 'Mid-Autumn holiday'],
  Vnational: ['国庆假期', 'National Day holiday'],
  Vwinter: ['寒假', 'winter holidays'],
};

/** Parses the period syntax of observations (and a draft's holidays, see HOLIDAY_NAMES); undefined for anything else. */
export function parsePeriod(p: string): ResolvedPeriod | undefined {
  let m = /^(\d{4})$/.exec(p);
  if (m) return { kind: 'year', from: +m[1], to: +m[1] };
  m = /^(\d{4})(H[12]|Q[1-4](?:-[1-4])?|V[a-z]+)$/.exec(p);
  if (m) return { kind: 'part', year: +m[1], part: m[2] };
  m = /^(\d{4})M(\d{2})(?:-(\d{2}))?$/.exec(p);
  if (m) return { kind: 'month', year: +m[1], from: +m[2], to: +(m[3] ?? m[2]) };
  m = /^(\d{4})\/(\d{4})$/.exec(p);
  if (m) return { kind: 'span', from: +m[1], to: +m[2] };
  m = /^@(\d{4}-\d{2}-\d{2})$/.exec(p);
  if (m) return { kind: 'asof', date: m[1] };
  return undefined;
}

/** How a claim's period relates to an observation's. */
export type PeriodRelation = 'same' | 'other' | 'unstated';

/** Compares the period a claim states (if any) with an observation's period. */
export function relatePeriods(claim: ResolvedPeriod | undefined, obs: ResolvedPeriod | undefined): PeriodRelation {
  if (!claim || !obs) return 'unstated';
  switch (claim.kind) {
    case 'asof':
      return obs.kind === 'asof' ? 'same' : 'unstated';
    case 'year':
      if (obs.kind === 'year') return obs.from === claim.from ? 'same' : 'other';
      if (obs.kind === 'asof' && obs.date) return +obs.date.slice(0, 4) === claim.from ? 'same' : 'other';
      if (obs.kind === 'span') return obs.to === claim.from && obs.from === claim.from ? 'same' : 'other';
      return 'other';
    case 'part':
      if (obs.kind === 'part') return obs.year === claim.year && obs.part === claim.part ? 'same' : 'other';
      return 'other';
    case 'month':
      if (obs.kind === 'month') return obs.year === claim.year && obs.from === claim.from && obs.to === claim.to ? 'same' : 'other';
      // A stock as of a day of that month (截至2024年8月, a figure as of 2024-08-26).
      if (obs.kind === 'asof' && obs.date && claim.from === claim.to) return +obs.date.slice(0, 4) === claim.year && +obs.date.slice(5, 7) === claim.from ? 'same' : 'other';
      return 'other';
    case 'span':
      if (obs.kind === 'span') return obs.from === claim.from && Math.abs(obs.to - claim.to) <= 1 ? 'same' : 'other';
      return 'other'; // a cumulative figure since an unstated start (@date) is not this span's
    case 'recent':
      if (obs.kind === 'span') return obs.to - obs.from + 1 === claim.years ? 'same' : 'other';
      // 连续4年位居全市第一: a streak up to now holds of a standing as of a date.
      if (claim.streak && obs.kind === 'asof') return 'same';
      return 'other';
  }
}

/** Describes a period for messages ('2023年', '2025年上半年', '2021—2025年'). */
export function describePeriod(p: string, locale: 'zh' | 'en'): string {
  const r = parsePeriod(p);
  if (!r) return p;
  const zh = locale === 'zh';
  switch (r.kind) {
    case 'year':
      return zh ? `${r.from}年` : `${r.from}`;
    case 'part': {
      const names: Record<string, [string, string]> = {
        H1: ['上半年', 'H1'],
        H2: ['下半年', 'H2'],
        'Q1-3': ['前三季度', 'Q1–Q3'],
        Q1: ['一季度', 'Q1'],
        Q2: ['二季度', 'Q2'],
        Q3: ['三季度', 'Q3'],
        Q4: ['四季度', 'Q4'],
        ...HOLIDAY_NAMES,
      };
      const [z, e] = names[r.part] ?? [r.part, r.part];
      return zh ? `${r.year}年${z}` : `${r.year} ${e}`;
    }
    case 'month': {
      const en = (n: number) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][n - 1];
      if (r.from === r.to) return zh ? `${r.year}年${r.from}月` : `${en(r.from)} ${r.year}`;
      return zh ? `${r.year}年${r.from}—${r.to}月` : `${en(r.from)}–${en(r.to)} ${r.year}`;
    }
    case 'span':
      return zh ? `${r.from}—${r.to}年` : `${r.from}–${r.to}`;
    case 'recent':
      return zh ? `近${r.years}年` : `last ${r.years} years`;
    case 'asof':
      return zh ? `截至${r.date ?? ''}` : `as of ${r.date ?? ''}`;
  }
}
