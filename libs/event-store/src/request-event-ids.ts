import { v5 as uuidV5 } from 'uuid';

/** Our own namespace for name-based (v5) UUIDs, so they cannot collide with anybody else's. */
const KINERJA_LEDGER_NAMESPACE = '6d3c1c3e-8f1b-4f5e-9a52-3b0c1f9a4d27';

/**
 * The ids of the events one request appends: the same request id gives the same ids, in order,
 * so the store recognises a retried append and a retried command finds its earlier events.
 */
export function eventIdsFor(requestId: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => uuidV5(`${requestId}/${index}`, KINERJA_LEDGER_NAMESPACE));
}

/**
 * Whether an event id is one eventIdsFor gives (a name-based, version 5 UUID), which a retried
 * request could be looking for; ids of appends without a request id are random (version 4).
 */
export const isRequestEventId = (id: string): boolean => id.charAt(14) === '5';

/** A resource id the server assigns (a finding's), stable across retries of the same request. */
export function resourceIdFor(requestId: string, kind: string): string {
  return uuidV5(`${requestId}/${kind}`, KINERJA_LEDGER_NAMESPACE);
}
