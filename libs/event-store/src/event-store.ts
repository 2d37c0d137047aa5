import { Actor } from '@app/decider';
import { Position } from './position';
import { StreamCacheStatistics } from './stream-cache';

export interface EventMetadata {
  actor: Actor;
  /** Why the change was made; required by the domain for corrections, returns, renames … */
  reason?: string;
  correlationId: string;
  causationId: string | null;
  [extra: string]: unknown;
}

export type NewEventMetadata = Omit<EventMetadata, 'correlationId' | 'causationId'> & {
  correlationId?: string;
  causationId?: string | null;
};

export interface NewEvent<Type extends string = string, Data = unknown> {
  /** A retried append with the same ids is recognised and answered with the first result. */
  id?: string;
  type: Type;
  data: Data;
  metadata: NewEventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  stream: string;
  /** 0-based position in the stream. */
  revision: number;
  /** Opaque, comparable position in the global log. */
  position: Position;
  /** ISO 8601 instant, as hashed. */
  recordedAt: string;
  data: Data;
  metadata: EventMetadata;
  /** SHA-256 chain value of this event (see hash-chain.ts). */
  hash: string;
}

/**
 * An event as a projection reads it: without its metadata and hash, which no read model uses
 * and which are a third of its JSON. A rebuild parses every event of the log, most of them
 * twice (the SKP register and the dashboards), and what it parses outlives the young generation.
 */
export type ProjectionEvent<Type extends string = string, Data = unknown> = Omit<RecordedEvent<Type, Data>, 'metadata' | 'hash'>;

/**
 * What the caller knows about the stream: its exact last revision, that it must not exist yet,
 * that it must exist, or nothing (`any`).
 */
export type ExpectedRevision = number | 'any' | 'no_stream' | 'stream_exists';

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  stream: string;
  /** The stream's revision after the append: the revision of its last event. */
  revision: number;
  /** Global position of the last appended event. */
  position: Position;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive; null or absent reads from the very beginning. */
  after?: Position | null;
  limit?: number;
}

/** An event's place in the log and its hash-chain link. */
export interface EventHash {
  position: Position;
  hash: string;
}

export interface ReadAllOfOptions extends ReadAllOptions {
  /** The event types to answer; the others are passed over without being read. */
  types: readonly string[];
}

/** A page of the global log filtered by type, and how far it reached. */
export interface FilteredPage {
  /** The events of the types asked for among the next `limit` events of the log. */
  events: ProjectionEvent[];
  /** The position of the last of those `limit` events, of any type: where to read on from. Null when there were none. */
  last: Position | null;
}

export interface ReadByStreamOptions {
  types: readonly string[];
  /** Inclusive: only events at or before this position of the log. */
  upTo: Position;
  /** Exclusive: the stream and revision of the last event of the previous page. */
  after?: { stream: string; revision: number } | null;
  limit?: number;
  /** Only streams whose names begin with it (a context's streams, `skp-`): a store may then read only their part of the log. */
  streamPrefix?: string;
}

export interface SubscribeOptions extends ReadAllOptions {
  signal?: AbortSignal;
}

export interface ChainVerification {
  valid: boolean;
  events: number;
  firstInvalidRevision?: number;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * The event-store port. Every adapter passes the same contract suite
 * (`testing/event-store.contract.ts`).
 */
export interface EventStore {
  readonly name: string;
  appendToStream(stream: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** A stream that does not exist reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * The stream as this process last read it, without asking the database; undefined when it
   * holds no copy. Possibly short, when anyone appended since (this process too): a decision
   * made on it must be appended with the revision it saw, which then fails. Optional.
   */
  cachedStream?(stream: string): readonly RecordedEvent[] | undefined;
  /**
   * A batch of the global log after `after`, in an order that never changes and never skips
   * an event that commits later.
   */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * `readAll`'s page with each event's position and hash only: what an integrity checkpoint
   * chains, without the events' data. Optional: a checkpointer without it reads `readAll`.
   */
  readAllHashes?(options?: ReadAllOptions): Promise<EventHash[]>;
  /**
   * `readAll` for a projection that wants a few event types only: the same page of the log, of
   * which only those types are read and parsed, as ProjectionEvents. Optional: a reader without
   * it filters `readAll`.
   */
  readAllOf?(options: ReadAllOfOptions): Promise<FilteredPage>;
  /**
   * The events of `types` up to a position of the log, stream after stream, each stream's in
   * revision order, as ProjectionEvents: what a rebuild reads to fold every stream whole and
   * write each row once. Optional. `upTo` must be readable (at or before `headPosition()`).
   */
  readByStream?(options: ReadByStreamOptions): Promise<ProjectionEvent[]>;
  /** Catches up from `after`, then follows the log live, one batch at a time. */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent[]>;
  /** The last position a subscriber can read now; null for an empty log. */
  headPosition(): Promise<Position | null>;
  /** Recomputes the stream's hash chain. */
  verifyStream(stream: string): Promise<ChainVerification>;
  /** How the in-process stream cache does, for adapters that keep one. */
  streamCacheStatistics?(): StreamCacheStatistics;
  close(): Promise<void>;
}
