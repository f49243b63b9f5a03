// Generates a large fact base for the scale benchmark: synthetic districts, each with a
// copy of every bundled measure (same terms, its own subject) and, for a run of years,
// a source article whose body holds a copy of every bundled observation's quote (the
// district's name written in place of the original subject's names, the years shifted).
// Written to a temporary folder by the benchmark; never committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireRoot } from './corpus.mjs';

const FIRST = '翠霞岚澜琼枫棠榆楠桐';
const SECOND = '溪峪川屏坪';

const yamlString = (s) => JSON.stringify(s);

/** Writes a base of about `target` observations into `dir`; returns its counts. */
export function generateBase(dir, target = 100_000) {
  const { loadFactBase, bundledFactsDir } = requireRoot('./out/server/src/node/index.js');
  const { base } = loadFactBase([bundledFactsDir()]);
  const names = [];
  for (const s of base.subjects) for (const n of [s.name, ...s.aliases]) names.push(n);
  names.sort((a, b) => b.length - a.length);
  const districts = FIRST.length * SECOND.length;
  const years = Math.ceil(target / (districts * base.observations.length));
  mkdirSync(join(dir, 'sources'), { recursive: true });
  let observations = 0;
  for (let k = 0; k < districts; k++) {
    const name = `${FIRST[k % FIRST.length]}${SECOND[Math.floor(k / FIRST.length)]}区`;
    const sid = `syn${k}`;
    const rename = (text) => names.reduce((t, n) => t.split(n).join(name), text);
    let y = `subjects:\n  - id: ${sid}\n    name: ${name}\n    partOf: beijing\nmeasures:\n`;
    for (const m of base.measures) {
      y += `  - id: ${sid}.${m.id}\n    subject: ${sid}\n    name: ${yamlString(m.name)}\n    terms: [${m.terms.map(yamlString).join(', ')}]\n    unit: ${yamlString(m.unit)}\n`;
      if (m.kind) y += `    kind: ${m.kind}\n`;
    }
    y += 'observations:\n';
    for (let j = 0; j < years; j++) {
      const shift = -(j + 1);
      const year = 2024 + shift;
      const src = `${sid}-${year}`;
      const body = [];
      for (const o of base.observations) {
        const quote = `${year}年,${rename(o.quote)}`;
        body.push(quote);
        const period = o.period.replace(/(19|20)\d\d/g, (v) => String(Number(v) + shift));
        y += `  - id: ${src}.${o.id}\n    measure: ${sid}.${o.measure}\n    value: ${o.value}\n`;
        if (o.high !== undefined) y += `    high: ${o.high}\n`;
        if (o.qualifier && o.qualifier !== 'exact') y += `    qualifier: ${o.qualifier}\n`;
        y += `    figure: ${yamlString(o.figure)}\n    period: '${period}'\n    source: ${src}\n    quote: ${yamlString(quote)}\n`;
        if (o.estimate) y += '    estimate: true\n';
        observations++;
      }
      writeFileSync(
        join(dir, 'sources', `${src}.md`),
        `---\nid: ${src}\ntitle: ${name}${year}年发展情况\npublisher: ${name}人民政府\npublished: ${year}-12-20\noriginal: ${src}.txt\n---\n${body.join('\n')}\n`,
      );
    }
    writeFileSync(join(dir, `${sid}.yaml`), y);
  }
  return { districts, years, observations, measures: districts * base.measures.length };
}
