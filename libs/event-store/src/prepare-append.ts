import { randomUUID } from 'node:crypto';
import { canonicalJson, storableJson } from './canonical-json';
import { InvalidAppendError } from './errors';
import { EventMetadata, ExpectedRevision, NewEvent } from './event-store';

/** `<category>-<id>`: a lower-case category (`plan`, `finding` …) and the resource's natural key. */
const STREAM_NAME = /^[a-z][a-z0-9_]*-[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.]{0,127}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const MAX_EVENT_BYTES = 1024 * 1024;

export interface PreparedEvent {
  id: string;
  type: string;
  /** The data as it will read back from storage. */
  readonly data: unknown;
  metadata: EventMetadata;
  /** Canonical JSON of `data` and `metadata`: what is stored and what is hashed. */
  dataJson: string;
  metadataJson: string;
}

/**
 * Everything an adapter must refuse before it writes anything, checked in one place so that
 * every adapter refuses the same appends with the same typed error.
 */
export function prepareAppend(stream: string, events: NewEvent[], expected: ExpectedRevision): PreparedEvent[] {
  if (typeof stream !== 'string' || !STREAM_NAME.test(stream)) {
    throw new InvalidAppendError('INVALID_STREAM_NAME', `Malformed stream name: ${JSON.stringify(stream)}`);
  }
  if (!isExpectedRevision(expected)) {
    throw new InvalidAppendError('INVALID_EXPECTED_REVISION', `Not an expected revision: ${String(expected)}`);
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('EMPTY_APPEND', `Nothing to append to ${stream}`);
  }
  const ids = events.map((event) => (event.id ?? randomUUID()).toLowerCase());
  if (ids.some((id) => !UUID.test(id)) || new Set(ids).size !== ids.length) {
    throw new InvalidAppendError('INVALID_EVENT_ID', 'Event ids must be UUIDs, unique within the append');
  }
  // Events appended together without a correlation id are correlated with the first of them.
  return events.map((event, index) => prepareEvent(ids[index], event, ids[0]));
}

function prepareEvent(id: string, event: NewEvent, defaultCorrelationId: string): PreparedEvent {
  if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) {
    throw new InvalidAppendError('INVALID_EVENT_TYPE', `Malformed event type: ${JSON.stringify(event.type)}`);
  }
  let dataJson: string;
  let metadata: EventMetadata;
  try {
    dataJson = storableJson(event.data);
    const raw = JSON.parse(storableJson(event.metadata ?? {})) as Partial<EventMetadata>;
    metadata = {
      ...raw,
      correlationId: raw.correlationId ?? defaultCorrelationId,
      causationId: raw.causationId ?? null,
    } as EventMetadata;
  } catch (error) {
    throw new InvalidAppendError('NOT_SERIALISABLE', `Event ${event.type} cannot be stored as JSON: ${(error as Error).message}`);
  }
  if (!metadata.actor || typeof metadata.actor.sub !== 'string' || !Array.isArray(metadata.actor.roles)) {
    throw new InvalidAppendError('NOT_SERIALISABLE', `Event ${event.type} has no actor in its metadata`);
  }
  const metadataJson = canonicalJson(metadata);
  const size = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
  if (size > MAX_EVENT_BYTES) {
    throw new InvalidAppendError('EVENT_TOO_LARGE', `Event ${event.type} is ${size} bytes; the limit is ${MAX_EVENT_BYTES}`);
  }
  // PostgreSQL's adapter sends the text and never needs the value: parsed only when asked for.
  let parsed: { data: unknown } | undefined;
  return {
    id,
    type: event.type,
    get data() {
      parsed ??= { data: JSON.parse(dataJson) };
      return parsed.data;
    },
    metadata,
    dataJson,
    metadataJson,
  };
}

function isExpectedRevision(value: unknown): value is ExpectedRevision {
  return value === 'any' || value === 'no_stream' || value === 'stream_exists' || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0);
}
