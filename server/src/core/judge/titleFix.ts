/**
 * What a role finding's fix writes. A wrong title: the titles the sources record for the
 * person at the draft's date in the organisation the draft's title names (海淀区区长于军 →
 * 海淀区委书记, not 北京市人大代表), the first written with the draft's own name of that
 * organisation when the source wrote it without one (海淀区委书记李俊杰 → 海淀区委副书记、区长
 * for the recorded 区委副书记、区长). An outdated holder: the successor, when the successor
 * holds every title the draft gives.
 */
import type { Role } from '../types';
import type { FactIndex } from '../factIndex';
import { subjectsCompatible } from '../factIndex';
import { titleCore, type RoleClaim } from './roles';

/** A recorded title with what it is about. */
interface Title {
  text: string;
  core: string;
  /** The organisation the title names itself (怀柔区委常委 → huairou), if it names one. */
  named?: string;
  /** The organisation it belongs to: the one it names, else its role's. */
  subject: string;
}

/** The organisation prefix of the draft's title as written (海淀区委书记 → 海淀; 怀柔区副区长 → 怀柔区). */
function prefixOf(title: RoleClaim['titles'][number]): string {
  return title.text.endsWith(title.core) ? title.text.slice(0, title.text.length - title.core.length) : '';
}

/** The draft's organisation prefix before a recorded title without one (海淀 + 区委副书记; 海淀区 + 区委… drops one 区). */
function prefixed(prefix: string, title: string): string {
  return prefix.endsWith('区') && /^区(委|政府)/.test(title) ? prefix.slice(0, -1) + title : prefix + title;
}

/** The title run a wrong-role fix writes before the name, or undefined when the sources record none. */
export function titleFix(idx: FactIndex, rc: RoleClaim, roles: readonly Role[], asOf: string): string | undefined {
  const known = roles.filter((r) => r.asOf <= asOf);
  const pool = known.length ? known : roles;
  const last = pool[pool.length - 1]?.asOf;
  const titles: Title[] = [];
  for (const r of pool) {
    if (r.asOf !== last) continue;
    for (const text of r.titles) {
      if (titles.some((t) => t.text === text)) continue;
      const { core, subject } = titleCore(idx, text);
      titles.push({ text, core, named: subject, subject: subject ?? r.organisation });
    }
  }
  // The organisation the draft's title names; titles of another body (北京市人大代表 for 海淀区…) do not replace it.
  const first = rc.titles[0];
  const named = rc.titles.find((t) => t.subject)?.subject;
  const same = named ? titles.filter((t) => t.subject === named) : titles;
  const chosen = same.length ? same : titles;
  if (!chosen.length) return undefined;
  const prefix = first.subject && first.subject === chosen[0].subject ? prefixOf(first) : '';
  // The first title in the draft's own name of the organisation: the recorded one's without a place (区委副书记), or
  // with another name of the same place (北京市怀柔区委副书记 → 怀柔区委副书记 for a draft writing 怀柔区委书记).
  const place = (t: Title): string => (t.named ? prefixed(idx.subjects.get(t.named)?.name ?? prefix, t.core) : prefixed(prefix, t.text));
  return chosen.map((t, i) => (i === 0 && prefix && (!t.named || t.named === first.subject) ? place(t) : t.text)).join('、');
}

/** True when the successor holds, at the date of the role found, every title the draft gives the person. */
export function holdsAll(idx: FactIndex, successor: Role, rc: RoleClaim): boolean {
  const held = (idx.roles.get(successor.person) ?? []).filter((r) => r.asOf === successor.asOf);
  return rc.titles.every((t) =>
    held.some((r) => r.titles.some((x) => titleCore(idx, x).core === t.core) && (!t.subject || subjectsCompatible(idx, t.subject, r.organisation))),
  );
}
