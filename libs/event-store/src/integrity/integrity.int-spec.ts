import { asSuperuser } from '../../../../test/support/as-superuser';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { chainHash, GENESIS_HASH } from '../hash-chain';
import { untilReadable } from '../testing/until-readable';
import { IntegrityCheckpoints } from './integrity-checkpoints';
import { verifyLog } from './verify-log';

const actor = { sub: 'u', roles: [] };

describe('integrity checkpoints and whole-log verification', () => {
  let testDatabase: TestDatabase;
  let store: PostgresEventStore;
  let now: Date;
  let checkpoints: IntegrityCheckpoints;

  beforeEach(async () => {
    testDatabase = await createTestDatabase();
    store = await PostgresEventStore.open(testDatabase.database);
    now = new Date('2026-01-01T00:00:00Z');
    checkpoints = new IntegrityCheckpoints(testDatabase.database, store, { maxEvents: 5, maxAgeMs: 60_000 }, () => now);
  });
  afterEach(async () => {
    await store.close();
    await testDatabase.drop();
  });

  async function append(stream: string, count: number) {
    let last = '';
    for (let i = 0; i < count; i++) last = (await store.appendToStream(stream, [{ type: 'Noted', data: { i }, metadata: { actor } }])).position;
    await untilReadable(store, last);
    return last;
  }

  it('checkpoints every maxEvents events, and the rest once maxAge has passed', async () => {
    await append('plan-A-2025', 7);
    await append('plan-B-2025', 5);
    expect(await checkpoints.checkpointIfDue()).toMatchObject({ sequence: 1, events: 5 });
    now = new Date(now.getTime() + 1000);
    expect(await checkpoints.checkpointIfDue()).toMatchObject({ sequence: 2, events: 5 });
    expect(await checkpoints.checkpointIfDue()).toBeNull();
    now = new Date(now.getTime() + 60_000);
    const head = await checkpoints.checkpointIfDue();
    expect(head).toMatchObject({ sequence: 3, events: 2 });
    expect(await checkpoints.head()).toEqual(head);
    expect(await checkpoints.checkpointIfDue()).toBeNull();
  });

  it('finds an untouched log valid, checkpoints included', async () => {
    await append('plan-A-2025', 6);
    await checkpoints.checkpointIfDue();
    await append('opd-DINKES', 3);
    expect(await verifyLog(store, await checkpoints.all(), 4)).toEqual({ valid: true, events: 9, streams: 2, invalidStreams: [], checkpoints: 1 });
  });

  it('names the stream and revision of a rewritten event, and the checkpoint it breaks', async () => {
    await append('plan-A-2025', 5);
    await append('plan-B-2025', 5);
    await checkpoints.checkpointIfDue();
    now = new Date(now.getTime() + 1000);
    await checkpoints.checkpointIfDue();
    await asSuperuser(testDatabase.database, `UPDATE kl_events SET data = '{"i": 40}' WHERE stream_name = 'plan-B-2025' AND stream_revision = 3`, []);
    expect(await verifyLog(store, await checkpoints.all())).toMatchObject({
      valid: false,
      invalidStreams: [{ stream: 'plan-B-2025', firstInvalidRevision: 3 }],
      firstInvalidCheckpoint: 2,
    });
  });

  it('detects a stream rewritten and re-chained consistently, through the published checkpoint', async () => {
    await append('plan-A-2025', 5);
    await checkpoints.checkpointIfDue();
    const events = await store.readStream('plan-A-2025');
    let previous = GENESIS_HASH;
    for (const event of events) {
      const data = event.revision === 1 ? { i: 100 } : event.data;
      previous = chainHash(previous, { ...event, data });
      await asSuperuser(testDatabase.database, 'UPDATE kl_events SET data = $1, hash = $2 WHERE stream_name = $3 AND stream_revision = $4', [
        JSON.stringify(data),
        previous,
        event.stream,
        event.revision,
      ]);
    }
    const fresh = await PostgresEventStore.open(testDatabase.database);
    const report = await verifyLog(fresh, await checkpoints.all());
    await fresh.close();
    expect(report.invalidStreams).toEqual([]);
    expect(report).toMatchObject({ valid: false, firstInvalidCheckpoint: 1 });
  });

  it('detects the removal of the newest events, which no stream chain can see, through a checkpoint', async () => {
    await append('plan-A-2025', 5);
    await checkpoints.checkpointIfDue();
    await asSuperuser(testDatabase.database, `DELETE FROM kl_events WHERE stream_name = 'plan-A-2025' AND stream_revision = 4`, []);
    await asSuperuser(testDatabase.database, `UPDATE kl_streams SET revision = 3 WHERE stream_name = 'plan-A-2025'`, []);
    const report = await verifyLog(store, await checkpoints.all());
    expect(report.invalidStreams).toEqual([]);
    expect(report).toMatchObject({ valid: false, firstInvalidCheckpoint: 1 });
  });
});
