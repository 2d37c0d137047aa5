import { EventStore, PostgresEventStore } from '@app/event-store';
import { openReadModelDataSource, Projection, Projections, ReadModel } from '@app/projections';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { findingReadModel, findingRegisterProjection } from './audit-finding/finding-register.projection';
import { opdReadModel, opdRegistryProjection } from './opd/opd-registry.projection';
import { planReadModel, planRegisterProjection } from './plan/plan-register.projection';
import { skpReadModel, skpRegisterProjection } from './skp/skp-register.projection';
import { appendInterleavedLog } from './testing/interleaved-log';

const PROJECTIONS: Projection[] = [opdRegistryProjection, planRegisterProjection, skpRegisterProjection, findingRegisterProjection];
const MODELS: Array<ReadModel<object>> = [opdReadModel, planReadModel, skpReadModel, findingReadModel];

/**
 * A build from position 0 reads the log stream by stream and writes each row once; it must
 * leave the same rows as the build in log order, a checkpoint at the head, and the events that
 * come after it applied as usual.
 */
describe('a build from position 0, stream by stream', () => {
  let testDatabase: TestDatabase;
  let store: EventStore;
  let last: string;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    store = await PostgresEventStore.open(testDatabase.database, { pollIntervalMs: 50 });
    last = await appendInterleavedLog(store);
  });
  afterAll(async () => {
    await store.close();
    await testDatabase.drop();
  });

  async function build(byStream: boolean, after?: () => Promise<string>): Promise<{ rows: object[][]; positions: Array<string | null> }> {
    await testDatabase.database.pool.query('DELETE FROM kl_projection_checkpoints; DELETE FROM kl_projections').catch(() => undefined);
    const reading: EventStore = byStream ? store : Object.assign(Object.create(store) as EventStore, { readByStream: undefined });
    const dataSource = await openReadModelDataSource(testDatabase.database, PROJECTIONS);
    const projections = new Projections(testDatabase.database, reading, dataSource, PROJECTIONS, { pollIntervalMs: 50, batchSize: 3 });
    try {
      await projections.initialise();
      projections.startRunners();
      expect(await projections.waitForPosition(last, 20000)).toBe(true);
      if (after) expect(await projections.waitForPosition(await after(), 20000)).toBe(true);
      const rows = await Promise.all(
        MODELS.map(async (model) => (await (await projections.reader(model)).find()).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))),
      );
      const positions = (await projections.status()).map((status) => status.position);
      return { rows, positions };
    } finally {
      await projections.stopRunners();
      await dataSource.destroy();
    }
  }

  it('leaves the rows of the build in log order, and goes on from the head', async () => {
    const inLogOrder = await build(false);
    const readByStream = jest.spyOn(store as PostgresEventStore, 'readByStream');
    const byStream = await build(true);
    expect(readByStream).toHaveBeenCalled();
    readByStream.mockRestore();
    expect(byStream.rows).toEqual(inLogOrder.rows);
    expect(byStream.rows.every((rows) => rows.length > 0)).toBe(true);
    expect(byStream.positions).toEqual(inLogOrder.positions);
  });

  it('applies in log order what comes after the head it built to', async () => {
    const renamed = () =>
      store
        .appendToStream('opd-OPD-B', [{ type: 'OpdRenamed', data: { code: 'OPD-B', name: 'Unit B baru' }, metadata: { actor: { sub: 'tester', roles: [] } } }])
        .then((result) => result.position);
    const { rows } = await build(true, renamed);
    expect(rows[0]).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'OPD-B', name: 'Unit B baru', revision: 1 })]));
  });
});
