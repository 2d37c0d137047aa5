import { EventStore, PostgresEventStore } from '@app/event-store';
import { openReadModelDataSource, Projections, ReadModel } from '@app/projections';
import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { appendInterleavedLog } from '../testing/interleaved-log';
import { dashboardsProjection } from './dashboards.projection';

const MODELS = dashboardsProjection.readModels as Array<ReadModel<object>>;

/**
 * The dashboards apply a batch on rows held in memory; whatever the batch size, the tables must
 * end as applying the events one at a time leaves them.
 */
describe('the dashboards projection in batches', () => {
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

  async function build(batchSize: number): Promise<object[][]> {
    await testDatabase.database.pool.query('DELETE FROM kl_projection_checkpoints; DELETE FROM kl_projections').catch(() => undefined);
    const dataSource = await openReadModelDataSource(testDatabase.database, [dashboardsProjection]);
    const projections = new Projections(testDatabase.database, store, dataSource, [dashboardsProjection], { pollIntervalMs: 50, batchSize });
    try {
      await projections.initialise();
      projections.startRunners();
      expect(await projections.waitForPosition(last, 20000)).toBe(true);
      return await Promise.all(
        MODELS.map(async (model) => (await (await projections.reader(model)).find()).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))),
      );
    } finally {
      await projections.stopRunners();
      await dataSource.destroy();
    }
  }

  it('leaves the rows that one event at a time leaves', async () => {
    const oneByOne = await build(1);
    const inBatches = await build(1000);
    expect(oneByOne.every((rows) => rows.length > 0)).toBe(true);
    expect(inBatches).toEqual(oneByOne);
  });
});
