/**
 * Suggested fact-base entries read from a source: what `factcheck facts suggest` prints
 * and writes, and what the editor offers on a source document. Pure data.
 */
import type { MeasureKind, Qualifier, StatementKind } from '../types';

/** What the source says of a figure (the observation's `kind`): what happened, what is expected, what is aimed at, what someone will do. */
export type SuggestionKind = StatementKind;

/** A measure the base does not have yet, proposed for a suggestion. */
export interface ProposedMeasure {
  id: string;
  subject: string;
  name: string;
  terms: string[];
  unit: string;
  kind: MeasureKind;
}

/** A subject the base does not have yet (a district or body the source names), proposed for a suggestion. */
export interface ProposedSubject {
  id: string;
  name: string;
  aliases: string[];
  partOf?: string;
}

/** Where an entry already in the base accounts for a suggestion's figure or pair. */
export interface Held {
  /** 'observation' or 'role': the id; 'exclusion': the exclusion's context. */
  by: 'observation' | 'role' | 'exclusion';
  ref: string;
}

/** What every suggestion has. */
interface SuggestionBase {
  source: string;
  /** Offsets of the figure (or the person's name) in the source's body. */
  start: number;
  end: number;
  /** Verbatim text of the source's body holding the figure: its clause, with the clauses its subject or period come from. */
  quote: string;
  /** 0..1: how sure the reading is (subject, period and measure found in the text, not assumed). */
  confidence: number;
  /** Set when an entry of the base already accounts for it (only listed with --all). */
  held?: Held;
}

/** A suggested observation: a figure, rank or year of the source. */
export interface ObservationSuggestion extends SuggestionBase {
  type: 'observation';
  /** What was read: a quantity of the number scanner, or a statement of the statement grammars: a rank (全市第1, 前列), a first (首家, 率先), an edition (第四届) or a year of an event (成立于2014年, 年底). */
  reading: 'figure' | 'rank' | 'first' | 'edition' | 'year';
  subject: string;
  /** Proposed subject when the base has none for it. */
  newSubject?: ProposedSubject;
  /** An existing measure's id, or null when a new measure is proposed. */
  measure: string | null;
  measureName: string;
  newMeasure?: ProposedMeasure;
  unit: string;
  figure: string;
  /** Value in the measure's unit. */
  value: number;
  high?: number;
  qualifier: Qualifier;
  /** For a rank or a first: the group it is within, as the source writes it (全市, 中心城区, “…榜单”). */
  group?: string;
  /** Observation period syntax (2023, 2025H1, 2022Q1-3, 2024M07, 2021/2025, @2024-08-26). */
  period: string;
  periodText?: string;
  kind: SuggestionKind;
  /** Ids of suggestions of the same statement written another way (最强 and 最强…之一), as facts check asks them to be marked. */
  conflictsWith?: string[];
  /** Proposed id of the observation. */
  id: string;
}

/** A suggested role: a person named with titles. */
export interface RoleSuggestion extends SuggestionBase {
  type: 'role';
  person: string;
  /** The titles as the source writes them, joined with 、. */
  title: string;
  titles: string[];
  organisation: string;
  newSubject?: ProposedSubject;
  asOf: string;
  id: string;
}

/** One suggestion. */
export type Suggestion = ObservationSuggestion | RoleSuggestion;
