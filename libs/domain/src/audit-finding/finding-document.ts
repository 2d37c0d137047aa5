import { unreachable } from '@app/decider';
import { AssessmentStatus, AuditFindingEvent, AuditFindingRecorded, DelayReason, IsoDate, RecommendationStatus } from './audit-finding.events';
import { dueDate, isFinal, isOverdue } from './follow-up-rules';
import { roundHalfUp } from '../shared/rounding';

/** A finding as its events leave it: what the read model stores and `asOf` rebuilds. */
export type FindingDocument = Omit<AuditFindingRecorded['data'], 'findingId' | 'recommendations'> & {
  id: string;
  dueDate: IsoDate;
  revision: number;
  recommendations: RecommendationDocument[];
};

export interface RecommendationDocument {
  no: number;
  text: string;
  amountIdr: number | null;
  amountSettledIdr: number;
  status: RecommendationStatus;
  followUps: Array<{ at: string; on: IsoDate; description: string; evidenceUrl: string | null; amountSettledIdr: number | null }>;
  assessments: Array<{ at: string; on: IsoDate; status: AssessmentStatus; note: string }>;
  delayReasons: Array<{ at: string; on: IsoDate; reasonCategory: DelayReason; note: string }>;
}

/**
 * The year a finding counts in (on its unit's scorecard, in the register, on the public feed):
 * the year of the audit report that made it, whenever it was received or recorded.
 */
export const findingYear = ({ reportDate }: { reportDate: IsoDate }): number => Number(reportDate.slice(0, 4));

/**
 * A day after every due date: a finding judged on it shows what will be overdue once its due
 * date passes, whatever today is. What depends on today is judged when read, never stored.
 */
export const END_OF_TIME: IsoDate = '9999-12-31';

/** An event with what the store adds: when it was recorded and the stream's revision after it. */
export type StoredFindingEvent = AuditFindingEvent & { recordedAt: string; revision: number };

export function evolveFindingDocument(document: FindingDocument | null, event: StoredFindingEvent): FindingDocument | null {
  if (event.type === 'AuditFindingRecorded') {
    const { findingId, recommendations, ...finding } = event.data;
    return {
      id: findingId,
      ...finding,
      dueDate: dueDate(finding.receivedDate),
      revision: event.revision,
      recommendations: recommendations.map((recommendation) => ({
        ...recommendation,
        amountSettledIdr: 0,
        status: 'BELUM_DITINDAKLANJUTI',
        followUps: [],
        assessments: [],
        delayReasons: [],
      })),
    };
  }
  if (!document) return document;
  const at = event.recordedAt;
  const update = (no: number, change: (recommendation: RecommendationDocument) => RecommendationDocument): FindingDocument => ({
    ...document,
    revision: event.revision,
    recommendations: document.recommendations.map((recommendation) => (recommendation.no === no ? change(recommendation) : recommendation)),
  });
  switch (event.type) {
    case 'FollowUpRecorded': {
      const { description, evidenceUrl, amountSettledIdr, on } = event.data;
      return update(event.data.recommendationNo, (r) => ({
        ...r,
        amountSettledIdr: r.amountSettledIdr + (amountSettledIdr ?? 0),
        followUps: [...r.followUps, { at, on, description, evidenceUrl, amountSettledIdr }],
      }));
    }
    case 'RecommendationAssessed': {
      const { status, note, on } = event.data;
      return update(event.data.recommendationNo, (r) => ({ ...r, status, assessments: [...r.assessments, { at, on, status, note }] }));
    }
    case 'DelayReasonRecorded': {
      const { reasonCategory, note, on } = event.data;
      return update(event.data.recommendationNo, (r) => ({ ...r, delayReasons: [...r.delayReasons, { at, on, reasonCategory, note }] }));
    }
    default:
      return unreachable(event);
  }
}

export interface RecommendationView extends RecommendationDocument {
  awaitingAssessment: boolean;
  overdue: boolean;
  delayExcused: boolean;
}

export type FindingView = Omit<FindingDocument, 'recommendations'> & {
  closed: boolean;
  recommendations: RecommendationView[];
};

/** The finding as of `today`: overdue flags are evaluated now, never frozen in storage. */
export function findingView(document: FindingDocument, today: IsoDate): FindingView {
  const recommendations = document.recommendations.map((recommendation) => {
    const delayExcused = recommendation.delayReasons.length > 0;
    const lastFollowUp = recommendation.followUps.at(-1)?.at;
    const lastAssessment = recommendation.assessments.at(-1)?.at;
    return {
      ...recommendation,
      awaitingAssessment: lastFollowUp !== undefined && (lastAssessment === undefined || lastFollowUp > lastAssessment),
      delayExcused,
      overdue: isOverdue({ status: recommendation.status, followUpDates: recommendation.followUps.map((f) => f.on), delayExcused }, document.dueDate, today),
    };
  });
  return { ...document, closed: recommendations.every((recommendation) => isFinal(recommendation.status)), recommendations };
}

/** True when some recommendation will be overdue once its due date passes (stored to filter lists). */
export function mayBecomeOverdue(document: FindingDocument): boolean {
  return findingView(document, END_OF_TIME).recommendations.some((recommendation) => recommendation.overdue);
}

export interface FindingFigures {
  recommendations: number;
  byStatus: Record<RecommendationStatus, number>;
  overdue: number;
  /** SESUAI / all recommendations × 100, rounded half-up to 2 decimals; 0 without recommendations. */
  followUpRate: number;
  amountIdr: { total: number; settled: number; outstanding: number };
}

/** Per-OPD figures (docs/domain.md, Audit findings 5) over findings already evaluated for today. */
export function findingFigures(findings: FindingView[]): FindingFigures {
  const recommendations = findings.flatMap((finding) => finding.recommendations);
  const byStatus: Record<RecommendationStatus, number> = { SESUAI: 0, BELUM_SESUAI: 0, BELUM_DITINDAKLANJUTI: 0, TIDAK_DAPAT_DITINDAKLANJUTI: 0 };
  recommendations.forEach((recommendation) => byStatus[recommendation.status]++);
  const countable = recommendations.filter((recommendation) => recommendation.status !== 'TIDAK_DAPAT_DITINDAKLANJUTI');
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const total = sum(recommendations.map((recommendation) => recommendation.amountIdr ?? 0));
  const settled = sum(recommendations.map((recommendation) => recommendation.amountSettledIdr));
  const outstanding = Math.max(
    0,
    sum(countable.map((recommendation) => recommendation.amountIdr ?? 0)) - sum(countable.map((recommendation) => recommendation.amountSettledIdr)),
  );
  return {
    recommendations: recommendations.length,
    byStatus,
    overdue: recommendations.filter((recommendation) => recommendation.overdue).length,
    followUpRate: recommendations.length === 0 ? 0 : roundHalfUp((byStatus.SESUAI / recommendations.length) * 100, 2),
    amountIdr: { total, settled, outstanding },
  };
}
