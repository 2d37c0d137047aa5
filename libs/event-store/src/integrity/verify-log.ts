import { EventStore, RecordedEvent } from '../event-store';
import { chainHash, GENESIS_HASH, HashedFields } from '../hash-chain';
import { comparePositions } from '../position';
import { checkpointHash, IntegrityCheckpoint } from './integrity-checkpoints';

export interface LogVerification {
  valid: boolean;
  events: number;
  streams: number;
  /** Streams whose chain breaks, with the first revision that does not match. */
  invalidStreams: Array<{ stream: string; firstInvalidRevision: number }>;
  checkpoints: number;
  /** The first checkpoint the log no longer reproduces. */
  firstInvalidCheckpoint?: number;
}

/**
 * One pass over the whole global log: every stream's hash chain (the log keeps each stream in
 * revision order) and every integrity checkpoint recomputed from the events it covers.
 */
export function verifyLog(store: EventStore, checkpoints: IntegrityCheckpoint[], pageSize = 1000): Promise<LogVerification> {
  return verifyEvents(pagesOf(store, pageSize), checkpoints);
}

async function* pagesOf(store: EventStore, pageSize: number): AsyncIterable<RecordedEvent[]> {
  for (let after: string | null = null; ;) {
    const page = await store.readAll({ after, limit: pageSize });
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].position;
  }
}

/** What verification reads of an event: the hashed fields, the stored hash, the log position. */
export type VerifiableEvent = HashedFields & { hash: string; position: string };

/**
 * The same pass over any source of the log in log order (the store, or a file being imported):
 * the caller guarantees the order, this checks chains and checkpoints.
 */
export async function verifyEvents(pages: AsyncIterable<VerifiableEvent[]>, checkpoints: IntegrityCheckpoint[]): Promise<LogVerification> {
  const streams = new Map<string, { previousHash: string; nextRevision: number; invalidAt?: number }>();
  let events = 0;
  let checkpointIndex = 0;
  let firstInvalidCheckpoint: number | undefined;
  let previousCheckpointHash = GENESIS_HASH;
  let pending: string[] = [];

  const closeCheckpoints = (upTo: string | null) => {
    while (checkpointIndex < checkpoints.length && (upTo === null || comparePositions(checkpoints[checkpointIndex].position, upTo) <= 0)) {
      const checkpoint = checkpoints[checkpointIndex];
      const expected = checkpointHash(previousCheckpointHash, pending);
      if (firstInvalidCheckpoint === undefined && (expected !== checkpoint.hash || pending.length !== checkpoint.events)) {
        firstInvalidCheckpoint = checkpoint.sequence;
      }
      previousCheckpointHash = checkpoint.hash;
      pending = [];
      checkpointIndex++;
      if (upTo !== null && comparePositions(checkpoint.position, upTo) === 0) return;
    }
  };

  for await (const page of pages) {
    for (const event of page) {
      events++;
      const chain = streams.get(event.stream) ?? { previousHash: GENESIS_HASH, nextRevision: 0 };
      // What the content implies, not what is stored: checkpoints are recomputed from these,
      // so a rewrite shows even where the stored hash column was left untouched.
      const computed = chainHash(chain.previousHash, event);
      if (chain.invalidAt === undefined && (event.revision !== chain.nextRevision || computed !== event.hash)) {
        chain.invalidAt = chain.nextRevision;
      }
      chain.previousHash = computed;
      chain.nextRevision = event.revision + 1;
      streams.set(event.stream, chain);
      pending.push(computed);
      closeCheckpoints(event.position);
    }
  }
  // Checkpoints beyond the end of the log cover events that are gone.
  if (checkpointIndex < checkpoints.length && firstInvalidCheckpoint === undefined) firstInvalidCheckpoint = checkpoints[checkpointIndex].sequence;

  const invalidStreams = [...streams.entries()]
    .filter(([, chain]) => chain.invalidAt !== undefined)
    .map(([stream, chain]) => ({ stream, firstInvalidRevision: chain.invalidAt! }));
  return {
    valid: invalidStreams.length === 0 && firstInvalidCheckpoint === undefined,
    events,
    streams: streams.size,
    invalidStreams,
    checkpoints: checkpoints.length,
    ...(firstInvalidCheckpoint === undefined ? {} : { firstInvalidCheckpoint }),
  };
}
