import { EventIdConflictError, WrongExpectedRevisionError } from './errors';
import { AppendResult, ExpectedRevision, RecordedEvent } from './event-store';
import { chainHash, HashedFields } from './hash-chain';
import { PreparedEvent } from './prepare-append';

/**
 * The append rules for adapters that apply them in Node (in memory, EventStoreDB); the
 * PostgreSQL adapter applies the same rules inside its append function.
 */

/** `current` is the stream's last revision, -1 when it does not exist. */
export function assertExpectedRevision(stream: string, expected: ExpectedRevision, current: number): void {
  if (
    (typeof expected === 'number' && expected !== current) ||
    (expected === 'no_stream' && current !== -1) ||
    (expected === 'stream_exists' && current === -1)
  ) {
    throw new WrongExpectedRevisionError(stream, expected, current);
  }
}

/**
 * `known` are the already stored events that carry the append's ids, in the append's order.
 * None: a new append (null). All of them, consecutive in this stream: a retry, answered with
 * the first result. Anything else reuses ids for other events.
 */
export function retriedAppendResult(stream: string, prepared: PreparedEvent[], known: RecordedEvent[]): AppendResult | null {
  if (known.length === 0) return null;
  const isRetry = known.length === prepared.length && known.every((event, index) => event.stream === stream && event.revision === known[0].revision + index);
  if (!isRetry) throw new EventIdConflictError(stream);
  const last = known[known.length - 1];
  return { stream, revision: last.revision, position: last.position };
}

/** The events as they will be stored after revision `current`, each chained to the previous one. */
export function chainAppend(
  stream: string,
  prepared: PreparedEvent[],
  current: number,
  previousHash: string,
  recordedAt: string,
): Array<HashedFields & { id: string; hash: string }> {
  let hash = previousHash;
  return prepared.map((event, index) => {
    const fields = { stream, revision: current + 1 + index, type: event.type, data: event.data, metadata: event.metadata, recordedAt };
    hash = chainHash(hash, fields);
    return { ...fields, id: event.id, hash };
  });
}
