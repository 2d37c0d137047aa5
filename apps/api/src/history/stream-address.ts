import { RecordedEvent } from '@app/event-store';
import { oneOfParameter } from '../http/one-of';
import { problem, ProblemException } from '../http/problem';

export const STREAM_TYPES = ['opd', 'plan', 'skp', 'lkjip', 'finding', 'zi', 'survey', 'gratification', 'complaint'] as const;
export type StreamType = (typeof STREAM_TYPES)[number];

const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** `{streamType}/{id}` as docs/api.md spells them (`plan/DINKES-2025`) to the stream's name. */
export function streamName(streamType: string, id: string): string {
  oneOfParameter('streamType', STREAM_TYPES, streamType);
  if (!RESOURCE_ID.test(id)) {
    throw new ProblemException(problem(400, 'VALIDATION_FAILED', 'Malformed resource id', { errors: [{ field: 'id', message: 'malformed' }] }));
  }
  return `${streamType}-${id}`;
}

/**
 * The OPD a stream belongs to: its own code for `opd`, the code before the year for `plan` and
 * `lkjip`, the OPD of the unit before the year for `zi` (`DINKES.PKM-STABAT-2025` is DINKES's;
 * a year's prerequisites, `zi/prerequisites-2025`, are no unit's), and the `opdCode` its first
 * event names for `skp`, `finding` and `survey`.
 */
export function owningOpd(streamType: string, id: string, events: RecordedEvent[]): string | undefined {
  if (streamType === 'opd') return id;
  if (streamType === 'plan' || streamType === 'lkjip') return id.replace(/-\d{4}$/, '');
  if (streamType === 'zi') return id.replace(/-\d{4}$/, '').split('.')[0];
  // Who in a unit reported a gift is the UPG's business, not the unit's; a complaint's history is
  // the reporter's words: both the inspectorate's only (the unit reads its complaints through the list).
  if (streamType === 'gratification' || streamType === 'complaint') return undefined;
  const first = events[0]?.data as { opdCode?: unknown } | undefined;
  return typeof first?.opdCode === 'string' ? first.opdCode : undefined;
}

/**
 * Fields a history never shows, whoever reads it: how to reach a complaint's reporter (the
 * desk's alone) and what its follow secret hashes to.
 */
const WITHHELD: Partial<Record<StreamType, readonly string[]>> = { complaint: ['contact', 'followSecretHash'] };

export function withoutWithheld(streamType: string, data: unknown): unknown {
  const fields = WITHHELD[streamType as StreamType];
  if (!fields || typeof data !== 'object' || data === null) return data;
  return Object.fromEntries(Object.entries(data).filter(([field]) => !fields.includes(field)));
}
