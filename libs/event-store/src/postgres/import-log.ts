import { Database, inTransaction, migrateSchema, SqlClient } from '@app/database';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { GENESIS_HASH } from '../hash-chain';
import { IntegrityCheckpoint } from '../integrity/integrity-checkpoints';
import { verifyEvents } from '../integrity/verify-log';
import { LogFileDecoder, LogFileEvent, LogFileHeader, LogFileRefusedError } from '../log-file/log-file';
import { comparePositions, decodePosition } from '../position';

export interface LogImport {
  events: number;
  streams: number;
  checkpoints: number;
  head: string | null;
  /** Transaction ids spent so that the server's next one is past the file's (see below). */
  transactionIdsAdvanced: number;
}

/** More than this, and the server's transaction ids would come near wraparound. */
const MAX_TRANSACTION_ID_ADVANCE = 1_000_000_000;
const EVENTS_PER_INSERT = 500;

/**
 * Loads an exported log (log-file.ts) into an empty PostgreSQL event store, keeping every
 * position and hash, so that the store verifies as the exported one did and every position a
 * client or a checkpoint holds still names the same event. Refuses (LogFileRefusedError, and
 * nothing is written) a store that is not empty and a file whose lines, digest, counts, order,
 * stream chains or checkpoints do not verify: the chains and checkpoints by the same
 * `verifyEvents` that npm run verify runs, in the one pass that loads the events.
 *
 * A position is (transaction id, sequence), and the log is read in that order and only below
 * the oldest running transaction id. The file's transaction ids come from the server it was
 * exported from; on a server whose ids are not past them yet, the imported events would be
 * invisible and new appends would sort before them. So the server's next transaction id is
 * first moved past the file's highest (committing empty transactions, about 250,000 a second),
 * and then one transaction inserts every event with its explicit transaction id and
 * sequence, the stream rows, the checkpoints, and moves the sequence past the last event.
 */
export async function importLog(
  database: Database,
  input: Readable,
  /** Loads a section in the import's transaction (a section no handler takes is refused). */
  onSection: (name: string, value: unknown, client: SqlClient) => Promise<void> = async (name) => {
    throw new LogFileRefusedError(`a section this import does not take: ${name}`);
  },
): Promise<LogImport> {
  await migrateSchema(database.pool);
  await refuseUnlessEmpty(database.pool);
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const decoder = new LogFileDecoder();
  const first = await lines.next();
  if (first.done) decoder.refuse('empty file');
  const header = decoder.decode(first.value as string) as LogFileHeader;
  const transactionIdsAdvanced = await advanceTransactionIds(database, header.head);

  return inTransaction(database.pool, async (client) => {
    await client.query('LOCK TABLE kl_streams, kl_events, kl_integrity_checkpoints IN EXCLUSIVE MODE');
    await refuseUnlessEmpty(client);
    const checkpoints: IntegrityCheckpoint[] = [];
    const streams = new Map<string, { revision: number; hash: string; transactionId: string }>();
    let events = 0;
    let last: string | null = null;
    let maxSequence = 0n;
    const sections: string[] = [];

    async function* pages(): AsyncIterable<LogFileEvent[]> {
      let page: LogFileEvent[] = [];
      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        const line = decoder.decode(next.value);
        if (line.kind === 'end') {
          const after = await lines.next();
          if (!after.done) decoder.decode(after.value);
          break;
        }
        if (line.kind === 'checkpoint') {
          if (events > 0) decoder.refuse('a checkpoint after the events');
          const { kind: _kind, ...checkpoint } = line;
          checkpoints.push(checkpoint);
          continue;
        }
        if (line.kind === 'section') {
          if (events > 0) decoder.refuse('a section after the events');
          sections.push(line.name);
          await onSection(line.name, line.value, client);
          continue;
        }
        if (line.kind !== 'event') return decoder.refuse('a second header');
        if (last !== null && comparePositions(line.position, last) <= 0) decoder.refuse('events out of log order');
        const stream = streams.get(line.stream);
        if (line.previousHash !== (stream?.hash ?? GENESIS_HASH))
          decoder.refuse(`previousHash of ${line.stream} at revision ${line.revision} is not its previous event's hash`);
        const [transactionId, sequence] = decodePosition(line.position);
        streams.set(line.stream, { revision: line.revision, hash: line.hash, transactionId });
        if (BigInt(sequence) > maxSequence) maxSequence = BigInt(sequence);
        last = line.position;
        events++;
        page.push(line);
        if (page.length === EVENTS_PER_INSERT) {
          await insertEvents(client, page);
          yield page;
          page = [];
        }
      }
      if (page.length) {
        await insertEvents(client, page);
        yield page;
      }
    }

    const verification = await verifyEvents(pages(), checkpoints);
    decoder.finish();
    if (events !== header.events || streams.size !== header.streams || checkpoints.length !== header.checkpoints) {
      decoder.refuse(
        `the header counts ${header.events} events, ${header.streams} streams and ${header.checkpoints} checkpoints; the file holds ${events}, ${streams.size} and ${checkpoints.length}`,
      );
    }
    if (sections.join(',') !== header.sections.join(','))
      decoder.refuse(`the header lists sections [${header.sections.join(', ')}]; the file holds [${sections.join(', ')}]`);
    if (last !== header.head) decoder.refuse(`the header names ${String(header.head)} as the head; the last event is at ${String(last)}`);
    for (const { stream, firstInvalidRevision } of verification.invalidStreams)
      decoder.refuse(`the chain of ${stream} breaks at revision ${firstInvalidRevision}`);
    if (verification.firstInvalidCheckpoint !== undefined) decoder.refuse(`checkpoint ${verification.firstInvalidCheckpoint} does not verify`);

    const { rows } = await client.query<{ behind: boolean }>('SELECT pg_current_xact_id() <= $1::xid8 AS behind', [last ? decodePosition(last)[0] : '0']);
    if (rows[0].behind) decoder.refuse("the server's transaction ids fell behind the file's during the import; run it again");
    await insertStreams(client, streams);
    await insertCheckpoints(client, checkpoints);
    if (events > 0) await client.query(`SELECT setval(pg_get_serial_sequence('kl_events', 'global_position'), $1)`, [maxSequence.toString()]);
    return { events, streams: streams.size, checkpoints: checkpoints.length, head: last, transactionIdsAdvanced };
  });
}

async function refuseUnlessEmpty(queryable: Pick<SqlClient, 'query'>): Promise<void> {
  const { rows } = await queryable.query<{ used: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM kl_events) OR EXISTS (SELECT 1 FROM kl_streams) OR EXISTS (SELECT 1 FROM kl_integrity_checkpoints) AS used`,
  );
  if (rows[0].used) throw new LogFileRefusedError('the event store is not empty: a log is imported into an empty store only');
}

/** Commits empty transactions until the server's next transaction id is past `head`'s. */
async function advanceTransactionIds(database: Database, head: string | null): Promise<number> {
  if (head === null) return 0;
  const [target] = decodePosition(head);
  const client = await database.pool.connect();
  try {
    const { rows } = await client.query<{ gap: string }>(`SELECT ($1::xid8::text::numeric - pg_current_xact_id()::text::numeric) AS gap`, [target]);
    // The query above spent one id; the import's own transaction takes the next.
    const gap = Math.max(0, Number(rows[0].gap) + 1);
    if (gap > MAX_TRANSACTION_ID_ADVANCE)
      throw new LogFileRefusedError(`the file's transaction ids are ${gap} ahead of this server's, more than ${MAX_TRANSACTION_ID_ADVANCE}`);
    if (gap > 0) {
      await client.query('SET synchronous_commit = off');
      await client.query(`DO $$ BEGIN FOR i IN 1 .. ${gap} LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`);
      await client.query('RESET synchronous_commit');
    }
    return gap;
  } finally {
    client.release();
  }
}

async function insertEvents(client: SqlClient, events: LogFileEvent[]): Promise<void> {
  const rows = events.map((event) => {
    const [transactionId, sequence] = decodePosition(event.position);
    return {
      global_position: sequence,
      transaction_id: transactionId,
      stream_name: event.stream,
      stream_revision: event.revision,
      event_id: event.id,
      event_type: event.type,
      data: event.data,
      metadata: event.metadata,
      recorded_at: event.recordedAt,
      hash: event.hash,
    };
  });
  await client.query(
    `INSERT INTO kl_events (global_position, transaction_id, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_at, hash)
     OVERRIDING SYSTEM VALUE
     SELECT global_position::bigint, transaction_id::xid8, stream_name, stream_revision, event_id::uuid, event_type, data, metadata, recorded_at::timestamptz, hash
       FROM jsonb_to_recordset($1::jsonb) AS r(global_position text, transaction_id text, stream_name text, stream_revision bigint, event_id text,
                                               event_type text, data jsonb, metadata jsonb, recorded_at text, hash text)`,
    [JSON.stringify(rows)],
  );
}

async function insertStreams(client: SqlClient, streams: Map<string, { revision: number; hash: string; transactionId: string }>): Promise<void> {
  const all = [...streams.entries()].map(([stream_name, stream]) => ({
    stream_name,
    revision: stream.revision,
    last_hash: stream.hash,
    last_transaction_id: stream.transactionId,
  }));
  for (let i = 0; i < all.length; i += EVENTS_PER_INSERT) {
    await client.query(
      `INSERT INTO kl_streams (stream_name, revision, last_hash, last_transaction_id)
       SELECT stream_name, revision, last_hash, last_transaction_id::xid8
         FROM jsonb_to_recordset($1::jsonb) AS r(stream_name text, revision bigint, last_hash text, last_transaction_id text)`,
      [JSON.stringify(all.slice(i, i + EVENTS_PER_INSERT))],
    );
  }
}

async function insertCheckpoints(client: SqlClient, checkpoints: IntegrityCheckpoint[]): Promise<void> {
  for (const checkpoint of checkpoints) {
    await client.query(`INSERT INTO kl_integrity_checkpoints (sequence, position, events, hash, previous_hash, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      checkpoint.sequence,
      checkpoint.position,
      checkpoint.events,
      checkpoint.hash,
      checkpoint.previousHash,
      checkpoint.recordedAt,
    ]);
  }
}
