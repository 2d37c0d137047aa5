import { Database, inTransaction, migrateSchema, SqlPool } from '@app/database';
import { EventIdConflictError, WrongExpectedRevisionError } from '../errors';
import {
  AppendOptions,
  AppendResult,
  ChainVerification,
  EventHash,
  EventStore,
  ExpectedRevision,
  FilteredPage,
  NewEvent,
  ReadAllOfOptions,
  ReadAllOptions,
  ReadByStreamOptions,
  ProjectionEvent,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store';
import { deepFreeze } from '../deep-freeze';
import { GroupCommit } from '../group-commit';
import { verifyChain } from '../hash-chain';
import { pollGlobalLog, WakeSignal } from '../polling-subscription';
import { decodePosition, encodePosition, Position } from '../position';
import { prepareAppend, PreparedEvent } from '../prepare-append';
import { StreamCache, StreamCacheStatistics } from '../stream-cache';

interface PendingAppend {
  stream: string;
  expected: ExpectedRevision;
  events: PreparedEvent[];
}

type BatchOutcome =
  | { outcome: 'ok' | 'duplicate'; revision: number; position: Position }
  | { outcome: 'wrong_expected'; revision: number }
  | { outcome: 'id_conflict' | 'retry' };

/** The event as JSON text: parsed here, so that its size is known for the stream cache. */
interface EventRow {
  event: string;
}

/** An event's position as answered: both parts padded, so that the text's order is the log's. */
const POSITION_TEXT = `lpad(transaction_id::text, 20, '0') || '-' || lpad(global_position::text, 20, '0')`;

/** The next $3 events after the position ($1, $2), in log order; a reader keeps those below HORIZON (see readAll). */
const NEXT_EVENTS = `(SELECT * FROM kl_events
                WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
                ORDER BY transaction_id, global_position
                LIMIT $3) next_events`;

const BELOW_HORIZON = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

const PROJECTION_FIELDS = `'id', event_id, 'type', event_type, 'stream', stream_name, 'revision', stream_revision,
    'position', ${POSITION_TEXT},
    'recordedAt', to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'data', data`;

const EVENT_JSON = `json_build_object(${PROJECTION_FIELDS}, 'metadata', metadata, 'hash', hash)::text AS event`;

/**
 * A ProjectionEvent, typed json and not text: pg parses each row as it arrives, so its text is
 * garbage at once. Held as text until the whole page was in, every event's text outlived the
 * young generation and was promoted (1.8 GB of the 4.8 GB a rebuild of the 983,000 events of
 * bench:scale promoted, the parsed events another 1.9 GB with their metadata).
 */
const PROJECTION_EVENT = `json_build_object(${PROJECTION_FIELDS})`;

const UNIQUE_VIOLATION = '23505';

/** 64 MiB of event JSON, some 150 MiB of heap at most: the hot streams of a regency's year. */
export const DEFAULT_STREAM_CACHE_BYTES = 64 * 1024 * 1024;

const EXPECTED_CODES: Record<string, number> = { no_stream: -1, any: -2, stream_exists: -3 };

/** Out-of-order retries are rare (a stream contended across processes); a few always suffice. */
const MAX_ORDERING_RETRIES = 10;

export interface PostgresEventStoreOptions {
  pollIntervalMs?: number;
  /** Batches written at the same time; more overlaps network and fsync waits. */
  maxConcurrentBatches?: number;
  maxBatchSize?: number;
  /** Bytes (as JSON) of recently read streams kept in this process; 0 disables the cache. */
  streamCacheBytes?: number;
  /** Other processes hear of new events at most this much later than this one. */
  notifyDelayMs?: number;
  clock?: () => Date;
}

export class PostgresEventStore implements EventStore {
  readonly name = 'postgres';
  private readonly pool: SqlPool;
  /** Whether the server orders stream names byte by byte (see readByStream). */
  private streamNamesSortByBytes = false;
  private readonly groupCommit: GroupCommit<PendingAppend, BatchOutcome>;
  private readonly wake = new WakeSignal();
  private unlisten?: () => Promise<void>;
  private notifyTimer?: NodeJS.Timeout;
  private readonly notifyDelayMs: number;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly streamCache: StreamCache;

  private constructor(database: Database, options: PostgresEventStoreOptions) {
    this.pool = database.pool;
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.notifyDelayMs = options.notifyDelayMs ?? 10;
    this.streamCache = new StreamCache(options.streamCacheBytes ?? DEFAULT_STREAM_CACHE_BYTES);
    this.groupCommit = new GroupCommit((batch) => this.writeBatch(batch), {
      maxInFlight: options.maxConcurrentBatches ?? 2,
      maxBatchSize: options.maxBatchSize ?? 100,
    });
  }

  static async open(database: Database, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    await migrateSchema(database.pool);
    const store = new PostgresEventStore(database, options);
    store.streamNamesSortByBytes = await sortsByBytes(database.pool);
    store.unlisten = await database.listen('kl_events', () => store.wake.notify());
    return store;
  }

  async appendToStream(stream: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    const pending: PendingAppend = { stream, expected, events: prepareAppend(stream, events, expected) };
    for (let attempt = 0; ; attempt++) {
      const result = await this.groupCommit.submit(pending);
      switch (result.outcome) {
        case 'ok':
        case 'duplicate':
          return { stream, revision: result.revision, position: result.position };
        case 'wrong_expected':
          throw new WrongExpectedRevisionError(stream, expected, result.revision);
        case 'id_conflict':
          throw new EventIdConflictError(stream);
        case 'retry':
          if (attempt >= MAX_ORDERING_RETRIES) throw new Error(`Append to ${stream} kept losing the ordering race`);
      }
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const whole = !backwards && !options.fromRevision && options.maxCount === undefined;
    if (!whole && !this.streamCache.get(stream)) return this.readStreamRange(stream, options);
    const events = await this.readWholeStream(stream);
    if (backwards) {
      const from = options.fromRevision ?? Number.MAX_SAFE_INTEGER;
      return events
        .filter((event) => event.revision <= from)
        .reverse()
        .slice(0, options.maxCount);
    }
    const from = options.fromRevision ?? 0;
    return events.slice(from, options.maxCount === undefined ? undefined : from + options.maxCount);
  }

  private async readStreamRange(stream: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const { rows } = await this.pool.query<EventRow>({
      name: backwards ? 'kl_read_stream_backwards' : 'kl_read_stream_forwards',
      text: `SELECT ${EVENT_JSON} FROM kl_events
              WHERE stream_name = $1 AND stream_revision ${backwards ? '<=' : '>='} $2
              ORDER BY stream_revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
      values: [stream, from, options.maxCount ?? null],
    });
    return rows.map(toRecordedEvent);
  }

  cachedStream(stream: string): readonly RecordedEvent[] | undefined {
    return this.streamCache.get(stream)?.events;
  }

  streamCacheStatistics(): StreamCacheStatistics {
    return this.streamCache.statistics();
  }

  /** The cached events plus whatever the database has after them. */
  private async readWholeStream(stream: string, bypassCache = false): Promise<readonly RecordedEvent[]> {
    const entry = bypassCache ? undefined : this.streamCache.get(stream);
    const cached = entry?.events ?? [];
    const { rows } = await this.pool.query<EventRow>({
      name: 'kl_read_stream_after',
      text: `SELECT ${EVENT_JSON} FROM kl_events
              WHERE stream_name = $1 AND stream_revision > $2
              ORDER BY stream_revision`,
      values: [stream, cached.length - 1],
    });
    if (rows.length === 0) return cached;
    if (bypassCache) return rows.map(toRecordedEvent);
    // Shared by every later reader of this stream in this process: nobody may change them.
    const events = cached.concat(rows.map((row) => deepFreeze(toRecordedEvent(row))));
    const bytes = rows.reduce((total, row) => total + row.event.length, entry?.bytes ?? 0);
    this.streamCache.set(stream, { events, bytes });
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const [transactionId, position] = options.after ? decodePosition(options.after) : ['0', '0'];
    // Only transactions below the snapshot's xmin are certainly finished: an event of a
    // transaction still open, or committed after an event we already passed, cannot appear
    // behind the reader's back. This is what keeps subscribers from ever skipping an event.
    // The horizon is applied to the next `limit` events in log order rather than inside the
    // scan: events at or above it can only be a suffix of that list (the order starts with the
    // transaction id), and the planner then always walks the index in order instead of
    // collecting and sorting every later event.
    const { rows } = await this.pool.query<EventRow>({
      name: 'kl_read_all',
      text: `SELECT ${EVENT_JSON} FROM ${NEXT_EVENTS} WHERE ${BELOW_HORIZON} ORDER BY transaction_id, global_position`,
      values: [transactionId, position, options.limit ?? 500],
    });
    return rows.map(toRecordedEvent);
  }

  async readAllHashes(options: ReadAllOptions = {}): Promise<EventHash[]> {
    const [transactionId, position] = options.after ? decodePosition(options.after) : ['0', '0'];
    // readAll's page and horizon (see there), without the events' data.
    const { rows } = await this.pool.query<EventHash>({
      name: 'kl_read_all_hashes',
      text: `SELECT ${POSITION_TEXT} AS position, hash FROM ${NEXT_EVENTS} WHERE ${BELOW_HORIZON} ORDER BY transaction_id, global_position`,
      values: [transactionId, position, options.limit ?? 500],
    });
    return rows;
  }

  /**
   * The page `readAll` would answer, but only events of `types` are turned into JSON, sent and
   * parsed; the others answer nothing but the last one's position. A projection handling a few
   * types of a large log (plans beside a million SKP events) then reads a fraction of it.
   */
  async readAllOf(options: ReadAllOfOptions): Promise<FilteredPage> {
    const [transactionId, position] = options.after ? decodePosition(options.after) : ['0', '0'];
    const { rows } = await this.pool.query<{ event: ProjectionEvent | null; position: string }>({
      name: 'kl_read_all_of',
      text: `SELECT event, position FROM (
               SELECT CASE WHEN event_type = ANY($4::text[]) THEN ${PROJECTION_EVENT} END AS event,
                      ${POSITION_TEXT} AS position,
                      event_type = ANY($4::text[]) AS wanted, transaction_id, global_position,
                      row_number() OVER (ORDER BY transaction_id DESC, global_position DESC) AS from_end
                 FROM ${NEXT_EVENTS}
                WHERE ${BELOW_HORIZON}) visible
              WHERE wanted OR from_end = 1
              ORDER BY transaction_id, global_position`,
      values: [transactionId, position, options.limit ?? 500, options.types],
    });
    const events = rows.flatMap((row) => (row.event === null ? [] : [row.event]));
    return { events, last: rows.at(-1)?.position ?? null };
  }

  /**
   * On the primary key (stream, revision); `upTo` is below the horizon, so nothing at or before
   * it can still commit. With a prefix, where stream names sort byte by byte (C, POSIX, C.UTF-8:
   * the embedded cluster's, and the compose files' server), the prefix's streams are one range of
   * the primary key, and only that range is read: without it, a context with a few hundred events
   * (the units, the plans) walked the whole log's index and rows to find them, some 1M heap
   * fetches each.
   */
  async readByStream(options: ReadByStreamOptions): Promise<ProjectionEvent[]> {
    const [transactionId, position] = decodePosition(options.upTo);
    const prefix = options.streamPrefix ?? '';
    const end = this.streamNamesSortByBytes ? endOfPrefix(prefix) : null;
    const asked = options.after ?? { stream: '', revision: -1 };
    // Within a byte-wise range the names compare as JavaScript compares them.
    const after = end !== null && asked.stream < prefix ? { stream: prefix, revision: -1 } : asked;
    return inTransaction(this.pool, async (client) => {
      // The page is the primary key's next rows, in its order. Left to itself, over a regency's
      // log the planner read a page with a parallel index scan (65–71 ms a page of 2,000 events
      // where the plain scan takes 23–35), or, misjudging how many rows a prefix's range holds,
      // gathered the whole range in a bitmap and sorted it (2.6 s a page of SKPs); the range's
      // bounds are plain comparisons, which it judges from its statistics.
      await client.query('SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL enable_bitmapscan = off');
      const { rows } = await client.query<{ event: ProjectionEvent }>({
        name: end === null ? 'kl_read_by_stream' : 'kl_read_by_stream_in_range',
        text: `SELECT ${PROJECTION_EVENT} AS event FROM kl_events
                WHERE (stream_name, stream_revision) > ($1::text, $2::bigint)
                  AND ${end === null ? 'starts_with(stream_name, $7::text)' : 'stream_name >= $1::text AND stream_name < $7::text'}
                  AND event_type = ANY($3::text[])
                  AND (transaction_id, global_position) <= ($4::xid8, $5::bigint)
                ORDER BY stream_name, stream_revision
                LIMIT $6`,
        values: [after.stream, after.revision, options.types, transactionId, position, options.limit ?? 2000, end ?? prefix],
      });
      return rows.map((row) => row.event);
    });
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent[]> {
    return pollGlobalLog((read) => this.readAll(read), this.wake, { ...options, pollIntervalMs: this.pollIntervalMs });
  }

  async headPosition(): Promise<Position | null> {
    const { rows } = await this.pool.query<{ transaction_id: string; global_position: string }>({
      name: 'kl_head_position',
      // Two index-backed max() lookups; the equivalent ORDER BY … DESC LIMIT 1 lets the
      // planner scan and sort every event below the horizon.
      text: `SELECT last.transaction_id::text AS transaction_id,
                    (SELECT max(global_position) FROM kl_events WHERE transaction_id = last.transaction_id) AS global_position
               FROM (SELECT max(transaction_id) AS transaction_id FROM kl_events
                      WHERE ${BELOW_HORIZON}) last
              WHERE last.transaction_id IS NOT NULL`,
    });
    return rows.length ? encodePosition(rows[0].transaction_id, rows[0].global_position) : null;
  }

  /** Always from the database: verification is about what is stored now. */
  async verifyStream(stream: string): Promise<ChainVerification> {
    return verifyChain(await this.readWholeStream(stream, true));
  }

  async close(): Promise<void> {
    clearTimeout(this.notifyTimer);
    this.wake.notify();
    await this.unlisten?.();
  }

  private async writeBatch(batch: PendingAppend[]): Promise<BatchOutcome[]> {
    try {
      const outcomes = await this.callAppendFunction(batch);
      if (outcomes.some((outcome) => outcome.outcome === 'ok')) this.announceNewEvents();
      return outcomes;
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      if (batch.length === 1) return [{ outcome: 'id_conflict' }];
      // An append that reuses another stream's event id raced past the idempotency check and
      // aborted the whole batch. Rerun the appends one by one, so that only it fails.
      const outcomes: BatchOutcome[] = [];
      for (const append of batch) outcomes.push(...(await this.writeBatch([append])));
      return outcomes;
    }
  }

  /**
   * Wakes subscribers in this process at once, and those of other processes through NOTIFY.
   * The NOTIFY is not part of the append: a transaction that notifies holds a database-wide
   * lock through its commit, which would serialise every append's WAL flush. It is its own
   * statement, sent at most once per `notifyDelayMs` however many batches commit meanwhile
   * (one per append measured 30 % fewer appends/s). Subscribers poll as well, so a lost
   * notification only delays.
   */
  private announceNewEvents(): void {
    this.wake.notify();
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.pool.query({ name: 'kl_announce', text: "SELECT pg_notify('kl_events', '')" }).catch(() => undefined);
    }, this.notifyDelayMs);
    this.notifyTimer.unref();
  }

  private async callAppendFunction(batch: PendingAppend[]): Promise<BatchOutcome[]> {
    const events = batch.flatMap((append) => append.events);
    const recordedAt = this.clock().toISOString();
    const { rows } = await this.pool.query<{
      o_index: number;
      o_outcome: string;
      o_revision: string | null;
      o_position: string | null;
      o_transaction_id: string | null;
    }>({
      name: 'kl_append_batch',
      text: `SELECT o_index, o_outcome, o_revision, o_position, o_transaction_id::text AS o_transaction_id
               FROM kl_append_batch($1::text[], $2::bigint[], $3::int[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text)`,
      values: [
        batch.map((append) => append.stream),
        batch.map((append) => (typeof append.expected === 'number' ? append.expected : EXPECTED_CODES[append.expected])),
        batch.map((append) => append.events.length),
        events.map((event) => event.id),
        events.map((event) => event.type),
        events.map((event) => event.dataJson),
        events.map((event) => event.metadataJson),
        recordedAt,
      ],
    });
    const outcomes = new Array<BatchOutcome>(batch.length);
    for (const row of rows) {
      const index = Number(row.o_index);
      switch (row.o_outcome) {
        case 'ok':
        case 'duplicate':
          outcomes[index] = {
            outcome: row.o_outcome,
            revision: Number(row.o_revision),
            position: encodePosition(row.o_transaction_id!, row.o_position!),
          };
          break;
        case 'wrong_expected':
          outcomes[index] = { outcome: 'wrong_expected', revision: Number(row.o_revision) };
          break;
        default:
          outcomes[index] = { outcome: row.o_outcome as 'id_conflict' | 'retry' };
      }
    }
    return outcomes;
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return JSON.parse(row.event) as RecordedEvent;
}

/**
 * Whether `kl_events.stream_name` sorts by bytes (code points): only then do all names that begin
 * with a prefix lie in one range. Linguistic collations (en_US, ICU) order by letters first and
 * punctuation after, so `skp-…` and `skpa` interleave.
 */
async function sortsByBytes(pool: SqlPool): Promise<boolean> {
  const { rows } = await pool.query<{ name: string; collate: string | null; provider: string | null }>(
    `SELECT c.collname AS name,
            CASE WHEN c.collname = 'default' THEN d.datcollate ELSE c.collcollate END AS collate,
            CASE WHEN c.collname = 'default' THEN to_jsonb(d) ->> 'datlocprovider' ELSE c.collprovider::text END AS provider
       FROM pg_attribute a
       JOIN pg_collation c ON c.oid = a.attcollation
       JOIN pg_database d ON d.datname = current_database()
      WHERE a.attrelid = 'kl_events'::regclass AND a.attname = 'stream_name'`,
  );
  const [column] = rows;
  if (!column) return false;
  if (column.name === 'C' || column.name === 'POSIX' || column.name === 'ucs_basic') return true;
  const libcOrBuiltin = column.provider === null || column.provider === 'c' || column.provider === 'b';
  return libcOrBuiltin && /^(C|POSIX|C\.UTF-?8)$/i.test(column.collate ?? '');
}

/** The first name after every name that begins with `prefix`, byte by byte; null when there is none to give. */
function endOfPrefix(prefix: string): string | null {
  const last = prefix.charCodeAt(prefix.length - 1);
  if (prefix === '' || last >= 0x7f) return null;
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}
