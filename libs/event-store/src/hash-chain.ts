import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { ChainVerification, EventMetadata } from './event-store';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  stream: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: string;
}

/**
 * hash(n) = SHA-256(hash(n−1) ‖ canonical JSON of { stream, revision, type, data, metadata, recordedAt }),
 * the object written out with its keys in sorted order, as kl_append_batch writes it.
 */
export function chainHash(previousHash: string, event: HashedFields): string {
  const { stream, revision, type, data, metadata, recordedAt } = event;
  const canonical =
    `{"data":${canonicalJson(data)},"metadata":${canonicalJson(metadata)},"recordedAt":${JSON.stringify(recordedAt)},` +
    `"revision":${JSON.stringify(revision)},"stream":${JSON.stringify(stream)},"type":${JSON.stringify(type)}}`;
  return createHash('sha256')
    .update(previousHash + canonical, 'utf8')
    .digest('hex');
}

/**
 * Recomputes a stream's chain from its events in revision order. A missing revision, a changed
 * field or a changed stored hash all fail at the first revision concerned.
 */
export function verifyChain(events: Iterable<HashedFields & { hash: string }>): ChainVerification {
  let previous = GENESIS_HASH;
  let count = 0;
  let firstInvalidRevision: number | undefined;
  for (const event of events) {
    const expectedRevision = count++;
    if (firstInvalidRevision !== undefined) continue;
    if (event.revision !== expectedRevision || chainHash(previous, event) !== event.hash) {
      firstInvalidRevision = expectedRevision;
    }
    previous = event.hash;
  }
  return firstInvalidRevision === undefined ? { valid: true, events: count } : { valid: false, events: count, firstInvalidRevision };
}
