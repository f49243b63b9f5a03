/**
 * Role claims: a known person's name preceded by titles (怀柔区委副书记、区长梁爽;
 * 区长于庆丰), checked against the roles the fact base records up to the draft's date.
 */
import type { FindingCode, Role } from '../types';
import type { FactIndex } from '../factIndex';
import { findSubjects } from '../draft';
import { subjectsCompatible } from '../factIndex';
import { firstStartingAt } from '../util';
import { codeUnitSet } from '../numbers';

/** A role claim found in a draft. */
export interface RoleClaim {
  start: number; // the person's name
  end: number;
  person: string;
  /** Titles as written before the name, nearest last, each with its offset; `past` for 前任/原/时任 (held once, maybe not now). */
  titles: { text: string; core: string; subject?: string; start: number; past?: boolean }[];
  /** The titles follow the name (李俊杰区长, 梁爽（怀柔区区长）): a fix rewrites them there. */
  after?: boolean;
}

/** The outcome of judging a role claim. */
export interface RoleVerdict {
  code?: FindingCode;
  verified: boolean;
  /** The title found wrong or outdated. */
  title?: string;
  /** Roles to cite (the person's, and for outdated-role the successor's). */
  roles: Role[];
  /** For outdated-role: the current holder's role. */
  successor?: Role;
}

/** Words saying a title was held in the past (前任区长于庆丰). */
const PAST = /^(前任|原任|时任|曾任|原)(?=[\u4e00-\u9fa5])/;

const TITLE_END = /(书记|副书记|区长|市长|常委|委员|部长|主任|处长|局长|主席|代表|院长|校长|秘书长|组长|主持人|兼\)|兼）)$/;
const BODY_WORDS = /^(.*?)(区委|市委|党工委|管委会|人大常委会|人大|政协|组织部|宣传部)/;

/** The comparable core of a title: organisation names stripped (怀柔区委副书记 → 区委副书记; 怀柔区副区长 → 副区长). */
export function titleCore(idx: FactIndex, title: string): { core: string; subject?: string; past?: boolean } {
  let t = title.replace(/[（(]兼[)）]/g, '').replace(/\s+/g, '');
  const before = PAST.exec(t);
  if (before) t = t.slice(before[0].length);
  // The most specific of the places the title opens with (北京市怀柔区委副书记 → 怀柔区).
  let subj = findSubjects(idx, t)[0];
  if (subj && subj.start === 0) for (const next of findSubjects(idx, t, subj.end)) if (next.start === subj.end) subj = { ...next, start: 0 };
  const subject = subj && subj.start === 0 ? subj.subject : undefined;
  const body = BODY_WORDS.exec(t);
  if (body) t = t.slice(body[1].length);
  else {
    if (subj && subj.start === 0) t = t.slice(subj.end);
    t = t.replace(/^(区人民政府|市人民政府|人民政府|区政府|市政府|政府|北京市|北京)+/, '');
    // 区副区长 (the district named by 区 alone) is 副区长.
    t = t.replace(/^[区市](?=(常务)?副?[区市]长)/, '');
  }
  // 前任区长, 原区委书记, 时任区长: a title held in the past.
  const past = PAST.exec(t);
  if (past) return { core: t.slice(past[0].length), subject, past: true };
  return before ? { core: t, subject, past: true } : { core: t, subject };
}

/** Finds role claims: each occurrence of a known person preceded by at least one title. */
export function findRoleClaims(idx: FactIndex, text: string, from: number): RoleClaim[] {
  const out: RoleClaim[] = [];
  // The claims so far, by start: they never overlap, so only the last one starting before
  // a span's end can overlap it (a binary search, not a test against every claim).
  const byStart: RoleClaim[] = [];
  const overlaps = (start: number, end: number): boolean => {
    const n = firstStartingAt(byStart, end); // how many claims so far start before `end`
    return n > 0 && byStart[n - 1].end > start;
  };
  for (const person of idx.people) {
    let i = text.indexOf(person, from);
    while (i >= 0) {
      const before = titlesBefore(idx, text, i, from);
      const after = before.length ? [] : titlesAfter(idx, text, i + person.length);
      const titles = before.length ? before : after;
      if (titles.length && !overlaps(i, i + person.length)) {
        const c: RoleClaim = after.length ? { start: i, end: i + person.length, person, titles, after: true } : { start: i, end: i + person.length, person, titles };
        out.push(c);
        byStart.splice(firstStartingAt(byStart, c.start), 0, c);
      }
      i = text.indexOf(person, i + person.length);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What a run of titles starts after (titlesBefore), by UTF-16 code unit. */
const TITLES_START_AFTER = codeUnitSet([...'。；;：:！？!?\n“”"《》']);

/** Words that end narrative before a title (在, 陪同, 带领下的…): the offset after the last one in a title part, or 0. */
function lastConnector(p: string): number {
  let at = 0;
  const re = /在|陪同|带领|率领|会见|会同|以及|和|与|及|[\dA-Za-z]/g;
  for (let m = re.exec(p); m; m = re.exec(p)) {
    // A connector at the very end is not followed by a title.
    if (m.index + m[0].length < p.length) at = m.index + m[0].length;
  }
  return at;
}

function titlesBefore(idx: FactIndex, text: string, at: number, from: number): RoleClaim['titles'] {
  let s = at;
  while (s > from && s > at - 60 && TITLES_START_AFTER[text.charCodeAt(s - 1)] === 0) s--;
  const parts = text.slice(s, at).split(/[、,，]/);
  const offsets: number[] = [];
  parts.reduce((o, p) => (offsets.push(o), o + p.length + 1), s);
  const titles: RoleClaim['titles'] = [];
  for (let k = parts.length - 1; k >= 0; k--) {
    const raw = parts[k];
    let p = raw.trim();
    let start = offsets[k] + (raw.length - raw.trimStart().length);
    if (!TITLE_END.test(p.replace(/[（(]兼[)）]$/, '')) && !TITLE_END.test(p)) break;
    // Narrative before a title belongs to the sentence, not the title (许泽玮在|怀柔区区长; 出席的有|区长):
    // keep what follows the last connecting word, then the longest suffix starting at a place or body word.
    const cut = lastConnector(p);
    const narrative = cut > 0;
    if (narrative) {
      p = p.slice(cut);
      start += cut;
    }
    const m = /(北京市|北京|怀柔|海淀|区委|区政府|市委|区|市|党工委|管委会|副|常委)/.exec(p);
    if (m && m.index > 0 && (k === 0 || narrative)) {
      // …keeping a word that puts the title in the past (原怀柔区区长, 时任区委书记).
      const pastBefore = /(前任|原任|时任|曾任|原)$/.exec(p.slice(0, m.index));
      const at = pastBefore ? m.index - pastBefore[0].length : m.index;
      p = p.slice(at);
      start += at;
    }
    if (!p) break;
    const { core, subject, past } = titleCore(idx, p);
    titles.unshift(past ? { text: p, core, subject, start, past } : { text: p, core, subject, start });
    // A run of titles does not reach past narrative.
    if (narrative) break;
  }
  // A title without a place of its own belongs where the title before it in the run does (怀柔科学城党工委副书记、管委会主任).
  for (let i = 1; i < titles.length; i++) if (!titles[i].subject && titles[i - 1].subject) titles[i].subject = titles[i - 1].subject;
  // 时任怀柔区委副书记、区长: the whole run is in the past.
  if (titles[0]?.past) for (const t of titles) t.past = true;
  return titles;
}

/** A title right after a name (李俊杰区长, 孙乐副区长): one title word, maybe after its body. */
const TITLE_AFTER = /^(?:区委|区政府|区人大|区政协)?(?:常务)?副?(?:书记|区长|市长|县长|主任|部长|局长|主席)(?![\u4e00-\u9fa5]{0,1}(?:部|局|办|处|会|院))/;

/**
 * Titles written after the name: in brackets (梁爽（怀柔区区长）, 丁明达（怀柔区委常委、副区长）),
 * or one title word right after it (李俊杰区长).
 */
function titlesAfter(idx: FactIndex, text: string, end: number): RoleClaim['titles'] {
  const open = text[end];
  if (open === '（' || open === '(') {
    const close = text.slice(end + 1, end + 41).search(/[）)]/);
    if (close <= 0) return [];
    const inner = text.slice(end + 1, end + 1 + close);
    const titles = titlesBefore(idx, inner, inner.length, 0);
    if (!titles.length) return [];
    // A place the first title opens with is part of it (兰雄景（科学城党工委副书记）).
    const place = findSubjects(idx, inner)[0];
    if (titles[0].start > 0 && place && place.start === 0 && place.end === titles[0].start) {
      const text = inner.slice(0, titles[0].start + titles[0].text.length);
      const { core, subject, past } = titleCore(idx, text);
      titles[0] = past ? { text, core, subject, start: 0, past } : { text, core, subject, start: 0 };
      for (let i = 1; i < titles.length; i++) if (!titles[i].subject && titles[i - 1].subject) titles[i].subject = titles[i - 1].subject;
    }
    // Every part of the brackets must be a title (梁爽（左二）, 某某（音）are not).
    if (titles[0].start !== 0) return [];
    return titles.map((t) => ({ ...t, start: t.start + end + 1 }));
  }
  const m = TITLE_AFTER.exec(text.slice(end, end + 12));
  if (!m) return [];
  const { core, subject, past } = titleCore(idx, m[0]);
  return [past ? { text: m[0], core, subject, start: end, past } : { text: m[0], core, subject, start: end }];
}

/** Judges a role claim against the person's recorded roles. */
export function judgeRole(idx: FactIndex, claim: RoleClaim, asOf: string): RoleVerdict {
  // Only what the sources had said by the draft's date (the date the role was stated) counts, for or against it.
  const knownNow = (idx.roles.get(claim.person) ?? []).filter((r) => r.asOf <= asOf);
  if (!knownNow.length) return { verified: false, roles: [] };
  const cores = (r: Role) => r.titles.map((t) => titleCore(idx, t).core);
  let unknown = false;
  for (const t of claim.titles) {
    const held = knownNow.filter((r) => cores(r).includes(t.core) && (!t.subject || subjectsCompatible(idx, t.subject, r.organisation)));
    if (held.length) continue;
    // A title in a body the sources never name the person in (怀柔科学城党工委副书记 of someone recorded only as
    // 区委副书记、区长, a district's officials often hold posts in its areas' bodies too) is not contradicted: the
    // sources do not speak of the person there.
    if (t.subject && !knownNow.some((r) => r.organisation === t.subject)) {
      unknown = true;
      continue;
    }
    return { code: 'wrong-role', verified: false, title: t.text, roles: knownNow };
  }
  if (unknown) return { verified: false, roles: knownNow };
  // Outdated: someone else holds one of these titles in the same organisation more recently (not news for a 前任区长).
  for (const t of claim.titles) {
    if (t.past) continue;
    const mine = knownNow.filter((r) => cores(r).includes(t.core));
    if (!mine.length) continue;
    const last = mine[mine.length - 1];
    for (const [other, rs] of idx.roles) {
      if (other === claim.person) continue;
      const newer = rs.find(
        (r) => r.asOf > last.asOf && r.asOf <= asOf && r.organisation === last.organisation && cores(r).includes(t.core) && isSoleTitle(t.core),
      );
      if (newer) return { code: 'outdated-role', verified: false, title: t.text, roles: mine, successor: newer };
    }
  }
  return { verified: true, roles: knownNow };
}

/** Titles held by one person at a time (区长, 书记), as opposed to 副区长 or 常委. */
function isSoleTitle(core: string): boolean {
  return !/^副|常委|委员|代表/.test(core) && !/^区委副书记$/.test(core);
}
