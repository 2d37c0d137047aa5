import { eventTypes } from '@app/decider';
import { Polarity } from '../plan/plan.events';
import { RealisationValue } from '../shared/realisation-value';

/**
 * One civil servant's yearly performance targets (Sasaran Kinerja Pegawai, PermenPANRB 6/2022):
 * results (Rencana Hasil Kerja) with indicators and targets, each cascaded from the unit's plan
 * or from the superior's SKP, agreed with the appraiser (pejabat penilai), then realised and
 * rated per period into a predikat kinerja.
 */

/** How the appraiser rates results (hasil kerja) and behaviour (perilaku kerja) alike. */
export const RATINGS = ['ABOVE_EXPECTATION', 'AS_EXPECTED', 'BELOW_EXPECTATION'] as const;
export type Rating = (typeof RATINGS)[number];

/** The employee's rating (predikat kinerja), from the two ratings by the matrix in predikat.ts. */
export const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type Predikat = (typeof PREDIKATS)[number];

/** The quarters realisation is reported for (triwulan). */
export const SKP_QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export type SkpQuarter = (typeof SKP_QUARTERS)[number];

/** What can be evaluated: a quarter, or the whole year. Only `ANNUAL` counts on dashboards. */
export const SKP_PERIODS = [...SKP_QUARTERS, 'ANNUAL'] as const;
export type SkpPeriod = (typeof SKP_PERIODS)[number];

/** The seven core values of the civil service (BerAKHLAK) behaviour is rated against. */
export const BERAKHLAK_VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'] as const;
export type BerakhlakValue = (typeof BERAKHLAK_VALUES)[number];

/** The appraiser's optional note per BerAKHLAK value; values without a note are absent. */
export type BehaviourNotes = Partial<Record<BerakhlakValue, string>>;

/**
 * What a result is cascaded from (intervensi): an indicator of a unit's effective plan, or a
 * result of the superior's SKP for the same year.
 */
export type CascadeSource =
  { kind: 'PLAN_INDICATOR'; opdCode: string; year: number; indicatorCode: string } | { kind: 'SKP_RESULT'; nip: string; resultCode: string };

/** Keyed by the union, so a kind added to CascadeSource fails to compile until it is listed. */
const CASCADE_KIND_SET: Record<CascadeSource['kind'], true> = { PLAN_INDICATOR: true, SKP_RESULT: true };
export const CASCADE_KINDS = Object.keys(CASCADE_KIND_SET) as ReadonlyArray<CascadeSource['kind']>;

/** A measure of a result. Targets follow the plan rules: ≥ 0, and not 0 when more is better. */
export interface SkpIndicator {
  code: string;
  name: string;
  unit: string;
  polarity: Polarity;
  target: number;
}

/** A planned work result (Rencana Hasil Kerja, RHK). */
export interface SkpResult {
  code: string;
  statement: string;
  cascadedFrom: CascadeSource;
  indicators: SkpIndicator[];
}

/** One rating of one period, as the appraiser gave it and with the predikat it makes. */
export interface SkpRating {
  period: SkpPeriod;
  resultRating: Rating;
  behaviourRating: Rating;
  predikat: Predikat;
  note: string | null;
  behaviourNotes: BehaviourNotes;
  on: string;
}

type SkpKey = { nip: string; year: number };

export type SkpDrafted = {
  type: 'SkpDrafted';
  data: SkpKey & { name: string; position: string; opdCode: string; appraiserNip: string; results: SkpResult[] };
};
export type SkpResultsReplaced = { type: 'SkpResultsReplaced'; data: SkpKey & { results: SkpResult[] } };
export type SkpSubmitted = { type: 'SkpSubmitted'; data: SkpKey };
export type SkpReturned = { type: 'SkpReturned'; data: SkpKey & { reason: string } };
/** The agreement: `results` are what realisation and evaluation are measured against. */
export type SkpAgreed = { type: 'SkpAgreed'; data: SkpKey & { results: SkpResult[]; on: string } };
/** `on`: the calendar day it was reported. */
export type SkpRealisationReported = { type: 'SkpRealisationReported'; data: SkpKey & { period: SkpQuarter; values: RealisationValue[]; on: string } };
export type SkpEvaluated = { type: 'SkpEvaluated'; data: SkpKey & SkpRating };
/** A later rating of an evaluated period; the first stays in the stream and in the history. */
export type SkpReevaluated = { type: 'SkpReevaluated'; data: SkpKey & SkpRating & { reason: string } };

export type SkpEvent = SkpDrafted | SkpResultsReplaced | SkpSubmitted | SkpReturned | SkpAgreed | SkpRealisationReported | SkpEvaluated | SkpReevaluated;

export const SKP_EVENT_TYPES = eventTypes<SkpEvent>({
  SkpDrafted: true,
  SkpResultsReplaced: true,
  SkpSubmitted: true,
  SkpReturned: true,
  SkpAgreed: true,
  SkpRealisationReported: true,
  SkpEvaluated: true,
  SkpReevaluated: true,
});

/**
 * The employee's stream for a year, named by the employee's subject id (libs/personal-data), never
 * by the NIP: stream names are in clear wherever the log goes (docs/domain.md, Personal data at rest).
 */
/** How the name of every stream of this context begins: a build by stream reads only these. */
export const SKP_STREAM_PREFIX = 'skp-';
export const skpStream = (subjectId: string, year: number) => `${SKP_STREAM_PREFIX}${subjectId}-${year}`;
