/**
 * 分别 ("respectively"): in 2023年和2024年分别达A和B, the first period belongs to A and
 * the second to B. Pairs period mentions before 分别 with the quantities after it.
 */
import type { PeriodMention, Quantity } from './types';
import type { DraftOutline } from './draft';
import { resolveMention, type ClaimContext } from './context';

/** Period overrides for quantities that follow 分别 with as many periods before it. */
export function pairRespectively(
  text: string,
  quantities: Quantity[],
  periods: PeriodMention[],
  year: number,
  ol: DraftOutline,
): Map<Quantity, Pick<ClaimContext, 'period' | 'periodText'>> {
  const out = new Map<Quantity, Pick<ClaimContext, 'period' | 'periodText'>>();
  for (const s of ol.sentences) {
    const at = text.indexOf('分别', s.start);
    if (at < 0 || at >= s.end) continue;
    const ps = periods.filter((p) => p.start >= s.start && p.end <= at);
    const qs = quantities.filter((q) => q.start >= at && q.end <= s.end);
    if (ps.length < 2 || ps.length !== qs.length) continue;
    qs.forEach((q, i) => out.set(q, { period: resolveMention(ps[i], year), periodText: ps[i].text }));
  }
  return out;
}
