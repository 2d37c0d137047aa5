import { unreachable } from '@app/decider';
import { WbsEvent, FiledWbsReport, WbsStatus } from './wbs.events';

/** A WBS event as the log hands it to the read side. */
export type StoredWbsEvent = WbsEvent & { recordedAt: string; revision: number };

export interface WbsMessage {
  from: 'REPORTER' | 'OFFICER';
  text: string | null;
  on: string;
}

/**
 * A report as the read side keeps it, the reporter's words and identity still sealed (opened
 * only for the officers, and the identity only through a reading). Who moved, wrote or read is
 * in the events' actors, never here: the reporter never sees an officer's name.
 */
export interface WbsDocument extends FiledWbsReport {
  status: WbsStatus;
  identityGiven: boolean;
  filedOn: string;
  closedOn: string | null;
  reference: string | null;
  moves: Array<{ from: WbsStatus; to: WbsStatus; reason: string; reference: string | null; on: string }>;
  messages: WbsMessage[];
  /** When the identity was read, and why (the why is the officers' only). */
  identityReadings: Array<{ on: string; reason: string | null }>;
  revision: number;
  updatedAt: string;
}

export function evolveWbsDocument(document: WbsDocument | null, event: StoredWbsEvent): WbsDocument | null {
  const stamp = { revision: event.revision, updatedAt: event.recordedAt };
  if (event.type === 'WbsReportFiled') {
    const { on, ...filing } = event.data;
    return {
      ...filing,
      status: 'RECEIVED',
      identityGiven: filing.identity !== null,
      filedOn: on,
      closedOn: null,
      reference: null,
      moves: [],
      messages: [],
      identityReadings: [],
      ...stamp,
    };
  }
  if (!document) return null;
  switch (event.type) {
    case 'WbsReportMoved': {
      const { from, to, reason, reference, on } = event.data;
      return {
        ...document,
        status: to,
        closedOn: to === 'CLOSED' ? on : document.closedOn,
        reference: reference ?? document.reference,
        moves: [...document.moves, { from, to, reason, reference, on }],
        ...stamp,
      };
    }
    case 'WbsMessagePosted':
      return { ...document, messages: [...document.messages, { from: event.data.from, text: event.data.text, on: event.data.on }], ...stamp };
    case 'WbsIdentityRead':
      return { ...document, identityReadings: [...document.identityReadings, { on: event.data.on, reason: event.data.reason }], ...stamp };
    default:
      return unreachable(event);
  }
}
