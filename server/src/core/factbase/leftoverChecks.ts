/**
 * facts check's look for leftovers of a damaged original in the sources (see
 * sources/leftovers.ts): a warning at each leftover the source does not record as known
 * damage, and at each recorded damage the text no longer has.
 */
import type { Source } from '../types';
import { LineIndex } from '../util';
import { unrecordedLeftovers } from '../sources';
import { problemAt, type Problem } from './problems';

/** The leftover problems of the sources. */
export function checkLeftovers(sources: Iterable<Source>): Problem[] {
  const out: Problem[] = [];
  for (const s of sources) {
    const left = unrecordedLeftovers(s.body, s.damage);
    const missing = (s.damage ?? []).filter((d) => !s.body.includes(d.text));
    if (!left.length && !missing.length) continue;
    const index = new LineIndex(s.body);
    for (const l of left) {
      const p = index.positionAt(l.start);
      out.push(
        problemAt(
          s.file,
          { line: s.bodyLine + p.line, column: p.character },
          `leftover of a damaged original (${l.kind} "${l.text}"): fix the text from the raw article, or record it as damage (damage: in the source's metadata, then import again)`,
          'warning',
        ),
      );
    }
    for (const d of missing) out.push(problemAt(s.file, { line: 0, column: 0 }, `recorded damage "${d.text}" is not in the text: remove it from damage`, 'warning'));
  }
  return out;
}
