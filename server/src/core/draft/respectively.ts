/**
 * 分别 ("respectively"): in "2023年和2024年分别达A和B" the first period belongs to A and the
 * second to B; in "有水河道和滨水慢行道路分别达223.5公里、80.9公里" the first noun group to the
 * first figure. Pairs what stands before 分别 in a clause with the figures after it.
 */
import type { PeriodMention, Quantity } from '../types';
import type { DraftOutline } from './outline';
import { clauseAround } from './outline';
import { resolveMention, type ClaimContext } from './claimContext';
import { firstStartingAt, within } from '../util';

/** For a figure after 分别: the noun-group spans before 分别 and which one is this figure's. */
export interface RespectiveSlot {
  groups: { start: number; end: number }[];
  index: number;
}

interface Respectively {
  at: number;
  clause: { start: number; end: number };
  figures: Quantity[];
}

function occurrences(text: string, quantities: Quantity[], ol: DraftOutline): Respectively[] {
  const out: Respectively[] = [];
  for (let at = text.indexOf('分别', ol.bodyStart); at >= 0; at = text.indexOf('分别', at + 2)) {
    const clause = clauseAround(text, at, at + 2, ol.bodyStart, text.length);
    const figures = within(quantities, at, clause.end);
    if (figures.length >= 2) out.push({ at, clause, figures });
  }
  return out;
}

/** Period overrides for figures that follow 分别 with as many periods before it. */
export function pairRespectively(
  text: string,
  quantities: Quantity[],
  periods: PeriodMention[],
  year: number,
  ol: DraftOutline,
): Map<Quantity, Pick<ClaimContext, 'period' | 'periodText'>> {
  const out = new Map<Quantity, Pick<ClaimContext, 'period' | 'periodText'>>();
  for (const r of occurrences(text, quantities, ol)) {
    // The sentence holding 分别: the last one starting at or before it, if it reaches past it.
    const k = firstStartingAt(ol.sentences, r.at + 1) - 1;
    const sentence = k >= 0 && r.at < ol.sentences[k].end ? ol.sentences[k] : undefined;
    const from = sentence?.start ?? r.clause.start;
    const ps = within(periods, from, r.at);
    if (ps.length < 2 || ps.length !== r.figures.length) continue;
    r.figures.forEach((q, i) => out.set(q, { period: resolveMention(ps[i], year), periodText: ps[i].text }));
  }
  return out;
}

/** Noun groups before 分别 (split at 和 、 与 及) paired with the figures after it. */
export function respectiveSlots(text: string, quantities: Quantity[], ol: DraftOutline): Map<Quantity, RespectiveSlot> {
  const out = new Map<Quantity, RespectiveSlot>();
  for (const r of occurrences(text, quantities, ol)) {
    const groups: { start: number; end: number }[] = [];
    let s = r.clause.start;
    for (let i = r.clause.start; i <= r.at; i++) {
      if (i === r.at || /[和、与及]/.test(text[i])) {
        if (i > s) groups.push({ start: s, end: i });
        s = i + 1;
      }
    }
    if (groups.length !== r.figures.length) continue;
    r.figures.forEach((q, index) => out.set(q, { groups, index }));
  }
  return out;
}
