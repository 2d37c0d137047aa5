import { EventStore, RecordedEvent } from '@app/event-store';
import { normaliseTrackingCode, verifyFollowSecret } from './follow-secret';

/** How a kind of followed report is read from its own stream. */
export interface FollowedStream<Document extends { followSecretHash: string }, Stored> {
  stream(trackingCode: string): string;
  evolve(document: Document | null, event: Stored): Document | null;
}

/**
 * A complaint's or a WBS report's document, still sealed, for whoever holds its follow secret;
 * null for anyone else. Read from the report's own stream (a dozen events at most), so a report
 * is there the moment its filing is answered. A malformed code, an unknown one and a wrong secret
 * all cost the same scrypt and answer the same null: the caller's one 404.
 */
export async function followedReport<Document extends { followSecretHash: string }, Stored>(
  store: EventStore,
  kind: FollowedStream<Document, Stored>,
  trackingCodeParameter: string,
  followSecret: string | undefined,
): Promise<Document | null> {
  const trackingCode = normaliseTrackingCode(trackingCodeParameter);
  const events: RecordedEvent[] = trackingCode === null ? [] : await store.readStream(kind.stream(trackingCode));
  const document = events.reduce<Document | null>(
    (current, { type, data, recordedAt, revision }) => kind.evolve(current, { type, data, recordedAt, revision } as Stored),
    null,
  );
  const proven = await verifyFollowSecret(document?.followSecretHash ?? null, followSecret ?? '');
  return proven ? document : null;
}
