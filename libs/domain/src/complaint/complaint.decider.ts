import { Decider, DomainCommand, unreachable } from '@app/decider';
import { WorkingCalendar } from '../shared/working-days';
import { ComplaintErrors } from './complaint.errors';
import {
  ArchiveReason,
  ComplaintEvent,
  FiledComplaint,
  REPORTER_SILENCE_DAYS,
  RESPONSE_CLASS_DAYS,
  ResponseClass,
  VERIFICATION_DAYS,
} from './complaint.events';

export const COMPLAINT_STATUSES = ['RECEIVED', 'NEEDS_INFO', 'VERIFIED', 'NOT_AUTHORITY', 'ARCHIVED', 'RESPONDED', 'REOPENED', 'CLOSED'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export type ComplaintState =
  | { status: 'NONE' }
  | {
      status: ComplaintStatus;
      trackingCode: string;
      /** What the filing stored for the follow secret: a retried filing tells itself apart by it. */
      followSecretHash: string;
      opdCode: string | null;
      responseClass: ResponseClass | null;
      verificationDue: string | null;
      answerDue: string | null;
      responseDue: string | null;
      confirmDue: string | null;
      objected: boolean;
    };

type Existing = Exclude<ComplaintState, { status: 'NONE' }>;

/** What the clocks are read from: the decider's state and the read side's document alike. */
export type ComplaintClocks = Pick<Existing, 'status' | 'verificationDue' | 'answerDue' | 'responseDue' | 'confirmDue'>;

/** The calendar deadlines are counted in: the platform's one WorkingCalendar, passed in. */
type WithCalendar = { calendar: WorkingCalendar };

export type ComplaintCommand =
  | DomainCommand<'FileComplaint', WithCalendar & FiledComplaint>
  | DomainCommand<
      'VerifyComplaint',
      WithCalendar &
        (
          | { decision: 'VERIFIED'; opdCode: string; responseClass: ResponseClass; withholdFromPublic?: boolean }
          | { decision: 'NEEDS_INFO'; question: string }
          | { decision: 'NOT_AUTHORITY'; reason: string; referral: string | null }
          | { decision: 'ARCHIVED'; reason: ArchiveReason; note: string | null }
        )
    >
  | DomainCommand<'AnswerComplaintQuestion', WithCalendar & { text: string }>
  | DomainCommand<'RespondToComplaint', WithCalendar & { opdCode: string; text: string }>
  | DomainCommand<'ConfirmComplaint', Record<string, never>>
  | DomainCommand<'ObjectToComplaint', WithCalendar & { text: string }>;

export const initialState = (): ComplaintState => ({ status: 'NONE' });

export function evolve(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  if (event.type === 'ComplaintFiled') {
    const { trackingCode, followSecretHash, opdCode, verificationDue } = event.data;
    return {
      status: 'RECEIVED',
      trackingCode,
      followSecretHash,
      opdCode,
      responseClass: null,
      verificationDue,
      answerDue: null,
      responseDue: null,
      confirmDue: null,
      objected: false,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ComplaintVerified':
      return { ...state, status: 'VERIFIED', opdCode: event.data.opdCode, responseClass: event.data.responseClass, responseDue: event.data.responseDue };
    case 'ComplaintInfoRequested':
      return { ...state, status: 'NEEDS_INFO', answerDue: event.data.answerDue };
    case 'ComplaintInfoProvided':
      return { ...state, status: 'RECEIVED', answerDue: null, verificationDue: event.data.verificationDue };
    case 'ComplaintReferred':
      return { ...state, status: 'NOT_AUTHORITY' };
    case 'ComplaintArchived':
      return { ...state, status: 'ARCHIVED' };
    case 'ComplaintResponded':
      return { ...state, status: 'RESPONDED', confirmDue: event.data.confirmDue };
    case 'ComplaintConfirmed':
      return { ...state, status: 'CLOSED' };
    case 'ComplaintReopened':
      return { ...state, status: 'REOPENED', objected: true, responseDue: event.data.responseDue, confirmDue: null };
    default:
      return unreachable(event);
  }
}

/**
 * The status as of `today`: the reporter's silence is judged on read, not by a scheduled write
 * (docs/domain.md, Complaints): RESPONDED past its confirmation window reads CLOSED, NEEDS_INFO
 * past its answer window reads ARCHIVED. The decider decides on this status too.
 */
export function complaintStatusOn(state: ComplaintClocks, today: string): ComplaintStatus {
  if (state.status === 'RESPONDED' && state.confirmDue !== null && today > state.confirmDue) return 'CLOSED';
  if (state.status === 'NEEDS_INFO' && state.answerDue !== null && today > state.answerDue) return 'ARCHIVED';
  return state.status;
}

/** Verification is late once `today` is past its due date and the complaint is still waiting for it. */
export const verificationLate = (state: ComplaintClocks, today: string): boolean =>
  complaintStatusOn(state, today) === 'RECEIVED' && state.verificationDue !== null && today > state.verificationDue;

/** The OPD's response is late once `today` is past its due date and none has come. */
export const responseLate = (state: ComplaintClocks, today: string): boolean => {
  const status = complaintStatusOn(state, today);
  return (status === 'VERIFIED' || status === 'REOPENED') && state.responseDue !== null && today > state.responseDue;
};

const requireText = (value: string, field: string) => {
  if (value.trim() === '') throw ComplaintErrors.blank(field);
};

/**
 * Where docs/domain.md (Complaints) is silent, this decides: the verification clock starts
 * again when the reporter answers a question; a response moves VERIFIED or REOPENED to
 * RESPONDED and records whether it came after its deadline (it is accepted late, not refused);
 * the objection's new deadline counts the same class's days from the objection; the reporter
 * confirms or objects only inside the 10-working-day window.
 */
export function decide(command: ComplaintCommand, state: ComplaintState): ComplaintEvent[] {
  const { today } = command.metadata;
  if (command.type === 'FileComplaint') {
    if (state.status !== 'NONE') throw ComplaintErrors.alreadyFiled();
    const { calendar, ...data } = command.data;
    requireText(data.subject, 'subject');
    requireText(data.text, 'text');
    return [{ type: 'ComplaintFiled', data: { ...data, on: today, verificationDue: calendar.addWorkingDays(today, VERIFICATION_DAYS) } }];
  }
  if (state.status === 'NONE') throw ComplaintErrors.notFound();
  const trackingCode = state.trackingCode;
  const status = complaintStatusOn(state, today);
  const refuse = (action: string) => ComplaintErrors.invalidTransition(status, action);
  switch (command.type) {
    case 'VerifyComplaint': {
      if (status !== 'RECEIVED') throw refuse('verified');
      const { calendar } = command.data;
      switch (command.data.decision) {
        case 'VERIFIED': {
          const { opdCode, responseClass, withholdFromPublic } = command.data;
          requireText(opdCode, 'opdCode');
          const responseDue = calendar.addWorkingDays(today, RESPONSE_CLASS_DAYS[responseClass]);
          const withheld = withholdFromPublic ? { withheldFromPublic: true as const } : {};
          return [{ type: 'ComplaintVerified', data: { trackingCode, opdCode, responseClass, on: today, responseDue, ...withheld } }];
        }
        case 'NEEDS_INFO':
          requireText(command.data.question, 'question');
          return [
            {
              type: 'ComplaintInfoRequested',
              data: { trackingCode, question: command.data.question, on: today, answerDue: calendar.addWorkingDays(today, REPORTER_SILENCE_DAYS) },
            },
          ];
        case 'NOT_AUTHORITY':
          requireText(command.data.reason, 'reason');
          return [{ type: 'ComplaintReferred', data: { trackingCode, reason: command.data.reason, referral: command.data.referral, on: today } }];
        case 'ARCHIVED':
          return [{ type: 'ComplaintArchived', data: { trackingCode, reason: command.data.reason, note: command.data.note, on: today } }];
        default:
          return unreachable(command.data);
      }
    }
    case 'AnswerComplaintQuestion': {
      if (status !== 'NEEDS_INFO') throw refuse('answered');
      requireText(command.data.text, 'text');
      const verificationDue = command.data.calendar.addWorkingDays(today, VERIFICATION_DAYS);
      return [{ type: 'ComplaintInfoProvided', data: { trackingCode, text: command.data.text, on: today, verificationDue } }];
    }
    case 'RespondToComplaint': {
      if (status !== 'VERIFIED' && status !== 'REOPENED') throw refuse('responded to');
      if (command.data.opdCode !== state.opdCode) throw ComplaintErrors.wrongOpd();
      requireText(command.data.text, 'text');
      const late = state.responseDue !== null && today > state.responseDue;
      const confirmDue = command.data.calendar.addWorkingDays(today, REPORTER_SILENCE_DAYS);
      return [{ type: 'ComplaintResponded', data: { trackingCode, opdCode: command.data.opdCode, text: command.data.text, on: today, late, confirmDue } }];
    }
    case 'ConfirmComplaint':
      if (status !== 'RESPONDED') throw refuse('confirmed');
      return [{ type: 'ComplaintConfirmed', data: { trackingCode, on: today } }];
    case 'ObjectToComplaint': {
      if (status !== 'RESPONDED') throw refuse('objected to');
      if (state.objected) throw ComplaintErrors.alreadyObjected();
      requireText(command.data.text, 'text');
      const responseDue = command.data.calendar.addWorkingDays(today, RESPONSE_CLASS_DAYS[state.responseClass ?? 'INFORMATION']);
      return [{ type: 'ComplaintReopened', data: { trackingCode, text: command.data.text, on: today, responseDue } }];
    }
    default:
      return unreachable(command);
  }
}

export const complaintDecider: Decider<ComplaintState, ComplaintCommand, ComplaintEvent> = { initialState, evolve, decide };
