import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { EventStore, PostgresEventStore } from '@app/event-store';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { Projections } from './projections';
import { openReadModelDataSource } from './read-model-data-source';
import { eventLedger, eventTally, eventTallyProjection } from './testing/event-tally.projection';

const ROOT = join(__dirname, '../../..');
const EVENTS = 300;
const actor = { sub: 'tester', roles: [] };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startProjectorProcess(connectionString: string): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, 'test/support/projector-child.ts')], {
    cwd: ROOT,
    env: { ...process.env, KL_CHILD_DATABASE_URL: connectionString, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    stdio: 'pipe',
  });
}

/**
 * A projector process is killed (SIGKILL) while a batch is half applied: its transaction has
 * written read-model rows but not committed. Another runner then finishes the job. Every event
 * must be applied exactly once. Apply a batch outside one transaction with its checkpoint and
 * the half batch survives the crash and is applied again: this test then fails.
 */
describe('a projector killed in the middle of a batch', () => {
  let testDatabase: TestDatabase;
  let store: EventStore;
  let child: ChildProcess | undefined;
  let dataSource: DataSource | undefined;
  let projections: Projections | undefined;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    store = await PostgresEventStore.open(testDatabase.database);
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await projections?.stopRunners();
    await dataSource?.destroy();
    await store.close();
    await testDatabase.drop();
  });

  it('loses no event and applies none twice', async () => {
    let last = '';
    for (let i = 0; i < EVENTS; i += 10) {
      const appended = await store.appendToStream(
        `tally-${i % 3}`,
        Array.from({ length: 10 }, (_, j) => ({ type: 'Tallied', data: { i: i + j }, metadata: { actor } })),
      );
      last = appended.position;
    }
    child = startProjectorProcess(testDatabase.connectionString);
    const pool = testDatabase.database.pool;

    // Wait for a committed batch, then for the next one to be well under way (a batch of 50
    // takes over half a second), and kill.
    const deadline = Date.now() + 40000;
    let killedMidBatch = false;
    while (Date.now() < deadline) {
      // The child creates the checkpoint table when it starts; until then the query fails.
      const { rows } = await pool
        .query<{ committed: boolean; writing: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM kl_projection_checkpoints WHERE position IS NOT NULL
                         AND clock_timestamp() - updated_at > interval '250 milliseconds') AS committed,
                EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = 'kl-projector-child'
                         AND backend_xid IS NOT NULL) AS writing`,
        )
        .catch(() => ({ rows: [] }));
      if (rows[0]?.committed && rows[0]?.writing) {
        child.kill('SIGKILL');
        killedMidBatch = true;
        break;
      }
      await sleep(5);
    }
    expect(killedMidBatch).toBe(true);
    await new Promise((resolve) => child!.once('exit', resolve));

    const projection = eventTallyProjection();
    dataSource = await openReadModelDataSource(testDatabase.database, [projection]);
    projections = new Projections(testDatabase.database, store, dataSource, [projection], { batchSize: 50, pollIntervalMs: 50 });
    const appliedByTheDeadProcess = await (await projections.reader(eventLedger)).count();
    expect(appliedByTheDeadProcess).toBeGreaterThan(0);
    expect(appliedByTheDeadProcess).toBeLessThan(EVENTS);

    // The server ends the dead session, and with it the lease, once it notices; the new runner
    // takes over then.
    projections.startRunners();
    expect(await projections.waitForPosition(last, 30000)).toBe(true);

    const rows = await (await projections.reader(eventLedger)).find();
    expect(rows).toHaveLength(EVENTS);
    expect(new Set(rows.map((row) => row.eventId)).size).toBe(EVENTS);
    const tallies = await (await projections.reader(eventTally)).find();
    expect(tallies.reduce((sum, tally) => sum + tally.count, 0)).toBe(EVENTS);
  }, 90000);
});
