/**
 * Subjects as a source's reader names them: a subject for a source about a district or
 * county the base does not know yet (the first 〇〇区 / 〇〇县 its title names that no
 * subject of the base covers, part of the subject the title names before it: 北京市朝阳区
 * → part of beijing), and the short name a subject's names share (中关村 for
 * 中关村国家自主创新示范区 and 中关村示范区), which sources write alone.
 */
import type { FactIndex } from '../factIndex';
import type { Source, Subject } from '../types';
import { findSubjects } from '../draft';
import { slug } from './ids';
import type { ProposedSubject } from './suggestionTypes';

/** Compounds ending in 区 or 县 that are not districts (示范区, 园区, 社区…). */
const NOT_A_DISTRICT = /(示范|园|社|景|城|校|片|新|开发|功能|生态|街|专|辖|地|山|保护|试验|自贸|核心|中心|城六|市)$/;

/** The subject a source's title names that the base lacks, or undefined. */
export function proposeSubject(idx: FactIndex, source: Source): ProposedSubject | undefined {
  const title = source.title;
  const known = findSubjects(idx, title);
  for (const m of title.matchAll(/([\u4e00-\u9fff]{2,3}?)(区|县)/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (known.some((k) => k.start < end && start < k.end)) continue;
    let stem = m[1];
    if (stem.startsWith('北京')) stem = stem.slice(2);
    if (stem.length < 2 || NOT_A_DISTRICT.test(stem)) continue;
    const name = `${stem}${m[2]}`;
    const partOf = known.filter((k) => k.end <= start).pop()?.subject;
    const id = slug(stem).replace(/-/g, '');
    if (!id || idx.subjects.has(id)) continue;
    return { id, name, aliases: [stem], ...(partOf ? { partOf } : {}) };
  }
  return undefined;
}

/**
 * The short name of a subject: what its name and every alias begin with (中关村 of
 * 中关村国家自主创新示范区 and 中关村示范区), at least two characters, when no subject is named
 * so already (怀柔 of 怀柔区 is an alias). `taken`: every name and alias of the base.
 */
export function shortName(subject: Subject, taken: ReadonlySet<string>): string | undefined {
  const aliases = subject.aliases ?? [];
  if (!aliases.length) return undefined;
  let prefix = subject.name;
  for (const a of aliases) {
    let k = 0;
    while (k < prefix.length && k < a.length && prefix[k] === a[k]) k++;
    prefix = prefix.slice(0, k);
  }
  return prefix.length >= 2 && !taken.has(prefix) ? prefix : undefined;
}
