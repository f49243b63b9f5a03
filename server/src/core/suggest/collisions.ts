/**
 * Figures of one source read as the same measure, period and kind with different values.
 * They are two different things (备案大模型全市占比近70% and 人才资源总量全市占比约四分之一 are not
 * both the GDP's share; 对外开放机时近90万小时 and 交叉研究平台累计开放机时超过60万小时 are not
 * one figure), unless they are one statement written two ways (最强 and 最强…之一: the
 * source says both, and they name each other in conflictsWith, as facts check asks of
 * such observations). The figure whose measure the checker's ranking scores highest keeps
 * it; each other one is read again without it (the next measure that fits, else a
 * proposal of its own), until no two disagree. Written entries then validate.
 */
import type { ClaimContext } from '../draft';
import type { Quantity } from '../types';
import type { StatementMention } from '../statements';
import type { MeasureChoice } from './measureChoice';
import type { SuggestionKind } from './suggestionTypes';

/** A figure read, before it becomes a suggestion. */
export interface FigureReading {
  q: Quantity;
  figure: string;
  ctx: ClaimContext;
  /** The subject read for it. */
  read: string;
  choice: MeasureChoice;
  statement?: StatementMention;
  period: string;
  kind: SuggestionKind;
  /** Measures (and proposals) it was taken off. */
  excluded: Set<string>;
  /** Readings of the same statement written another way (same measure, period and value, another qualifier). */
  conflicts: FigureReading[];
}

const near = (a: number | undefined, b: number | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/** The measure (or proposal) id of a reading. */
export function measureIdOf(x: FigureReading): string {
  return x.choice.measure?.id ?? x.choice.proposed!.id;
}

/** Same value and range (value in the figure's own unit: the readings compared share a measure, so a unit). */
function sameNumber(a: FigureReading, b: FigureReading): boolean {
  return near(a.q.value, b.q.value) && near(a.q.high, b.q.high);
}

/** Resolves the collisions of `readings` in place (see the file header); `rechoose` reads a figure again without its excluded measures. */
export function resolveCollisions(readings: FigureReading[], rechoose: (x: FigureReading) => MeasureChoice): void {
  for (let round = 0; round < 8; round++) {
    const groups = new Map<string, FigureReading[]>();
    for (const x of readings) {
      const key = `${measureIdOf(x)}\u0000${x.period}\u0000${x.kind}`;
      const g = groups.get(key);
      if (g) g.push(x);
      else groups.set(key, [x]);
    }
    let changed = false;
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      const winner = g.reduce((best, x) => (x.choice.score > best.choice.score ? x : best));
      for (const x of g) {
        if (x === winner || (sameNumber(x, winner) && (x.statement === undefined || x.q.qualifier === winner.q.qualifier))) continue;
        if (x.statement && winner.statement && sameNumber(x, winner)) {
          // One statement written two ways (最强, 最强…之一): what the source says, both kept and marked.
          if (!x.conflicts.includes(winner)) x.conflicts.push(winner);
          if (!winner.conflicts.includes(x)) winner.conflicts.push(x);
          continue;
        }
        x.excluded.add(measureIdOf(x));
        x.choice = rechoose(x);
        changed = true;
      }
    }
    if (!changed) return;
  }
}
