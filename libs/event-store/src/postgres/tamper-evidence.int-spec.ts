import { asSuperuser } from '../../../../test/support/as-superuser';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { PostgresEventStore } from './postgres-event-store';

const actor = { sub: 'user-1', roles: ['admin'] };

describe('tamper evidence of the PostgreSQL adapter', () => {
  let testDatabase: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    store = await PostgresEventStore.open(testDatabase.database);
  });
  afterAll(async () => {
    await store.close();
    await testDatabase.drop();
  });

  async function streamOfFive(name: string): Promise<void> {
    await store.appendToStream(
      name,
      Array.from({ length: 5 }, (_, i) => ({ type: 'TargetSet', data: { target: 90 + i }, metadata: { actor } })),
    );
  }

  it('refuses to update, delete or truncate events', async () => {
    await streamOfFive('plan-GUARD-2025');
    const pool = testDatabase.database.pool;
    await expect(pool.query(`UPDATE kl_events SET data = '{}' WHERE stream_name = 'plan-GUARD-2025'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM kl_events WHERE stream_name = 'plan-GUARD-2025'`)).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE kl_events')).rejects.toThrow(/append-only/);
    expect(await store.readStream('plan-GUARD-2025')).toHaveLength(5);
  });

  it('names the first revision whose data was rewritten', async () => {
    await streamOfFive('plan-EDIT-2025');
    await asSuperuser(testDatabase.database, `UPDATE kl_events SET data = '{"target": 10}' WHERE stream_name = $1 AND stream_revision = 2`, ['plan-EDIT-2025']);
    await expect(store.verifyStream('plan-EDIT-2025')).resolves.toEqual({ valid: false, events: 5, firstInvalidRevision: 2 });
  });

  it('names the revision of an event that was deleted from the middle', async () => {
    await streamOfFive('plan-DELETE-2025');
    await asSuperuser(testDatabase.database, 'DELETE FROM kl_events WHERE stream_name = $1 AND stream_revision = 3', ['plan-DELETE-2025']);
    await expect(store.verifyStream('plan-DELETE-2025')).resolves.toMatchObject({ valid: false, firstInvalidRevision: 3 });
  });

  it('detects a rewritten hash, which breaks the link to the next event', async () => {
    await streamOfFive('plan-REHASH-2025');
    await asSuperuser(testDatabase.database, `UPDATE kl_events SET hash = repeat('a', 64) WHERE stream_name = $1 AND stream_revision = 1`, [
      'plan-REHASH-2025',
    ]);
    await expect(store.verifyStream('plan-REHASH-2025')).resolves.toMatchObject({ valid: false, firstInvalidRevision: 1 });
  });
});
