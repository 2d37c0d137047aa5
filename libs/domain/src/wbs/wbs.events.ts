import { eventTypes } from '@app/decider';

/**
 * A whistleblowing report (docs/domain.md, Whistleblowing): filed by anyone without a token and
 * followed with its tracking code and follow secret, read by the WBS officers only. The
 * allegation, the identity, the messages and the reasons given for reading the identity are the
 * reporter's personal data: the write target's codec seals them under the report's own subject
 * key, so the domain sees them in clear and the event log never does.
 */

export const WBS_STATUSES = ['RECEIVED', 'UNDER_REVIEW', 'INVESTIGATING', 'REFERRED', 'CLOSED'] as const;
export type WbsStatus = (typeof WBS_STATUSES)[number];

/** Where a report may go from each state (docs/domain.md, Whistleblowing). */
export const WBS_TRANSITIONS: Record<WbsStatus, readonly WbsStatus[]> = {
  RECEIVED: ['UNDER_REVIEW'],
  UNDER_REVIEW: ['INVESTIGATING', 'CLOSED'],
  INVESTIGATING: ['REFERRED', 'CLOSED'],
  REFERRED: ['CLOSED'],
  CLOSED: [],
};

export interface WbsIdentity {
  name: string;
  contact: string;
}

/** One stream per report, named by its tracking code. */
/** How the name of every stream of this context begins: a build by stream reads only these. */
export const WBS_STREAM_PREFIX = 'wbs-';
export const wbsStream = (trackingCode: string) => `${WBS_STREAM_PREFIX}${trackingCode}`;

type Key = { trackingCode: string };

/** What the reporter files: the filing command, its event and the read side's document all hold it. */
export interface FiledWbsReport {
  trackingCode: string;
  allegation: string;
  /** Who the allegation concerns: a position or a unit, free text. */
  concerning: string;
  when: string | null;
  where: string | null;
  evidenceUrls: string[];
  identity: WbsIdentity | null;
  /** scrypt hash of the follow secret; the secret itself is never stored. */
  followSecretHash: string;
}

export type WbsReportFiled = { type: 'WbsReportFiled'; data: FiledWbsReport & { on: string } };
export type WbsReportMoved = { type: 'WbsReportMoved'; data: Key & { from: WbsStatus; to: WbsStatus; reason: string; reference: string | null; on: string } };
export type WbsMessagePosted = { type: 'WbsMessagePosted'; data: Key & { from: 'REPORTER' | 'OFFICER'; text: string; on: string } };
export type WbsIdentityRead = { type: 'WbsIdentityRead'; data: Key & { reason: string; on: string } };

export type WbsEvent = WbsReportFiled | WbsReportMoved | WbsMessagePosted | WbsIdentityRead;

export const WBS_EVENT_TYPES = eventTypes<WbsEvent>({ WbsReportFiled: true, WbsReportMoved: true, WbsMessagePosted: true, WbsIdentityRead: true });
