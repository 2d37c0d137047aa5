import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { ProjectionEvent, RecordedEvent } from '../event-store';
import { untilReadable } from '../testing/until-readable';
import { PostgresEventStore } from './postgres-event-store';

const actor = { sub: 'writer', roles: ['test'] };
const TYPES = ['Wanted', 'AlsoWanted'];
/** What a projection reads of an event: all of it but the metadata and the hash. */
const projected = ({ metadata: _metadata, hash: _hash, ...event }: RecordedEvent): ProjectionEvent => event;

/**
 * readAllOf is readAll with the other types left unread, readAllHashes readAll with only each
 * event's position and hash: page after page they must answer what readAll does (filtered, as
 * projections read it, or in part), and reach as far as readAll does, horizon included.
 */
describe('PostgreSQL readAllOf and readAllHashes', () => {
  let testDatabase: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    store = await PostgresEventStore.open(testDatabase.database, { pollIntervalMs: 20 });
    let last = '';
    for (let i = 0; i < 40; i++) {
      const type = i % 7 === 0 ? 'Wanted' : i % 5 === 0 ? 'AlsoWanted' : 'Other';
      ({ position: last } = await store.appendToStream(`mixed-${i % 3}`, [
        { type, data: { i }, metadata: { actor } },
        ...(i % 4 === 0 ? [{ type: 'Other', data: { i, extra: true }, metadata: { actor } }] : []),
      ]));
    }
    await untilReadable(store, last);
  });
  afterAll(async () => {
    await store.close();
    await testDatabase.drop();
  });

  it.each([1, 3, 7, 100])('answers, %i events at a time, the pages of readAll filtered by type', async (limit) => {
    let after: string | null = null;
    const filtered: ProjectionEvent[] = [];
    for (;;) {
      const page = await store.readAllOf({ after, limit, types: TYPES });
      const all = await store.readAll({ after, limit });
      expect(page.events).toEqual(all.filter((event) => TYPES.includes(event.type)).map(projected));
      expect(page.last).toBe(all.at(-1)?.position ?? null);
      if (page.last === null) break;
      filtered.push(...page.events);
      after = page.last;
    }
    const everything = await store.readAll({ limit: 1000 });
    expect(filtered).toEqual(everything.filter((event) => TYPES.includes(event.type)).map(projected));
    expect(filtered.length).toBeGreaterThan(5);
  });

  it('answers with readByStream the same events, stream after stream, as projections read them', async () => {
    const everything = await store.readAll({ limit: 1000 });
    const upTo = everything.at(-1)!.position;
    const byStream: ProjectionEvent[] = [];
    for (let after: { stream: string; revision: number } | null = null; ;) {
      const page = await store.readByStream({ types: TYPES, upTo, after, limit: 4 });
      if (page.length === 0) break;
      byStream.push(...page);
      after = { stream: page.at(-1)!.stream, revision: page.at(-1)!.revision };
    }
    const expected = everything
      .filter((event) => TYPES.includes(event.type))
      .sort((a, b) => (a.stream === b.stream ? a.revision - b.revision : a.stream < b.stream ? -1 : 1))
      .map(projected);
    expect(byStream).toEqual(expected);
  });

  it.each([1, 7, 100])('answers with readAllHashes, %i events at a time, the positions and hashes of readAll', async (limit) => {
    for (let after: string | null = null; ;) {
      const hashes = await store.readAllHashes({ after, limit });
      const all = await store.readAll({ after, limit });
      expect(hashes).toEqual(all.map(({ position, hash }) => ({ position, hash })));
      if (hashes.length === 0) break;
      after = hashes.at(-1)!.position;
    }
  });

  it('stops where readAll stops: before a transaction still open', async () => {
    const raw = new Pool({ connectionString: testDatabase.connectionString, max: 2 });
    const open = await raw.connect();
    try {
      const head = (await store.readAll({ limit: 1000 })).at(-1)!.position;
      await open.query('BEGIN');
      await open.query(
        `SELECT * FROM kl_append_batch(ARRAY['held-1']::text[], ARRAY[-2]::bigint[], ARRAY[1]::int[], ARRAY[$1]::uuid[],
           ARRAY['Other']::text[], ARRAY['{}']::text[], ARRAY[$2]::text[], $3)`,
        [randomUUID(), JSON.stringify({ actor, causationId: null, correlationId: 'raw' }), new Date().toISOString()],
      );
      const later = await store.appendToStream('later-1', [{ type: 'Wanted', data: {}, metadata: { actor } }]);
      expect(await store.readAllOf({ after: head, limit: 10, types: TYPES })).toEqual({ events: [], last: null });
      expect(await store.readAllHashes({ after: head, limit: 10 })).toEqual([]);
      await open.query('COMMIT');
      await untilReadable(store, later.position);
      const page = await store.readAllOf({ after: head, limit: 10, types: TYPES });
      expect(page.events.map((event) => event.stream)).toEqual(['later-1']);
      expect(page.last).toBe(page.events[0].position);
    } finally {
      open.release();
      await raw.end();
    }
  });

  it.each([1, 2, 100])('answers with readByStream and a prefix only the streams whose names begin with it, %i events at a time', async (limit) => {
    const streams = ['ctx-1', 'ctx-2', 'ctx-a.b', 'ctxa-1', 'ct-1', 'ctx_b-1', 'a-ctx-1', 'ctx-z-9'];
    let last = '';
    for (const stream of streams) {
      if ((await store.readStream(stream)).length > 0) continue;
      ({ position: last } = await store.appendToStream(stream, [
        { type: 'Wanted', data: { stream }, metadata: { actor } },
        { type: 'Other', data: { stream }, metadata: { actor } },
        { type: 'AlsoWanted', data: { stream }, metadata: { actor } },
      ]));
    }
    if (last) await untilReadable(store, last);
    const upTo = (await store.headPosition())!;
    const read: ProjectionEvent[] = [];
    for (let after: { stream: string; revision: number } | null = null; ;) {
      const page = await store.readByStream({ types: TYPES, upTo, after, limit, streamPrefix: 'ctx-' });
      if (page.length === 0) break;
      read.push(...page);
      after = { stream: page.at(-1)!.stream, revision: page.at(-1)!.revision };
    }
    const names = read.map((event) => event.stream);
    expect([...new Set(names)].sort()).toEqual(['ctx-1', 'ctx-2', 'ctx-a.b', 'ctx-z-9']);
    // Each stream whole and in revision order, one after the other.
    expect(read.map((event) => `${event.stream} ${event.type} ${event.revision}`)).toEqual(
      [...new Set(names)].flatMap((stream) => [`${stream} Wanted 0`, `${stream} AlsoWanted 2`]),
    );
  });
});

/**
 * Where stream names sort by letters first and punctuation after (a server whose default
 * collation is linguistic), the names that begin with a prefix are not one range of the
 * primary key: a build must still read every one of them, and nothing else.
 */
describe('PostgreSQL readByStream, stream names in a linguistic collation', () => {
  let testDatabase: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    await (await PostgresEventStore.open(testDatabase.database)).close();
    // ICU's root order with punctuation ignored at the first level, as glibc's en_US orders.
    await testDatabase.database.pool.query(`CREATE COLLATION letters_first (provider = icu, locale = 'und-u-ka-shifted')`);
    await testDatabase.database.pool.query('ALTER TABLE kl_events ALTER COLUMN stream_name TYPE text COLLATE letters_first');
    store = await PostgresEventStore.open(testDatabase.database, { pollIntervalMs: 20 });
  });
  afterAll(async () => {
    await store.close();
    await testDatabase.drop();
  });

  it('answers every stream of the prefix, stream after stream, and no other', async () => {
    const streams = ['ctx-1', 'ctx-2', 'ctx-a.b', 'ctxa-1', 'ct-1', 'ctx_b-1', 'a-ctx-1', 'ctx-z-9'];
    let last = '';
    for (const stream of streams) ({ position: last } = await store.appendToStream(stream, [{ type: 'Wanted', data: { stream }, metadata: { actor } }]));
    await untilReadable(store, last);
    const { rows } = await testDatabase.database.pool.query<{ stream_name: string }>('SELECT stream_name FROM kl_events ORDER BY stream_name');
    // The premise: another unit's stream sorts between this prefix's.
    expect(rows.map((row) => row.stream_name).indexOf('ctxa-1')).toBeLessThan(rows.map((row) => row.stream_name).indexOf('ctx-z-9'));
    const upTo = (await store.headPosition())!;
    const read: string[] = [];
    for (let after: { stream: string; revision: number } | null = null; ;) {
      const page = await store.readByStream({ types: TYPES, upTo, after, limit: 1, streamPrefix: 'ctx-' });
      if (page.length === 0) break;
      read.push(...page.map((event) => event.stream));
      after = { stream: page.at(-1)!.stream, revision: page.at(-1)!.revision };
    }
    expect(read.sort()).toEqual(['ctx-1', 'ctx-2', 'ctx-a.b', 'ctx-z-9']);
  });
});
