/**
 * Turning verdicts into the one structure every output is built from: citations with the
 * quoted sentence and its line in the source file, the expected value written the way
 * the draft writes numbers, the edit a fix would make, and the localized message.
 */
import type { Citation, FindingCode, Locale, Quantity, Role, Severity, ClaimStatus } from '../types';
import { DerivedValue, type FactIndex, type IndexedObservation } from '../factIndex';
import { parseQuantity, plainNumber, renderFigure, unitInfo } from '../numbers';
import { describePeriod } from '../draft';
import { codeInfo, FINDING_CODE_TABLE } from '../../shared/findingCodes';

/** Default severity per finding code, from the table of finding codes. */
export const SEVERITY = Object.fromEntries(FINDING_CODE_TABLE.map((c) => [c.code, c.severity])) as Record<FindingCode, Severity>;

/** The claim status a finding code implies (the table's verdict of the code). */
export function statusOf(code: FindingCode | undefined, verified: boolean): ClaimStatus {
  if (verified) return 'verified';
  return code ? codeInfo(code).verdict : 'unverified';
}

/** Lines of quotes already located, by source id and quote (a claim cites the same few quotes again and again). */
const QUOTE_LINES = new DerivedValue(() => new Map<string, Map<string, { file: string; line: number }>>());

function lineOfQuote(idx: FactIndex, sourceId: string, quote: string): { file: string; line: number } {
  const s = idx.sources.get(sourceId);
  if (!s) return { file: '', line: 0 };
  const bySource = QUOTE_LINES.of(idx);
  let memo = bySource.get(sourceId);
  if (!memo) bySource.set(sourceId, (memo = new Map()));
  const known = memo.get(quote);
  if (known) return known;
  const at = s.body.indexOf(quote);
  let line = s.bodyLine;
  for (let i = 0; i < at; i++) if (s.body.charCodeAt(i) === 10) line++;
  const found = { file: s.file, line };
  memo.set(quote, found);
  return found;
}

/** Citations already made, by observation: a claim cites the same few observations again and again. */
const CITATIONS = new DerivedValue(() => new WeakMap<IndexedObservation, Citation>());

/** The citation of an observation (one object per observation and index: callers only read it). */
export function citeObservation(idx: FactIndex, io: IndexedObservation): Citation {
  const memo = CITATIONS.of(idx);
  let c = memo.get(io);
  if (c) return c;
  const s = idx.sources.get(io.obs.source);
  const { file, line } = lineOfQuote(idx, io.obs.source, io.obs.quote);
  c = {
    id: io.obs.source,
    title: s?.title ?? io.obs.source,
    publisher: s?.publisher ?? '',
    published: io.obs.published,
    quote: io.obs.quote,
    figure: io.obs.figure,
    file,
    line,
  };
  memo.set(io, c);
  return c;
}

/** Citation lists already made, by the agreeing observation, then the expected one. */
const CITED = new DerivedValue(() => new Map<IndexedObservation | undefined, Map<IndexedObservation | undefined, Citation[]>>());

/**
 * The citations of a judged claim: the observation that agrees with it, then the one
 * expected instead, each once. One list per pair and index, shared by every claim that
 * cites that pair (callers only read it), so the server's related information, made per
 * list, is made once per pair too.
 */
export function citePair(idx: FactIndex, agreeing: IndexedObservation | undefined, expected: IndexedObservation | undefined): Citation[] {
  const byAgreeing = CITED.of(idx);
  let byExpected = byAgreeing.get(agreeing);
  if (!byExpected) byAgreeing.set(agreeing, (byExpected = new Map()));
  let list = byExpected.get(expected);
  if (!list) {
    list = [];
    if (agreeing) list.push(citeObservation(idx, agreeing));
    if (expected && expected !== agreeing) list.push(citeObservation(idx, expected));
    byExpected.set(expected, list);
  }
  return list;
}

/** The citation of a role. */
export function citeRole(idx: FactIndex, r: Role): Citation {
  const s = idx.sources.get(r.source);
  const { file, line } = lineOfQuote(idx, r.source, r.quote);
  return { id: r.source, title: s?.title ?? r.source, publisher: s?.publisher ?? '', published: s?.published ?? r.asOf, quote: r.quote, figure: r.person, file, line };
}

/** Source figures already read, by observation (null: none can be read; weakly held: a signed change reads a copy). */
const SOURCE_FIGURES = new DerivedValue(() => new WeakMap<IndexedObservation, Quantity | null>());

/**
 * An observation's figure as its source writes it, read in its quote (30个 in 分别提高了30个和16个
 * 百分点 is in 个百分点), with the observation's value; when the figure as read does not
 * give that value in the measure's unit, the value written in the measure's unit instead.
 */
export function sourceFigure(idx: FactIndex, io: IndexedObservation): Quantity | undefined {
  const figureMemo = SOURCE_FIGURES.of(idx);
  const known = figureMemo.get(io);
  if (known !== undefined) return known ?? undefined;
  const canonical = unitInfo(io.measure.unit)?.canonical;
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  const fits = (f: Quantity | undefined): f is Quantity =>
    f !== undefined && close(f.value, io.value) && (f.unit === canonical || f.unit === '' || (f.dimension === 'fraction' && canonical === '%'));
  let f: Quantity | undefined = parseQuantity(io.obs.figure, io.obs.quote);
  if (!fits(f)) f = io.figure;
  if (!fits(f)) {
    const g = parseQuantity(plainNumber(io.obs.value) + io.measure.unit);
    const factor = unitInfo(io.measure.unit)?.factor ?? 1;
    f = g && close(g.value, io.value)
      ? { ...g, qualifier: io.obs.qualifier, qualifierText: undefined, high: io.obs.high !== undefined ? io.obs.high * factor : undefined }
      : undefined;
  }
  figureMemo.set(io, f ?? null);
  return f;
}

/**
 * The text a fix writes for an observation in place of the draft's figure `q`: the
 * source's figure (value, scale, unit, qualifier) in the draft's number style; undefined
 * when the figure cannot be read.
 */
export function expectedLike(idx: FactIndex, q: Quantity, io: IndexedObservation): string | undefined {
  const src = sourceFigure(idx, io);
  return src ? renderFigure(src, q) : undefined;
}

/** Values of a measure by period, oldest first, for hover. */
export function historyOf(list: IndexedObservation[], locale: Locale): { period: string; value: string; published: string; source: string }[] {
  return list.map((io) => ({ period: describePeriod(io.obs.period, locale), value: io.obs.figure, published: io.obs.published, source: io.obs.source }));
}

/** Subject display name. */
export function subjectName(idx: FactIndex, id: string | undefined): string {
  return (id && idx.subjects.get(id)?.name) || id || '';
}
