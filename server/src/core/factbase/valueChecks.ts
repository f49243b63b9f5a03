/**
 * Checks of observation values: the project's number parser must read the figure as
 * the value given (in the measure's unit), with the same qualifier and upper bound; and
 * two observations of one measure and period must agree unless marked as conflicting.
 */
import { parseQuantity, unitInfo, directionBefore, isChangeFigure, signed, normalizeWidth } from '../numbers';
import { isStatementMeasure } from '../statements';
import type { Observation } from '../types';
import { problemAt, type Problem } from './problems';
import type { Entries, Entry } from './validate';

/** True when two numbers are equal up to floating-point error. */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A number for messages, without floating-point noise. */
export function showNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** Checks each observation's value, qualifier and high against its figure. */
export function checkValues(e: Entries): Problem[] {
  const out: Problem[] = [];
  const badUnits = new Set<string>();
  // Figures repeat across sources and years: read each distinct one once (parseQuantity is pure).
  const quantities = new Map<string, ReturnType<typeof parseQuantity>>();
  const parse = (figure: string): ReturnType<typeof parseQuantity> => {
    if (!quantities.has(figure)) quantities.set(figure, parseQuantity(figure));
    return quantities.get(figure);
  };
  for (const o of e.observations) {
    const measure = e.measureById.get(o.value.measure);
    if (!measure) continue; // reported as a dangling reference
    if (isStatementMeasure(measure.value.kind)) continue; // ranks, firsts, editions, years: statementChecks.ts
    const unit = unitInfo(measure.value.unit);
    if (!unit) {
      if (!badUnits.has(measure.value.id)) {
        badUnits.add(measure.value.id);
        out.push(problemAt(measure.file, measure.pos('unit'), `measure "${measure.value.id}": the number parser does not know the unit "${measure.value.unit}"`));
      }
      continue;
    }
    const { figure, value, high, qualifier, quote } = o.value;
    // A figure read only in its words' context (两位数 before 增长) is read in its quote.
    let q = parse(figure) ?? (quote.includes(figure) ? parseQuantity(figure, quote) : undefined);
    // Read as the scanner reads it in its quote when alone it has another dimension (30个 in 30个和16个百分点).
    if (q && q.unit !== '' && q.dimension !== unit.dimension && quote.includes(figure)) {
      const inQuote = parseQuantity(figure, quote);
      if (inQuote?.dimension === unit.dimension) q = inQuote;
    }
    // A change figure the quote states as a decline (年均下降9.9%) is negative.
    const at = q && isChangeFigure(q) ? quote.indexOf(figure) : -1;
    const direction = at >= 0 ? directionBefore(normalizeWidth(quote), at) : undefined;
    if (q && direction) q = signed(q, direction);
    if (!q) {
      out.push(problemAt(o.file, o.pos('figure'), `the number parser reads no quantity in figure "${figure}"`));
      continue;
    }
    const read = q.value / unit.factor;
    if (!sameNumber(q.value, value * unit.factor)) {
      out.push(
        problemAt(
          o.file,
          o.pos('value'),
          `value ${showNumber(value)} does not match figure "${figure}", which reads as ${showNumber(read)} ${measure.value.unit}` +
            (direction?.sign === -1 ? ` (the quote states a decline: ${direction.word}; a decline is negative)` : ''),
        ),
      );
    }
    if (q.high !== undefined || high !== undefined) {
      const readHigh = q.high === undefined ? undefined : q.high / unit.factor;
      if (high === undefined || readHigh === undefined || !sameNumber(q.high ?? NaN, high * unit.factor)) {
        const given = high === undefined ? 'no high' : `high ${showNumber(high)}`;
        const want = readHigh === undefined ? 'is not a range' : `reads as a range up to ${showNumber(readHigh)} ${measure.value.unit}`;
        out.push(problemAt(o.file, o.pos(high === undefined ? 'value' : 'high'), `${given} given, but figure "${figure}" ${want}`));
      }
    }
    if (q.qualifier !== qualifier) {
      const at = o.pos('qualifier');
      out.push(problemAt(o.file, at, `qualifier is "${qualifier}" but figure "${figure}" reads as "${q.qualifier}"${q.qualifierText ? ` (${q.qualifierText})` : ''}`));
    }
    if (q.unit !== '' && q.dimension !== unit.dimension && !(q.dimension === 'fraction' && unit.dimension === 'percent')) {
      out.push(
        problemAt(o.file, o.pos('figure'), `figure "${figure}" is in ${q.unitText || q.unit} (${q.dimension}) but measure "${measure.value.id}" is in ${measure.value.unit} (${unit.dimension})`, 'warning'),
      );
    }
  }
  return out;
}

/** Same value and range; for statements (ranks …) the same qualifier too: 最强 and 最强…之一 differ. */
function sameValue(a: Observation, b: Observation, statement: boolean): boolean {
  return (
    sameNumber(a.value, b.value) &&
    (a.high === undefined) === (b.high === undefined) &&
    sameNumber(a.high ?? 0, b.high ?? 0) &&
    (!statement || a.qualifier === b.qualifier)
  );
}

/** Two observations of one measure and period with different values must name each other in conflictsWith. */
export function checkConflicts(e: Entries): Problem[] {
  const out: Problem[] = [];
  // By measure, then period: no key string per observation.
  const byMeasure = new Map<string, Map<string, Entry<Observation>[]>>();
  for (const o of e.observations) {
    let periods = byMeasure.get(o.value.measure);
    if (!periods) byMeasure.set(o.value.measure, (periods = new Map()));
    const group = periods.get(o.value.period);
    if (group) group.push(o);
    else periods.set(o.value.period, [o]);
  }
  for (const group of [...byMeasure.values()].flatMap((periods) => [...periods.values()])) {
    for (let i = 1; i < group.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = group[j].value;
        const b = group[i].value;
        if (sameValue(a, b, isStatementMeasure(e.measureById.get(a.measure)?.value.kind ?? ''))) continue;
        if (a.conflictsWith?.includes(b.id) || b.conflictsWith?.includes(a.id)) continue;
        // A forecast, target or commitment and an actual figure for the same period may differ: the actual one wins.
        if (a.kind !== b.kind) continue;
        const p = problemAt(
          group[i].file,
          group[i].pos('value'),
          `observations "${a.id}" and "${b.id}" give measure "${a.measure}" for period ${a.period} different values ` +
            `(${showNumber(a.value)} and ${showNumber(b.value)}); if both are what the sources say, list one in the other's conflictsWith`,
        );
        const other = group[j].pos('value');
        p.related = [{ file: group[j].file, line: other.line, column: other.column, message: `value of "${a.id}"` }];
        out.push(p);
      }
    }
  }
  return out;
}
