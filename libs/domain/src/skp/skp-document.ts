import { unreachable } from '@app/decider';
import { SkpStatus } from './skp.decider';
import { RealisationValue } from '../shared/realisation-value';
import { Predikat, SKP_PERIODS, SkpEvent, SkpPeriod, SkpQuarter, SkpRating, SkpResult } from './skp.events';

/**
 * An SKP as its events leave it: what the read model stores and `asOf` rebuilds. It names a
 * person; public answers take only aggregates from it (docs/domain.md, Privacy).
 */
export interface SkpDocument {
  nip: string;
  year: number;
  name: string;
  position: string;
  opdCode: string;
  appraiserNip: string;
  status: SkpStatus;
  revision: number;
  createdAt: string;
  updatedAt: string;
  results: SkpResult[];
  submittedAt: string | null;
  agreedAt: string | null;
  agreedOn: string | null;
  returns: Array<{ at: string; reason: string }>;
  /** In period order. */
  realisations: PeriodRealisation[];
  /** In period order, `ANNUAL` last. */
  evaluations: PeriodEvaluation[];
  /** The evaluation recorded last, of whichever period: what the appraiser did most recently. */
  latestEvaluation: SkpEvaluationRecord | null;
  /**
   * The SKP's standing rating: the year's (`ANNUAL`) once given, else the latest quarter's. The
   * spec names the field without defining it; a periodic rating is what there is before the year's.
   */
  predikat: Predikat | null;
}

export interface PeriodRealisation {
  period: SkpQuarter;
  reportedAt: string;
  reportedOn: string;
  values: RealisationValue[];
}

/** One rating as recorded; `reason` is null for the first evaluation of a period. */
export type SkpEvaluationRecord = SkpRating & { at: string; reason: string | null };

export interface PeriodEvaluation {
  period: SkpPeriod;
  /** The rating in force: the latest re-evaluation, else the first. */
  current: SkpEvaluationRecord;
  /** Every rating of the period, oldest first: the first evaluation, then each re-evaluation. */
  history: SkpEvaluationRecord[];
}

/** An event with what the store adds: when it was recorded and the stream's revision after it. */
export type StoredSkpEvent = SkpEvent & { recordedAt: string; revision: number };

const periodOrder = (period: SkpPeriod) => SKP_PERIODS.indexOf(period);

export function evolveSkpDocument(document: SkpDocument | null, event: StoredSkpEvent): SkpDocument | null {
  const at = event.recordedAt;
  if (event.type === 'SkpDrafted') {
    return {
      ...event.data,
      status: 'DRAFT',
      revision: event.revision,
      createdAt: at,
      updatedAt: at,
      submittedAt: null,
      agreedAt: null,
      agreedOn: null,
      returns: [],
      realisations: [],
      evaluations: [],
      latestEvaluation: null,
      predikat: null,
    };
  }
  if (!document) return document;
  const next = { ...document, revision: event.revision, updatedAt: at };
  switch (event.type) {
    case 'SkpResultsReplaced':
      return { ...next, results: event.data.results };
    case 'SkpSubmitted':
      return { ...next, status: 'SUBMITTED', submittedAt: at };
    case 'SkpReturned':
      return { ...next, status: 'RETURNED', returns: [...document.returns, { at, reason: event.data.reason }] };
    case 'SkpAgreed':
      return { ...next, status: 'AGREED', results: event.data.results, agreedAt: at, agreedOn: event.data.on };
    case 'SkpRealisationReported': {
      const { period, values, on } = event.data;
      const realisation: PeriodRealisation = { period, reportedAt: at, reportedOn: on, values };
      return { ...next, realisations: [...document.realisations, realisation].sort((a, b) => periodOrder(a.period) - periodOrder(b.period)) };
    }
    case 'SkpEvaluated':
    case 'SkpReevaluated': {
      const { nip: _nip, year: _year, ...rating } = event.data;
      const record: SkpEvaluationRecord = { ...rating, at, reason: event.type === 'SkpReevaluated' ? event.data.reason : null };
      return withEvaluation(next, record);
    }
    default:
      return unreachable(event);
  }
}

function withEvaluation(document: SkpDocument, record: SkpEvaluationRecord): SkpDocument {
  const earlier = document.evaluations.find((evaluation) => evaluation.period === record.period);
  const period: PeriodEvaluation = { period: record.period, current: record, history: [...(earlier?.history ?? []), record] };
  const evaluations = [...document.evaluations.filter((evaluation) => evaluation !== earlier), period].sort(
    (a, b) => periodOrder(a.period) - periodOrder(b.period),
  );
  const annual = evaluations.find((evaluation) => evaluation.period === 'ANNUAL');
  return { ...document, evaluations, latestEvaluation: record, predikat: (annual ?? latestQuarter(evaluations))?.current.predikat ?? null };
}

/** The evaluated quarter last in the year, whenever it was rated. */
const latestQuarter = (evaluations: PeriodEvaluation[]) => evaluations.filter((evaluation) => evaluation.period !== 'ANNUAL').at(-1);
