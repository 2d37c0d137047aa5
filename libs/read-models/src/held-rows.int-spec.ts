import { EventStore, PostgresEventStore, ProjectionEvent } from '@app/event-store';
import { defineReadModel, openReadModelDataSource, Projection, Projections } from '@app/projections';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { rowsPerStream } from './row-per-stream';

interface TotalRow {
  stream: string;
  total: number;
  revision: number;
}

const totals = defineReadModel<TotalRow>({
  name: 'test_held_total',
  columns: { stream: { type: 'text', primary: true }, total: { type: 'int' }, revision: { type: 'int' } },
});

const actor = { sub: 'tester', roles: [] };
const added = (add: number, failOnce = false) => ({ type: 'Added', data: { add, failOnce }, metadata: { actor } });

/**
 * A leaseholder keeps the rows it committed (HeldRows) and folds its next batch from them. A
 * batch that fails after writing its rows must leave nothing of them held: were they held as
 * written, the batch taken again would find its events already reflected and skip them, and
 * the table would keep the row from before.
 */
describe('rows held by a leaseholder between batches', () => {
  let testDatabase: TestDatabase;
  let store: EventStore;
  let dataSource: DataSource;
  let projections: Projections;
  const failures: unknown[] = [];
  let failed = false;
  const fold = rowsPerStream(
    totals,
    (event: ProjectionEvent) => ({ stream: event.stream }),
    (row, event) => ({ stream: event.stream, total: (row?.total ?? 0) + (event.data as { add: number }).add, revision: event.revision }),
  );
  const projection: Projection = {
    name: 'test-held-total',
    version: 1,
    readModels: [totals],
    handles: ['Added'],
    apply: (event, target) => fold([event], target),
    async applyBatch(events, target) {
      await fold(events, target);
      if (!failed && events.some((event) => (event.data as { failOnce: boolean }).failOnce)) {
        failed = true;
        throw new Error('the batch fails after its rows were written');
      }
    },
  };

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    store = await PostgresEventStore.open(testDatabase.database, { pollIntervalMs: 50 });
    dataSource = await openReadModelDataSource(testDatabase.database, [projection]);
    projections = new Projections(testDatabase.database, store, dataSource, [projection], {
      pollIntervalMs: 50,
      onError: (error) => failures.push(error),
    });
    await projections.initialise();
    projections.startRunners();
  });
  afterAll(async () => {
    await projections.stopRunners();
    await dataSource.destroy();
    await store.close();
    await testDatabase.drop();
  });

  const rowOf = async (stream: string) => (await projections.reader(totals)).findOneBy({ stream });

  it('folds the next batch from what was committed, not from a batch that failed', async () => {
    const first = await store.appendToStream('total-x', [added(1)]);
    expect(await projections.waitForPosition(first.position, 10000)).toBe(true);
    expect(await rowOf('total-x')).toEqual({ stream: 'total-x', total: 1, revision: 0 });

    const second = await store.appendToStream('total-x', [added(10, true)]);
    expect(await projections.waitForPosition(second.position, 10000)).toBe(true);
    expect(failures).toHaveLength(1);
    expect(await rowOf('total-x')).toEqual({ stream: 'total-x', total: 11, revision: 1 });

    const third = await store.appendToStream('total-x', [added(100)]);
    expect(await projections.waitForPosition(third.position, 10000)).toBe(true);
    expect(await rowOf('total-x')).toEqual({ stream: 'total-x', total: 111, revision: 2 });
  });
});
