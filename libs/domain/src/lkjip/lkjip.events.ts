import { eventTypes } from '@app/decider';
import { Aggregation, Polarity } from '../plan/plan.events';

/**
 * A unit's annual performance report (LKjIP, Laporan Kinerja Instansi Pemerintah, PermenPANRB
 * 53/2014), one per OPD per year: the plan's figures frozen at compile time, the chapters the
 * regulation asks for, and the inspectorate's review (reviu) before publication.
 *
 * Glossary:
 * - compile / recompile: copy the effective plan's figures into the report's events; only an
 *   explicit recompile changes them afterwards.
 * - section (bab): a chapter of narrative text written by the unit.
 * - Pernyataan Telah Direviu: the inspectorate's statement that the report was reviewed; here the
 *   `ACCEPTED` outcome of a review.
 */

/** The customary chapters, in the order the regulation prints them. */
export const SECTION_KEYS = ['summary', 'introduction', 'planning', 'accountability', 'closing'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = {
  summary: 'Ikhtisar Eksekutif',
  introduction: 'Bab I Pendahuluan',
  planning: 'Bab II Perencanaan Kinerja',
  accountability: 'Bab III Akuntabilitas Kinerja',
  closing: 'Bab IV Penutup',
};

/** `ACCEPTED` is the Pernyataan Telah Direviu; `RETURNED` sends the report back for editing. */
export const REVIEW_OUTCOMES = ['ACCEPTED', 'RETURNED'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** One indicator as the report shows it: the shown (rounded) values of the plan's read. */
export interface IndicatorFigures {
  goalCode: string;
  code: string;
  name: string;
  /** The unit of measure (satuan), not the OPD. */
  unit: string;
  polarity: Polarity;
  aggregation: Aggregation;
  /** The annual target of the effective version. */
  target: number;
  /** Null where nothing was reported. */
  realisation: number | null;
  /** Capaian in percent, half-up to 2 decimals; null where nothing was reported. */
  achievement: number | null;
  category: string | null;
}

export interface GoalFigures {
  code: string;
  statement: string;
  /** The capped average of its indicators. */
  achievement: number | null;
  category: string | null;
}

/** Where a set of figures came from: enough to rebuild it, and to see that the plan has moved on. */
export interface FigureSource {
  /** The effective plan version measured (docs: reports must state which PK version). */
  planVersion: number;
  /** The plan stream's revision after its last event read. */
  planRevision: number;
  /** The global log position of the plan's last event read. */
  fromPosition: string;
}

/**
 * The figures copied into the report's events, so that later plan events never change it.
 * `achievement` and `category` are the unit's (the capped average of its goals).
 */
export interface LkjipFigures extends FigureSource {
  /** The category scale used, named as every read model names it. */
  scale: string;
  /** The cap each value had before it entered an average. */
  cap: number;
  achievement: number | null;
  category: string | null;
  goals: GoalFigures[];
  indicators: IndicatorFigures[];
}

type LkjipKey = { opdCode: string; year: number };

export type LkjipCompiled = { type: 'LkjipCompiled'; data: LkjipKey & { figures: LkjipFigures } };
export type LkjipRecompiled = { type: 'LkjipRecompiled'; data: LkjipKey & { figures: LkjipFigures } };
export type LkjipSectionWritten = { type: 'LkjipSectionWritten'; data: LkjipKey & { key: SectionKey; text: string } };
/** `on`: the calendar day it was submitted, which the late flag compares with the due date. */
export type LkjipSubmitted = { type: 'LkjipSubmitted'; data: LkjipKey & { on: string } };
export type LkjipReviewed = { type: 'LkjipReviewed'; data: LkjipKey & { outcome: ReviewOutcome; notes: string; on: string } };
export type LkjipPublished = { type: 'LkjipPublished'; data: LkjipKey & { on: string } };

export type LkjipEvent = LkjipCompiled | LkjipRecompiled | LkjipSectionWritten | LkjipSubmitted | LkjipReviewed | LkjipPublished;

export const LKJIP_EVENT_TYPES = eventTypes<LkjipEvent>({
  LkjipCompiled: true,
  LkjipRecompiled: true,
  LkjipSectionWritten: true,
  LkjipSubmitted: true,
  LkjipReviewed: true,
  LkjipPublished: true,
});

/** How the name of every stream of this context begins: a build by stream reads only these. */
export const LKJIP_STREAM_PREFIX = 'lkjip-';
export const lkjipStream = (opdCode: string, year: number) => `${LKJIP_STREAM_PREFIX}${opdCode}-${year}`;
