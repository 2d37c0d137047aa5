import { Decider, DomainCommand, unreachable } from '@app/decider';
import { OtherOpd, requireActiveOpd } from '../opd/opd.decider';
import { GratificationExemptions, isExemptCandidate } from './gratification-exemptions';
import { GratificationErrors } from './gratification.errors';
import {
  GiftForm,
  GiftOccasion,
  GratificationEvent,
  GratificationReported,
  GratificationStatus,
  IsoDate,
  KPK_WARNING_WORKING_DAYS,
  KpkDecision,
  REPORT_DUE_WORKING_DAYS,
} from './gratification.events';

export type ReportVerdict = Pick<GratificationReported['data'], 'late' | 'exemptCandidate' | 'kpkMaySeize' | 'workingDaysToReport' | 'forwardDueOn'>;

export type GratificationState =
  | { status: 'NONE' }
  | {
      status: GratificationStatus;
      gratificationId: string;
      nip: string;
      opdCode: string;
      reportedOn: IsoDate;
      forwardDueOn: IsoDate;
      /** What the report's answer tells the employee, also when a retry replays it. */
      verdict: ReportVerdict;
    };

/**
 * The working-day figures come in with the command: the handler counts them on the one
 * WorkingCalendar (HOLIDAYS), so the decider stays pure and the count is the one the event keeps.
 */
export type GratificationCommand =
  | DomainCommand<
      'ReportGratification',
      {
        gratificationId: string;
        nip: string;
        opd: OtherOpd;
        receivedOn: IsoDate;
        giverRelation: string;
        form: GiftForm;
        description: string;
        valueIdr: number;
        occasion: GiftOccasion;
        exemptions: GratificationExemptions;
        /** Working days from receipt to today. */
        workingDaysToReport: number;
        /** The FORWARD_DUE_WORKING_DAYS-th working day after today. */
        forwardDueOn: IsoDate;
      }
    >
  | DomainCommand<'ForwardGratification', { kpkReference: string; forwardedOn: IsoDate }>
  | DomainCommand<'CloseGratificationExempt', { reason: string }>
  | DomainCommand<'RecordKpkDecision', { decision: KpkDecision; decreeNumber: string }>
  | DomainCommand<'RecordHandOver', { date: IsoDate; receipt: string }>;

export const initialState = (): GratificationState => ({ status: 'NONE' });

export function evolve(state: GratificationState, event: GratificationEvent): GratificationState {
  if (event.type === 'GratificationReported') {
    const { gratificationId, nip, opdCode, reportedOn, forwardDueOn, late, exemptCandidate, kpkMaySeize, workingDaysToReport } = event.data;
    const verdict = { late, exemptCandidate, kpkMaySeize, workingDaysToReport, forwardDueOn };
    return { status: 'REPORTED', gratificationId, nip, opdCode, reportedOn, forwardDueOn, verdict };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'GratificationForwarded':
      return { ...state, status: 'FORWARDED' };
    case 'GratificationClosedExempt':
      return { ...state, status: 'CLOSED_EXEMPT' };
    case 'GratificationDecided':
      return { ...state, status: event.data.decision === 'MILIK_NEGARA' ? 'DECIDED_STATE' : 'DECIDED_RECIPIENT' };
    case 'GratificationHandedOver':
      return { ...state, status: 'HANDED_OVER' };
    default:
      return unreachable(event);
  }
}

export function decide(command: GratificationCommand, state: GratificationState): GratificationEvent[] {
  const { today } = command.metadata;
  if (command.type === 'ReportGratification') {
    if (state.status !== 'NONE') throw GratificationErrors.alreadyReported(command.data.gratificationId);
    const { opd, exemptions, ...report } = command.data;
    requireActiveOpd(opd);
    if (report.receivedOn > today) throw GratificationErrors.receivedInFuture(today);
    return [
      {
        type: 'GratificationReported',
        data: {
          ...report,
          opdCode: opd.code,
          reportedOn: today,
          late: report.workingDaysToReport > REPORT_DUE_WORKING_DAYS,
          kpkMaySeize: report.workingDaysToReport > KPK_WARNING_WORKING_DAYS,
          exemptCandidate: isExemptCandidate(report.occasion, report.valueIdr, exemptions),
        },
      },
    ];
  }
  if (state.status === 'NONE') throw GratificationErrors.notReported();
  const { gratificationId } = state;
  const requireStatus = (status: GratificationStatus, action: string) => {
    if (state.status !== status) throw GratificationErrors.invalidTransition(state.status, action);
  };
  switch (command.type) {
    case 'ForwardGratification': {
      requireStatus('REPORTED', 'forwarded');
      const { forwardedOn, kpkReference } = command.data;
      if (forwardedOn < state.reportedOn) throw GratificationErrors.forwardedBeforeReport();
      if (forwardedOn > today) throw GratificationErrors.forwardedInFuture(today);
      return [{ type: 'GratificationForwarded', data: { gratificationId, kpkReference, forwardedOn, late: forwardedOn > state.forwardDueOn } }];
    }
    case 'CloseGratificationExempt':
      requireStatus('REPORTED', 'closed as exempt');
      return [{ type: 'GratificationClosedExempt', data: { gratificationId, reason: command.data.reason, closedOn: today } }];
    case 'RecordKpkDecision':
      requireStatus('FORWARDED', 'decided');
      return [{ type: 'GratificationDecided', data: { gratificationId, ...command.data, decidedOn: today } }];
    case 'RecordHandOver':
      // Only a gift KPK made state property is handed over.
      requireStatus('DECIDED_STATE', 'handed over');
      return [{ type: 'GratificationHandedOver', data: { gratificationId, ...command.data } }];
    default:
      return unreachable(command);
  }
}

export const gratificationDecider: Decider<GratificationState, GratificationCommand, GratificationEvent> = { initialState, evolve, decide };
