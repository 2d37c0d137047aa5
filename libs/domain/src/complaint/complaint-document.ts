import { unreachable } from '@app/decider';
import { ComplaintStatus } from './complaint.decider';
import { ArchiveReason, ComplaintEvent, FiledComplaint, ResponseClass } from './complaint.events';

/** A complaint event as the log hands it to the read side. */
export type StoredComplaintEvent = ComplaintEvent & { recordedAt: string; revision: number };

/**
 * One step of the conversation the reporter follows: who spoke (never by name), what, and when.
 * The reporter's texts stay sealed in the read model and are opened when answering.
 */
export interface ComplaintMessage {
  from: 'REPORTER' | 'ADMIN' | 'OPD';
  kind: 'QUESTION' | 'ANSWER' | 'REFERRAL' | 'ARCHIVING' | 'RESPONSE' | 'OBJECTION' | 'CONFIRMATION';
  text: string | null;
  on: string;
  /** RESPONSE: whether it came after its deadline. */
  late?: boolean;
}

/**
 * A complaint as the read side keeps it. `subject`, `text`, `location`, `contact` and the
 * reporter's messages are sealed under the complaint's subject key (libs/personal-data).
 * `status` is the last recorded one; complaintStatusOn reads the reporter's silence into it.
 */
export interface ComplaintDocument extends FiledComplaint {
  /** `opdCode`: the OPD named at filing, then the one the verification assigned. */
  status: ComplaintStatus;
  filedOn: string;
  verificationDue: string | null;
  answerDue: string | null;
  responseDue: string | null;
  confirmDue: string | null;
  responseClass: ResponseClass | null;
  verifiedOn: string | null;
  /** The desk kept it off the public feed although the reporter allowed it. */
  withheldFromPublic: boolean;
  /** Set by NOT_AUTHORITY or ARCHIVED. */
  closing: { decision: 'NOT_AUTHORITY'; reason: string; referral: string | null } | { decision: 'ARCHIVED'; reason: ArchiveReason; note: string | null } | null;
  firstResponseOn: string | null;
  firstResponseLate: boolean | null;
  objected: boolean;
  confirmedOn: string | null;
  messages: ComplaintMessage[];
  revision: number;
  updatedAt: string;
}

export function evolveComplaintDocument(document: ComplaintDocument | null, event: StoredComplaintEvent): ComplaintDocument | null {
  const stamp = { revision: event.revision, updatedAt: event.recordedAt };
  if (event.type === 'ComplaintFiled') {
    const { on, ...filing } = event.data;
    return {
      ...filing,
      status: 'RECEIVED',
      filedOn: on,
      answerDue: null,
      responseDue: null,
      confirmDue: null,
      responseClass: null,
      verifiedOn: null,
      withheldFromPublic: false,
      closing: null,
      firstResponseOn: null,
      firstResponseLate: null,
      objected: false,
      confirmedOn: null,
      messages: [],
      ...stamp,
    };
  }
  if (!document) return null;
  const say = (message: ComplaintMessage) => [...document.messages, message];
  switch (event.type) {
    case 'ComplaintVerified': {
      const { opdCode, responseClass, on, responseDue, withheldFromPublic } = event.data;
      return {
        ...document,
        status: 'VERIFIED',
        opdCode,
        responseClass,
        verifiedOn: on,
        responseDue,
        verificationDue: null,
        withheldFromPublic: withheldFromPublic === true,
        ...stamp,
      };
    }
    case 'ComplaintInfoRequested': {
      const { question, on, answerDue } = event.data;
      return {
        ...document,
        status: 'NEEDS_INFO',
        answerDue,
        verificationDue: null,
        messages: say({ from: 'ADMIN', kind: 'QUESTION', text: question, on }),
        ...stamp,
      };
    }
    case 'ComplaintInfoProvided': {
      const { text, on, verificationDue } = event.data;
      return { ...document, status: 'RECEIVED', answerDue: null, verificationDue, messages: say({ from: 'REPORTER', kind: 'ANSWER', text, on }), ...stamp };
    }
    case 'ComplaintReferred': {
      const { reason, referral, on } = event.data;
      const closing = { decision: 'NOT_AUTHORITY' as const, reason, referral };
      return {
        ...document,
        status: 'NOT_AUTHORITY',
        closing,
        verificationDue: null,
        messages: say({ from: 'ADMIN', kind: 'REFERRAL', text: reason, on }),
        ...stamp,
      };
    }
    case 'ComplaintArchived': {
      const { reason, note, on } = event.data;
      const closing = { decision: 'ARCHIVED' as const, reason, note };
      return {
        ...document,
        status: 'ARCHIVED',
        closing,
        verificationDue: null,
        messages: say({ from: 'ADMIN', kind: 'ARCHIVING', text: note ?? reason, on }),
        ...stamp,
      };
    }
    case 'ComplaintResponded': {
      const { opdCode, text, on, late, confirmDue } = event.data;
      const first = document.firstResponseOn === null;
      return {
        ...document,
        status: 'RESPONDED',
        opdCode,
        responseDue: null,
        confirmDue,
        firstResponseOn: first ? on : document.firstResponseOn,
        firstResponseLate: first ? late : document.firstResponseLate,
        messages: say({ from: 'OPD', kind: 'RESPONSE', text, on, late }),
        ...stamp,
      };
    }
    case 'ComplaintConfirmed':
      return {
        ...document,
        status: 'CLOSED',
        confirmDue: null,
        confirmedOn: event.data.on,
        messages: say({ from: 'REPORTER', kind: 'CONFIRMATION', text: null, on: event.data.on }),
        ...stamp,
      };
    case 'ComplaintReopened': {
      const { text, on, responseDue } = event.data;
      return {
        ...document,
        status: 'REOPENED',
        objected: true,
        confirmDue: null,
        responseDue,
        messages: say({ from: 'REPORTER', kind: 'OBJECTION', text, on }),
        ...stamp,
      };
    }
    default:
      return unreachable(event);
  }
}
