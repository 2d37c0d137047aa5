import { eventTypes } from '@app/decider';

/**
 * A complaint (pengaduan) filed by anyone without a token and followed by its tracking code and
 * follow secret (docs/domain.md, Complaints; SP4N-LAPOR! flow). The text and contact are
 * personal data: the write target's codec seals them under the complaint's own subject key,
 * so the domain sees them in clear and the event log never does.
 */

export const COMPLAINT_KINDS = ['PENGADUAN', 'ASPIRASI', 'PERMINTAAN_INFORMASI'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** The response class a verification gives, and its deadline in working days. */
export const RESPONSE_CLASS_DAYS = { INFORMATION: 5, NO_FIELD_CHECK: 14, FIELD_CHECK: 60 } as const;
export type ResponseClass = keyof typeof RESPONSE_CLASS_DAYS;
export const RESPONSE_CLASSES = Object.keys(RESPONSE_CLASS_DAYS) as ResponseClass[];

/** Working days the admin has to verify; the reporter has to answer a question or a response. */
export const VERIFICATION_DAYS = 3;
export const REPORTER_SILENCE_DAYS = 10;

export const ARCHIVE_REASONS = ['DUPLICATE', 'INCOMPLETE', 'SPAM', 'OUT_OF_SCOPE'] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

export interface ComplaintContact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

type Key = { trackingCode: string };

/** What the reporter files: the filing command, its event and the read side's document all hold it. */
export interface FiledComplaint {
  trackingCode: string;
  kind: ComplaintKind;
  opdCode: string | null;
  subject: string;
  text: string;
  location: string | null;
  contact: ComplaintContact | null;
  publicText: boolean;
  /** scrypt hash of the follow secret (auth/follow-secret.ts); the secret itself is never stored. */
  followSecretHash: string;
}

/** One stream per complaint, named by its tracking code. */
/** How the name of every stream of this context begins: a build by stream reads only these. */
export const COMPLAINT_STREAM_PREFIX = 'complaint-';
export const complaintStream = (trackingCode: string) => `${COMPLAINT_STREAM_PREFIX}${trackingCode}`;

export type ComplaintFiled = { type: 'ComplaintFiled'; data: FiledComplaint & { on: string; verificationDue: string } };
export type ComplaintVerified = {
  type: 'ComplaintVerified';
  data: Key & {
    opdCode: string;
    responseClass: ResponseClass;
    on: string;
    responseDue: string;
    /**
     * The desk keeps a complaint the reporter made public off the public feed (it names a third
     * person, say). Absent in events recorded before the desk could: not withheld.
     */
    withheldFromPublic?: true;
  };
};
export type ComplaintInfoRequested = { type: 'ComplaintInfoRequested'; data: Key & { question: string; on: string; answerDue: string } };
export type ComplaintInfoProvided = { type: 'ComplaintInfoProvided'; data: Key & { text: string; on: string; verificationDue: string } };
export type ComplaintReferred = { type: 'ComplaintReferred'; data: Key & { reason: string; referral: string | null; on: string } };
export type ComplaintArchived = { type: 'ComplaintArchived'; data: Key & { reason: ArchiveReason; note: string | null; on: string } };
export type ComplaintResponded = { type: 'ComplaintResponded'; data: Key & { opdCode: string; text: string; on: string; late: boolean; confirmDue: string } };
export type ComplaintConfirmed = { type: 'ComplaintConfirmed'; data: Key & { on: string } };
export type ComplaintReopened = { type: 'ComplaintReopened'; data: Key & { text: string; on: string; responseDue: string } };

export type ComplaintEvent =
  | ComplaintFiled
  | ComplaintVerified
  | ComplaintInfoRequested
  | ComplaintInfoProvided
  | ComplaintReferred
  | ComplaintArchived
  | ComplaintResponded
  | ComplaintConfirmed
  | ComplaintReopened;

export const COMPLAINT_EVENT_TYPES = eventTypes<ComplaintEvent>({
  ComplaintFiled: true,
  ComplaintVerified: true,
  ComplaintInfoRequested: true,
  ComplaintInfoProvided: true,
  ComplaintReferred: true,
  ComplaintArchived: true,
  ComplaintResponded: true,
  ComplaintConfirmed: true,
  ComplaintReopened: true,
});
