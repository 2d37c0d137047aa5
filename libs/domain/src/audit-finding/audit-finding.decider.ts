import { Decider, DomainCommand, unreachable } from '@app/decider';
import { OtherOpd, requireActiveOpd } from '../opd/opd.decider';
import { AuditFindingErrors } from './audit-finding.errors';
import { AssessmentStatus, AuditFindingEvent, AuditFindingRecorded, DelayReason, IsoDate, RecommendationStatus } from './audit-finding.events';
import { isFinal } from './follow-up-rules';

interface RecommendationState {
  no: number;
  amountIdr: number | null;
  settledIdr: number;
  status: RecommendationStatus;
}

export type AuditFindingState = { status: 'NONE' } | { status: 'RECORDED'; findingId: string; opdCode: string; recommendations: RecommendationState[] };

export type AuditFindingCommand =
  | DomainCommand<
      'RecordAuditFinding',
      Omit<AuditFindingRecorded['data'], 'opdCode' | 'recommendations' | 'receivedDate'> & {
        /** The audited unit as the handler found it: findings are recorded against active units only. */
        opd: OtherOpd;
        receivedDate: IsoDate | null;
        recommendations: Array<{ text: string; amountIdr: number | null }>;
      }
    >
  | DomainCommand<'RecordFollowUp', { recommendationNo: number; description: string; evidenceUrl: string | null; amountSettledIdr: number | null }>
  | DomainCommand<'AssessRecommendation', { recommendationNo: number; status: AssessmentStatus; note: string }>
  | DomainCommand<'RecordDelayReason', { recommendationNo: number; reasonCategory: DelayReason; note: string }>;

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
    case 'DelayReasonRecorded':
      return state;
    default:
      return unreachable(event);
  }
}

export function decide(command: AuditFindingCommand, state: AuditFindingState): AuditFindingEvent[] {
  if (command.type === 'RecordAuditFinding') {
    if (state.status !== 'NONE') throw AuditFindingErrors.alreadyRecorded(command.data.findingId);
    const { opd, recommendations, receivedDate, ...finding } = command.data;
    const { today } = command.metadata;
    requireActiveOpd(opd);
    if (recommendations.length === 0) throw AuditFindingErrors.noRecommendations();
    if (receivedDate !== null && receivedDate < finding.reportDate) throw AuditFindingErrors.receivedBeforeReport();
    if ((receivedDate ?? finding.reportDate) > today) throw AuditFindingErrors.dateInFuture(today);
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
  if (state.status === 'NONE') throw AuditFindingErrors.notRecorded();
  const recommendation = state.recommendations.find((candidate) => candidate.no === command.data.recommendationNo);
  if (!recommendation) throw AuditFindingErrors.noSuchRecommendation(command.data.recommendationNo);
  if (isFinal(recommendation.status)) throw AuditFindingErrors.recommendationFinal(recommendation.no, recommendation.status);
  const base = { findingId: state.findingId, recommendationNo: recommendation.no, on: command.metadata.today };
  switch (command.type) {
    case 'RecordFollowUp': {
      const { description, evidenceUrl, amountSettledIdr } = command.data;
      const settled = recommendation.settledIdr + (amountSettledIdr ?? 0);
      if (recommendation.amountIdr !== null && settled > recommendation.amountIdr) throw AuditFindingErrors.amountExceeded(settled, recommendation.amountIdr);
      return [{ type: 'FollowUpRecorded', data: { ...base, description, evidenceUrl, amountSettledIdr } }];
    }
    case 'AssessRecommendation':
      return [{ type: 'RecommendationAssessed', data: { ...base, status: command.data.status, note: command.data.note } }];
    case 'RecordDelayReason':
      return [{ type: 'DelayReasonRecorded', data: { ...base, reasonCategory: command.data.reasonCategory, note: command.data.note } }];
    default:
      return unreachable(command);
  }
}

export const auditFindingDecider: Decider<AuditFindingState, AuditFindingCommand, AuditFindingEvent> = { initialState, evolve, decide };
