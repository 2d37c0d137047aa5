import { eventTypes } from '@app/decider';

/**
 * An audit finding (temuan) of the inspectorate (APIP) in one OPD, from one audit report (LHP),
 * with recommendations (rekomendasi) the OPD must follow up (tindak lanjut) within 60 days.
 */
export const FINDING_CATEGORIES = ['NON_COMPLIANCE', 'INTERNAL_CONTROL', 'THREE_E'] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

/** SIPTL follow-up statuses; only an inspector's assessment changes them. */
export const ASSESSMENT_STATUSES = ['SESUAI', 'BELUM_SESUAI', 'TIDAK_DAPAT_DITINDAKLANJUTI'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const RECOMMENDATION_STATUSES = ['BELUM_DITINDAKLANJUTI', ...ASSESSMENT_STATUSES] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const FINAL_STATUSES: readonly RecommendationStatus[] = ['SESUAI', 'TIDAK_DAPAT_DITINDAKLANJUTI'];

/** Lawful reasons for a late follow-up: they excuse the overdue flag, never close anything. */
export const DELAY_REASONS = ['FORCE_MAJEURE', 'ILLNESS', 'UNDER_INVESTIGATION', 'CONVICTED', 'OTHER'] as const;
export type DelayReason = (typeof DELAY_REASONS)[number];

/** Calendar dates as YYYY-MM-DD. */
export type IsoDate = string;

export type AuditFindingRecorded = {
  type: 'AuditFindingRecorded';
  data: {
    findingId: string;
    opdCode: string;
    reportNumber: string;
    reportDate: IsoDate;
    receivedDate: IsoDate;
    title: string;
    condition: string;
    criteria: string;
    cause: string;
    effect: string;
    category: FindingCategory;
    amountIdr: number | null;
    recommendations: Array<{ no: number; text: string; amountIdr: number | null }>;
  };
};

export type FollowUpRecorded = {
  type: 'FollowUpRecorded';
  data: { findingId: string; recommendationNo: number; description: string; evidenceUrl: string | null; amountSettledIdr: number | null; on: IsoDate };
};

export type RecommendationAssessed = {
  type: 'RecommendationAssessed';
  data: { findingId: string; recommendationNo: number; status: AssessmentStatus; note: string; on: IsoDate };
};

export type DelayReasonRecorded = {
  type: 'DelayReasonRecorded';
  data: { findingId: string; recommendationNo: number; reasonCategory: DelayReason; note: string; on: IsoDate };
};

export type AuditFindingEvent = AuditFindingRecorded | FollowUpRecorded | RecommendationAssessed | DelayReasonRecorded;

export const AUDIT_FINDING_EVENT_TYPES = eventTypes<AuditFindingEvent>({
  AuditFindingRecorded: true,
  FollowUpRecorded: true,
  RecommendationAssessed: true,
  DelayReasonRecorded: true,
});

/** How the name of every stream of this context begins: a build by stream reads only these. */
export const FINDING_STREAM_PREFIX = 'finding-';
export const findingStream = (findingId: string) => `${FINDING_STREAM_PREFIX}${findingId}`;
