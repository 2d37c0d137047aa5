import { EventStore, PostgresEventStore, ProjectionEvent } from '@app/event-store';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { Projection } from './projection';
import { LogTail } from './log-tail';
import { CheckpointMovedError, ProjectionStateStore } from './projection-state';
import { Projections } from './projections';
import { openReadModelDataSource } from './read-model-data-source';
import { eventTally, eventTallyProjection } from './testing/event-tally.projection';

const actor = { sub: 'tester', roles: [] };
const tallied = (i: number) => ({ type: 'Tallied', data: { i }, metadata: { actor } });

/** A projection with no tables that notes what it was given: most of a process's runners see none of a write's events. */
function notingProjection(name: string, handles: string[], seen: ProjectionEvent[]): Projection {
  return {
    name,
    version: 1,
    readModels: [],
    handles,
    async apply(event) {
      seen.push(event);
    },
  };
}

describe('the log tail: one read of the live log for every runner of a process', () => {
  let testDatabase: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource | undefined;
  let projections: Projections | undefined;
  let pagesReadByRunners: number;

  /** The store as the runners see it, counting the pages they read themselves. */
  function counted(inner: PostgresEventStore): EventStore {
    return new Proxy(inner, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== 'readAllOf' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return (...args: unknown[]) => {
          pagesReadByRunners++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }

  async function open(list: Projection[]): Promise<Projections> {
    dataSource = await openReadModelDataSource(testDatabase.database, list);
    projections = new Projections(testDatabase.database, counted(store), dataSource, list, { pollIntervalMs: 50, batchSize: 25 });
    await projections.initialise();
    return projections;
  }

  async function append(stream: string, count: number) {
    let last;
    for (let i = 0; i < count; i++) last = await store.appendToStream(stream, [tallied(i)]);
    return last!;
  }

  beforeEach(async () => {
    pagesReadByRunners = 0;
    testDatabase = await createTestDatabase();
    store = await PostgresEventStore.open(testDatabase.database, { pollIntervalMs: 50 });
  });
  afterEach(async () => {
    await projections?.stopRunners();
    projections = undefined;
    await dataSource?.destroy();
    dataSource = undefined;
    await store.close();
    await testDatabase.drop();
  });

  it('feeds runners that follow the live log from the tail: they read no page of their own, and each gets only its types, once', async () => {
    const others: ProjectionEvent[] = [];
    const running = await open([eventTallyProjection(), notingProjection('test-others', ['Other'], others)]);
    running.startRunners();
    await running.waitForPosition((await append('tally-warm', 1)).position, 10000);
    pagesReadByRunners = 0;

    await append('tally-a', 20);
    const other = await store.appendToStream('other-x', [{ type: 'Other', data: {}, metadata: { actor } }]);
    const last = await append('tally-b', 5);
    expect(await running.waitForPosition(last.position, 10000)).toBe(true);

    expect(pagesReadByRunners).toBe(0);
    const tallies = await (await running.reader(eventTally)).find({ order: { stream: 'ASC' } });
    expect(tallies.map((tally) => [tally.stream, tally.count])).toEqual([
      ['tally-a', 20],
      ['tally-b', 5],
      ['tally-warm', 1],
    ]);
    expect(others.map((event) => event.position)).toEqual([other.position]);
    expect((await running.status()).every((status) => status.position === last.position)).toBe(true);
  });

  it('lets a runner further behind than the tail read the store until it has caught up', async () => {
    const before = await append('tally-before', 30);
    // The tail starts at the readable head, which a transaction open in another database of the
    // server holds back (the horizon is cluster-wide): until the 30 are readable, it would start
    // before them, and the runner would find them all in the tail.
    while (((await store.headPosition()) ?? '') < before.position) await new Promise((resolve) => setTimeout(resolve, 10));
    const running = await open([eventTallyProjection()]);
    running.startRunners();
    const last = await append('tally-after', 4);
    expect(await running.waitForPosition(last.position, 10000)).toBe(true);
    expect(pagesReadByRunners).toBeGreaterThan(0);
    const tallies = await (await running.reader(eventTally)).find({ order: { stream: 'ASC' } });
    expect(tallies.map((tally) => [tally.stream, tally.count])).toEqual([
      ['tally-after', 4],
      ['tally-before', 30],
    ]);
  });

  it('keeps only the last `capacity` events: a runner further behind is sent to the store', async () => {
    const tail = new LogTail(store, { capacity: 3, pageSize: 2 });
    tail.start();
    try {
      const tallies = new Set(['Tallied']);
      while (!tail.covers(null)) await new Promise((resolve) => setTimeout(resolve, 10));
      const positions: string[] = [];
      for (let i = 0; i < 5; i++) positions.push((await store.appendToStream('tally-a', [tallied(i)])).position);
      while ((tail.pageAfter(positions[3], 10, tallies)?.events.length ?? 0) === 0) await new Promise((resolve) => setTimeout(resolve, 10));

      expect(tail.covers(null)).toBe(false);
      expect(tail.pageAfter(positions[0], 10, tallies)).toBeUndefined();
      expect(tail.pageAfter(positions[1], 10, tallies)?.events.map((event) => event.position)).toEqual(positions.slice(2));
      expect(tail.pageAfter(positions[1], 2, tallies)).toEqual({ events: expect.any(Array), last: positions[3] });
      expect(tail.pageAfter(positions[1], 10, new Set(['Other']))).toEqual({ events: [], last: positions[4] });
      expect(tail.pageAfter(positions[4], 10, tallies)).toEqual({ events: [], last: null });
    } finally {
      await tail.stop();
    }
  });

  it('moves checkpoints of runners with nothing to apply together, and still refuses one that was moved meanwhile', async () => {
    const list = [notingProjection('test-one', ['One'], []), notingProjection('test-two', ['Two'], [])];
    await open(list);
    const state = new ProjectionStateStore(dataSource!);
    const [{ position: first }, { position: second }] = [await append('tally-a', 1), await append('tally-a', 1)];
    const moves = await Promise.allSettled([state.advanceAlone('test-one', 'a', null, first), state.advanceAlone('test-two', 'a', first, second)]);
    expect(moves[0].status).toBe('fulfilled');
    expect(moves[1]).toMatchObject({ status: 'rejected', reason: expect.any(CheckpointMovedError) });
    expect(await state.checkpoint('test-one', 'a')).toBe(first);
    expect(await state.checkpoint('test-two', 'a')).toBeNull();
  });
});
