import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { RecordedEvent } from '../event-store';
import { comparePositions } from '../position';
import { PostgresEventStore } from './postgres-event-store';

const actor = { sub: 'writer', roles: ['test'] };
const METADATA = JSON.stringify({ actor, causationId: null, correlationId: 'raw' });

/** Appends one event through the store's SQL function inside a transaction we control. */
async function rawAppend(client: PoolClient, stream: string): Promise<string> {
  const id = randomUUID();
  await client.query(
    `SELECT * FROM kl_append_batch(ARRAY[$1]::text[], ARRAY[-2]::bigint[], ARRAY[1]::int[], ARRAY[$2]::uuid[],
       ARRAY['RawAppended']::text[], ARRAY['{}']::text[], ARRAY[$3]::text[], $4)`,
    [stream, id, METADATA, new Date().toISOString()],
  );
  return id;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The property that makes projections trustworthy: a subscriber following the global log sees
 * every committed event exactly once, in an order that never changes, although transactions
 * take their sequence numbers in one order and commit in another, some roll back, and one stays
 * open for seconds. Remove the xmin horizon from readAll and the slow transaction's event is
 * skipped: this test then fails.
 */
describe('global log order under concurrent commits', () => {
  let testDatabase: TestDatabase;
  let store: PostgresEventStore;
  let raw: Pool;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    store = await PostgresEventStore.open(testDatabase.database, { pollIntervalMs: 20 });
    raw = new Pool({ connectionString: testDatabase.connectionString, max: 12 });
  });
  afterAll(async () => {
    await raw.end();
    await store.close();
    await testDatabase.drop();
  });

  it('delivers every committed event exactly once, in a stable order, skipping none', async () => {
    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    const seen: RecordedEvent[] = [];
    const controller = new AbortController();
    let slowCommitted = false;
    let committedWhileSlowOpen = 0;
    for (let i = 0; i < 20; i++) {
      const id = randomUUID();
      await store.appendToStream('before-1', [{ id, type: 'Written', data: { i }, metadata: { actor } }]);
      committed.add(id);
    }

    const subscriber = (async () => {
      for await (const batch of store.subscribeToAll({ signal: controller.signal, limit: 37 })) {
        seen.push(...batch);
      }
    })();

    // Takes its transaction id and its sequence number first, commits last.
    const slow = (async () => {
      const client = await raw.connect();
      try {
        await client.query('BEGIN');
        const id = await rawAppend(client, 'slow-1');
        await sleep(3000);
        await client.query('COMMIT');
        slowCommitted = true;
        committed.add(id);
      } finally {
        client.release();
      }
    })();
    await sleep(100);

    const rollbacks = Array.from({ length: 6 }, async (_, i) => {
      const client = await raw.connect();
      try {
        await client.query('BEGIN');
        const id = await rawAppend(client, `rolledback-${i}`);
        await sleep(50 + i * 100);
        await client.query('ROLLBACK');
        rolledBack.add(id);
      } finally {
        client.release();
      }
    });

    const writers = Array.from({ length: 16 }, async (_, writer) => {
      for (let i = 0; i < 40; i++) {
        const stream = i % 4 === 0 ? 'shared-1' : `writer-${writer}`;
        const id = randomUUID();
        await store.appendToStream(stream, [{ id, type: 'Written', data: { writer, i }, metadata: { actor } }]);
        committed.add(id);
        if (!slowCommitted) committedWhileSlowOpen++;
        if (i % 10 === 0) await sleep(5);
      }
    });

    await Promise.all([slow, ...rollbacks, ...writers]);
    const deadline = Date.now() + 20000;
    while (seen.length < committed.size && Date.now() < deadline) await sleep(20);
    await sleep(200);
    controller.abort();
    await subscriber;

    const seenIds = seen.map((event) => event.id);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    expect(new Set(seenIds)).toEqual(committed);
    rolledBack.forEach((id) => expect(seenIds).not.toContain(id));

    for (let i = 1; i < seen.length; i++) expect(comparePositions(seen[i - 1].position, seen[i].position)).toBeLessThan(0);

    const lastRevision = new Map<string, number>();
    for (const event of seen) {
      expect(event.revision).toBe((lastRevision.get(event.stream) ?? -1) + 1);
      lastRevision.set(event.stream, event.revision);
    }

    const reread: RecordedEvent[] = [];
    for (;;) {
      const batch = await store.readAll({ after: reread.at(-1)?.position ?? null, limit: 101 });
      if (!batch.length) break;
      reread.push(...batch);
    }
    expect(reread.map((event) => event.id)).toEqual(seenIds);
    // The test proves something only if later sequence numbers committed while the slow
    // transaction, holding an earlier one, was still open.
    expect(committedWhileSlowOpen).toBeGreaterThan(100);
  }, 60000);
});
