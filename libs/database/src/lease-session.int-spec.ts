import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { Database } from './database';
import { PostgresDatabase } from './postgres-database';

/** Leases are session advisory locks; all of one process's leases share one session. */
describe('leases', () => {
  let testDatabase: TestDatabase;
  let first: Database;
  let second: Database;

  const advisoryLockHolders = async () =>
    (
      await testDatabase.database.pool.query<{ pid: number }>(
        "SELECT DISTINCT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      )
    ).rows.map((row) => row.pid);

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
  });
  beforeEach(() => {
    first = new PostgresDatabase({ connectionString: testDatabase.connectionString, applicationName: 'kl-lease-first' });
    second = new PostgresDatabase({ connectionString: testDatabase.connectionString, applicationName: 'kl-lease-second' });
  });
  afterEach(async () => {
    await first.close();
    await second.close();
  });
  afterAll(() => testDatabase.drop());

  it('holds every lease of a process on one server session', async () => {
    const leases = await Promise.all(['projection:a', 'projection:b', 'projection:c'].map((key) => first.tryAcquireLease(key)));
    expect(leases.every((lease) => lease !== null)).toBe(true);
    expect(await advisoryLockHolders()).toHaveLength(1);
  });

  it('gives a key to one holder at a time, in this process and across processes, and again once released', async () => {
    const held = await first.tryAcquireLease('projection:a');
    expect(held).not.toBeNull();
    expect(await first.tryAcquireLease('projection:a')).toBeNull();
    expect(await second.tryAcquireLease('projection:a')).toBeNull();
    await held!.release();
    await expect(held!.lost).resolves.toBeUndefined();
    expect(await second.tryAcquireLease('projection:a')).not.toBeNull();
  });

  it('loses every lease when the session ends, so another process takes the jobs over', async () => {
    const a = await first.tryAcquireLease('projection:a');
    const b = await first.tryAcquireLease('projection:b');
    await testDatabase.database.pool.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'kl-lease-first' AND pid <> pg_backend_pid()",
    );
    await Promise.all([a!.lost, b!.lost]);
    expect(await second.tryAcquireLease('projection:a')).not.toBeNull();
    expect(await second.tryAcquireLease('projection:b')).not.toBeNull();
    // The process that lost them opens a new session when it asks again.
    expect(await first.tryAcquireLease('projection:c')).not.toBeNull();
  });
});
