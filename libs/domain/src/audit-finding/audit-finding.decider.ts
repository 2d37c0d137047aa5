import { Decider } from '../shared/decider';
import { OtherOpd } from '../opd/opd.decider';
import { DomainError } from '../shared/domain-error';
import {
  AssessmentStatus,
  AuditFindingEvent,
  AuditFindingRecorded,
  DelayReason,
  IsoDate,
  RecommendationStatus,
} from './audit-finding.events';
import { isFinal } from './follow-up-rules';

interface RecommendationState {
  no: number;
  amountIdr: number | null;
  settledIdr: number;
  status: RecommendationStatus;
}

export type AuditFindingState =
  | { status: 'NONE' }
  | { status: 'RECORDED'; findingId: string; opdCode: string; recommendations: RecommendationState[] };

export type AuditFindingCommand =
  | {
      type: 'RecordAuditFinding';
      data: Omit<AuditFindingRecorded['data'], 'opdCode' | 'recommendations' | 'receivedDate'> & {
        /** The audited unit as the handler found it: findings are recorded against active units only. */
        opd: OtherOpd;
        receivedDate: IsoDate | null;
        today: IsoDate;
        recommendations: Array<{ text: string; amountIdr: number | null }>;
      };
    }
  | { type: 'RecordFollowUp'; data: { recommendationNo: number; description: string; evidenceUrl: string | null; amountSettledIdr: number | null; today: IsoDate } }
  | { type: 'AssessRecommendation'; data: { recommendationNo: number; status: AssessmentStatus; note: string; today: IsoDate } }
  | { type: 'RecordDelayReason'; data: { recommendationNo: number; reasonCategory: DelayReason; note: string; today: IsoDate } };

export const initialState = (): AuditFindingState => ({ status: 'NONE' });

export function evolve(state: AuditFindingState, event: AuditFindingEvent): AuditFindingState {
  if (event.type === 'AuditFindingRecorded') {
    const { findingId, opdCode, recommendations } = event.data;
    return {
      status: 'RECORDED',
      findingId,
      opdCode,
      recommendations: recommendations.map(({ no, amountIdr }) => ({ no, amountIdr, settledIdr: 0, status: 'BELUM_DITINDAKLANJUTI' })),
    };
  }
  if (state.status === 'NONE') return state;
  const update = (no: number, change: (recommendation: RecommendationState) => RecommendationState) => ({
    ...state,
    recommendations: state.recommendations.map((recommendation) => (recommendation.no === no ? change(recommendation) : recommendation)),
  });
  switch (event.type) {
    case 'FollowUpRecorded':
      return update(event.data.recommendationNo, (r) => ({ ...r, settledIdr: r.settledIdr + (event.data.amountSettledIdr ?? 0) }));
    case 'RecommendationAssessed':
      return update(event.data.recommendationNo, (r) => ({ ...r, status: event.data.status }));
    default:
      return state;
  }
}

export function decide(command: AuditFindingCommand, state: AuditFindingState): AuditFindingEvent[] {
  if (command.type === 'RecordAuditFinding') {
    if (state.status !== 'NONE') throw new DomainError('ALREADY_EXISTS', 'ALREADY_EXISTS', `Finding ${command.data.findingId} exists`);
    const { opd, recommendations, receivedDate, today, ...finding } = command.data;
    if (opd.status === 'UNREGISTERED') throw new DomainError('RULE_VIOLATED', 'UNKNOWN_OPD', `No OPD ${opd.code}`);
    if (opd.status === 'DISSOLVED') throw new DomainError('RULE_VIOLATED', 'OPD_DISSOLVED', `OPD ${opd.code} is dissolved`);
    if (recommendations.length === 0) throw new DomainError('VALIDATION', 'VALIDATION_FAILED', 'A finding needs at least one recommendation');
    if (receivedDate !== null && receivedDate < finding.reportDate) {
      throw new DomainError('RULE_VIOLATED', 'RECEIVED_BEFORE_REPORT', 'A report cannot be received before its date');
    }
    // A due date counted from a future receipt would hide the obligation until then.
    if ((receivedDate ?? finding.reportDate) > today) {
      throw new DomainError('RULE_VIOLATED', 'DATE_IN_FUTURE', `A report cannot be dated or received after today (${today})`);
    }
    return [
      {
        type: 'AuditFindingRecorded',
        data: {
          ...finding,
          opdCode: opd.code,
          receivedDate: receivedDate ?? finding.reportDate,
          recommendations: recommendations.map((recommendation, index) => ({ no: index + 1, ...recommendation })),
        },
      },
    ];
  }
  if (state.status === 'NONE') throw new DomainError('NOT_FOUND', 'NOT_FOUND', 'No such finding');
  const recommendation = state.recommendations.find((candidate) => candidate.no === command.data.recommendationNo);
  if (!recommendation) throw new DomainError('NOT_FOUND', 'NOT_FOUND', `The finding has no recommendation ${command.data.recommendationNo}`);
  if (isFinal(recommendation.status)) {
    throw new DomainError('RULE_VIOLATED', 'INVALID_TRANSITION', `Recommendation ${recommendation.no} is final (${recommendation.status})`);
  }
  const base = { findingId: state.findingId, recommendationNo: recommendation.no, on: command.data.today };
  switch (command.type) {
    case 'RecordFollowUp': {
      const { description, evidenceUrl, amountSettledIdr } = command.data;
      if (recommendation.amountIdr !== null && recommendation.settledIdr + (amountSettledIdr ?? 0) > recommendation.amountIdr) {
        throw new DomainError(
          'RULE_VIOLATED',
          'AMOUNT_EXCEEDED',
          `Settled amounts would reach ${recommendation.settledIdr + (amountSettledIdr ?? 0)} of ${recommendation.amountIdr} rupiah`,
        );
      }
      return [{ type: 'FollowUpRecorded', data: { ...base, description, evidenceUrl, amountSettledIdr } }];
    }
    case 'AssessRecommendation':
      return [{ type: 'RecommendationAssessed', data: { ...base, status: command.data.status, note: command.data.note } }];
    case 'RecordDelayReason':
      return [{ type: 'DelayReasonRecorded', data: { ...base, reasonCategory: command.data.reasonCategory, note: command.data.note } }];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export const auditFindingDecider: Decider<AuditFindingState, AuditFindingCommand, AuditFindingEvent> = { initialState, evolve, decide };
