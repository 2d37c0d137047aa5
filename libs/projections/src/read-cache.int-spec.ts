import { EventStore, PostgresEventStore } from '@app/event-store';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { Projections, ProjectionsOptions } from './projections';
import { openReadModelDataSource } from './read-model-data-source';
import { eventTally, eventTallyProjection } from './testing/event-tally.projection';

const actor = { sub: 'tester', roles: [] };
const tallied = (i: number) => ({ type: 'Tallied', data: { i }, metadata: { actor } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two processes on one database: one runs the projection, the other only reads, through its cache. */
describe('the read cache across processes', () => {
  let testDatabase: TestDatabase;
  let store: EventStore;
  const opened: Array<{ projections: Projections; dataSource: DataSource }> = [];

  async function openProjections(options: ProjectionsOptions): Promise<Projections> {
    const projection = eventTallyProjection();
    const dataSource = await openReadModelDataSource(testDatabase.database, [projection]);
    const projections = new Projections(testDatabase.database, store, dataSource, [projection], { pollIntervalMs: 50, batchSize: 25, ...options });
    await projections.initialise();
    opened.push({ projections, dataSource });
    return projections;
  }

  const countIn = async (projections: Projections) => (await projections.findByKey(eventTally, { stream: 'tally-a' }))?.count;

  beforeEach(async () => {
    testDatabase = await createTestDatabase();
    store = await PostgresEventStore.open(testDatabase.database, { pollIntervalMs: 50 });
  });
  afterEach(async () => {
    for (const { projections, dataSource } of opened.splice(0)) {
      await projections.close();
      await dataSource.destroy();
    }
    await store.close();
    await testDatabase.drop();
  });

  it('answers a read that waited for a position (X-Min-Position) from that position on, with the poll far off', async () => {
    const runner = await openProjections({});
    const reader = await openProjections({ readCacheBytes: 1024 * 1024, checkpointPollMs: 60_000 });
    runner.startRunners();
    let last = await store.appendToStream('tally-a', [tallied(0)]);
    expect(await reader.waitForPosition(last.position, 10000)).toBe(true);
    expect(await countIn(reader)).toBe(1);
    expect(await countIn(reader)).toBe(1);
    expect(reader.readCacheStatistics()).toMatchObject({ hits: 1, misses: 1 });

    last = await store.appendToStream('tally-a', [tallied(1)], { expectedRevision: 0 });
    expect(await reader.waitForPosition(last.position, 10000)).toBe(true);
    expect(await countIn(reader)).toBe(2);
  });

  it('learns of another process moving a projection within a few polls', async () => {
    const runner = await openProjections({});
    const reader = await openProjections({ readCacheBytes: 1024 * 1024, checkpointPollMs: 50 });
    runner.startRunners();
    const first = await store.appendToStream('tally-a', [tallied(0)]);
    expect(await runner.waitForPosition(first.position, 10000)).toBe(true);
    expect(await countIn(reader)).toBe(1);

    const next = await store.appendToStream('tally-a', [tallied(1)], { expectedRevision: 0 });
    expect(await runner.waitForPosition(next.position, 10000)).toBe(true);
    const deadline = Date.now() + 2000;
    while ((await countIn(reader)) !== 2 && Date.now() < deadline) await sleep(10);
    expect(await countIn(reader)).toBe(2);
  });

  it('drops what it kept as soon as its own runner applies a batch, before any poll', async () => {
    const projections = await openProjections({ readCacheBytes: 1024 * 1024, checkpointPollMs: 60_000 });
    projections.startRunners();
    const first = await store.appendToStream('tally-a', [tallied(0)]);
    expect(await projections.waitForPosition(first.position, 10000)).toBe(true);
    expect(await countIn(projections)).toBe(1);

    await store.appendToStream('tally-a', [tallied(1)], { expectedRevision: 0 });
    const table = opened[0].dataSource.getRepository(eventTally.schemas.a);
    const deadline = Date.now() + 10000;
    while ((await table.findOneByOrFail({ stream: 'tally-a' })).count !== 2 && Date.now() < deadline) await sleep(5);
    // The commit is visible to other sessions a moment before the runner hears it completed.
    await sleep(50);
    expect(await countIn(projections)).toBe(2);
  });
});
