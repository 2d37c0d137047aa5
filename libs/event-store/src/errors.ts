import { ExpectedRevision } from './event-store';

/** Base of every error the event store raises on purpose; anything else is a fault. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${stream} is at revision ${actual}, expected ${String(expected)}`);
  }
}

export type InvalidAppendReason =
  'EMPTY_APPEND' | 'INVALID_STREAM_NAME' | 'INVALID_EVENT_TYPE' | 'INVALID_EVENT_ID' | 'NOT_SERIALISABLE' | 'EVENT_TOO_LARGE' | 'INVALID_EXPECTED_REVISION';

/** The append was refused before anything was written. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';

  constructor(
    readonly reason: InvalidAppendReason,
    message: string,
  ) {
    super(message);
  }
}

/** Event ids that were already used for other events: not a retry of the same append. */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT';

  constructor(readonly stream: string) {
    super(`Some event ids of this append to ${stream} were already used by other events`);
  }
}

/**
 * An unpinned write lost the race for its stream on every attempt: other writers kept landing
 * first. Nothing was written; the client may send it again shortly (not a 412: it named no
 * revision).
 */
export class StreamContendedError extends EventStoreError {
  readonly code = 'STREAM_CONTENDED';

  constructor(
    readonly stream: string,
    readonly attempts: number,
  ) {
    super(`Stream ${stream} kept moving on: ${attempts} attempts lost the race`);
  }
}
