import { assertExpectedRevision, chainAppend, retriedAppendResult } from '../append-rules';
import {
  AppendOptions,
  AppendResult,
  ChainVerification,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { pollGlobalLog, WakeSignal } from '../polling-subscription';
import { comparePositions, encodePosition, Position } from '../position';
import { prepareAppend } from '../prepare-append';

/**
 * The port in memory, for unit tests of handlers and projections. It follows the same contract
 * as the durable adapters (the contract suite runs against it too) and keeps nothing on exit.
 */
export class InMemoryEventStore implements EventStore {
  readonly name = 'in-memory';
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly wake = new WakeSignal();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async appendToStream(stream: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    const prepared = prepareAppend(stream, events, expected);
    const existing = this.streams.get(stream) ?? [];
    const current = existing.length - 1;

    const known = prepared.map((event) => this.byId.get(event.id)).filter((event) => event !== undefined);
    const retried = retriedAppendResult(stream, prepared, known);
    if (retried) return retried;
    assertExpectedRevision(stream, expected, current);

    const previousHash = existing.length ? existing[existing.length - 1].hash : GENESIS_HASH;
    const recorded = chainAppend(stream, prepared, current, previousHash, this.clock().toISOString()).map((event, index) => {
      const sequence = this.log.length + index + 1;
      return { ...event, position: encodePosition(sequence, sequence) };
    });
    this.log.push(...recorded);
    this.streams.set(stream, [...existing, ...recorded]);
    recorded.forEach((event) => this.byId.set(event.id, event));
    this.wake.notify();
    const last = recorded[recorded.length - 1];
    return { stream, revision: last.revision, position: last.position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events = this.streams.get(stream) ?? [];
    const limit = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (options.direction === 'backwards') {
      const from = options.fromRevision ?? Number.MAX_SAFE_INTEGER;
      return events
        .filter((event) => event.revision <= from)
        .reverse()
        .slice(0, limit);
    }
    const from = options.fromRevision ?? 0;
    return events.filter((event) => event.revision >= from).slice(0, limit);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? null;
    return this.log.filter((event) => comparePositions(event.position, after) > 0).slice(0, options.limit ?? 500);
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent[]> {
    return pollGlobalLog((read) => this.readAll(read), this.wake, { ...options, pollIntervalMs: 1000 });
  }

  async headPosition(): Promise<Position | null> {
    return this.log.length ? this.log[this.log.length - 1].position : null;
  }

  async verifyStream(stream: string): Promise<ChainVerification> {
    return verifyChain(this.streams.get(stream) ?? []);
  }

  async close(): Promise<void> {
    this.wake.notify();
  }
}
