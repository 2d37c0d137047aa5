import {
  AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  ResolvedEvent,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { assertExpectedRevision, chainAppend, retriedAppendResult } from '../append-rules';
import { WrongExpectedRevisionError } from '../errors';
import {
  AppendOptions,
  AppendResult,
  ChainVerification,
  EventMetadata,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { pollGlobalLog, WakeSignal } from '../polling-subscription';
import { comparePositions, decodePosition, encodePosition, Position } from '../position';
import { prepareAppend, PreparedEvent } from '../prepare-append';

/** What we store as the EventStoreDB event's metadata: ours, plus the chain fields. */
interface StoredMetadata {
  metadata: EventMetadata;
  recordedAt: string;
  hash: string;
}

const MAX_CONFLICT_RETRIES = 10;

/**
 * The port on an EventStoreDB/KurrentDB cluster. The server gives the global order ($all,
 * commit/prepare positions) and per-stream optimistic concurrency; the hash chain is computed
 * here, from the stream's last event, and kept in the event's metadata. Subscriptions poll
 * $all with the same loop as the PostgreSQL adapter, so checkpoints (kept in PostgreSQL next
 * to the read models) work the same. Event ids are unique per stream only: EventStoreDB does
 * not index them globally, so reusing an id in another stream is not detected here.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly name = 'eventstoredb';
  private readonly wake = new WakeSignal();

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly clock: () => Date,
  ) {}

  static async connect(connectionString: string, clock: () => Date = () => new Date()): Promise<EventStoreDbEventStore> {
    const client = EventStoreDBClient.connectionString(connectionString);
    return new EventStoreDbEventStore(client, clock);
  }

  async appendToStream(stream: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    const prepared = prepareAppend(stream, events, expected);
    for (let attempt = 0; ; attempt++) {
      // One read serves both: the last event (revision and hash to chain from) and the recent
      // ones a retried append would be among.
      const recent = await this.readStream(stream, { direction: 'backwards', maxCount: Math.max(prepared.length * 4, 16) });
      const last = recent[0];
      const current = last ? last.revision : -1;
      const retried = retriedAppendResult(stream, prepared, knownAmong(recent, prepared));
      if (retried) return retried;
      assertExpectedRevision(stream, expected, current);
      const data = chainAppend(stream, prepared, current, last?.hash ?? GENESIS_HASH, this.clock().toISOString()).map((event) => {
        const metadata: StoredMetadata = { metadata: event.metadata, recordedAt: event.recordedAt, hash: event.hash };
        return jsonEvent({ id: event.id, type: event.type, data: event.data as never, metadata });
      });
      try {
        // The chain was computed on `current`: the server must still be there.
        const result = await this.client.appendToStream(stream, data, {
          expectedRevision: current === -1 ? NO_STREAM : BigInt(current),
        });
        this.wake.notify();
        return {
          stream,
          revision: Number(result.nextExpectedRevision),
          position: encodePosition(result.position!.commit, result.position!.prepare),
        };
      } catch (error) {
        const mayRetry = expected === 'any' || expected === 'stream_exists';
        if (!(error instanceof WrongExpectedVersionError) || !mayRetry || attempt >= MAX_CONFLICT_RETRIES) {
          if (error instanceof WrongExpectedVersionError) throw new WrongExpectedRevisionError(stream, expected, Number(error.actualVersion));
          throw error;
        }
      }
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      });
      for await (const resolved of read) events.push(toRecordedEvent(resolved));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? 500;
    const after = options.after ?? null;
    const fromPosition = after ? toEsdbPosition(after) : START;
    const events: RecordedEvent[] = [];
    // The start position is inclusive and system events are interleaved: read past both.
    const read = this.client.readAll({ fromPosition, direction: FORWARDS, maxCount: limit * 2 + 1 });
    for await (const resolved of read as AsyncIterable<AllStreamResolvedEvent>) {
      if (!isOurs(resolved)) continue;
      const event = toRecordedEvent(resolved);
      if (comparePositions(event.position, after) <= 0) continue;
      events.push(event);
      if (events.length === limit) break;
    }
    return events;
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent[]> {
    return pollGlobalLog((read) => this.readAll(read), this.wake, { ...options, pollIntervalMs: 500 });
  }

  async headPosition(): Promise<Position | null> {
    const read = this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1000 });
    for await (const resolved of read as AsyncIterable<AllStreamResolvedEvent>) {
      if (isOurs(resolved)) return toRecordedEvent(resolved).position;
    }
    return null;
  }

  async verifyStream(stream: string): Promise<ChainVerification> {
    return verifyChain(await this.readStream(stream));
  }

  async close(): Promise<void> {
    this.wake.notify();
    await this.client.dispose();
  }
}

/** The stored events that carry the append's ids, in the append's order. */
function knownAmong(recent: RecordedEvent[], prepared: PreparedEvent[]): RecordedEvent[] {
  const byId = new Map(recent.map((event) => [event.id, event]));
  return prepared.map((event) => byId.get(event.id)).filter((event) => event !== undefined);
}

function isOurs(resolved: ResolvedEvent): boolean {
  const event = resolved.event;
  return Boolean(event && !event.type.startsWith('$') && !event.streamId.startsWith('$') && event.isJson);
}

function toEsdbPosition(position: Position): { commit: bigint; prepare: bigint } {
  const [commit, prepare] = decodePosition(position);
  return { commit: BigInt(commit), prepare: BigInt(prepare) };
}

function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent {
  const event = resolved.event!;
  const stored = event.metadata as unknown as StoredMetadata;
  return {
    id: event.id,
    type: event.type,
    stream: event.streamId,
    revision: Number(event.revision),
    position: encodePosition(event.position!.commit, event.position!.prepare),
    recordedAt: stored.recordedAt,
    data: event.data,
    metadata: stored.metadata,
    hash: stored.hash,
  };
}
