import { comparePositions, EventStore, PostgresEventStore } from '@app/event-store';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { Projection } from './projection';
import { Projections, ProjectionsOptions } from './projections';
import { openReadModelDataSource } from './read-model-data-source';
import { eventLedger, eventTally, eventTallyProjection } from './testing/event-tally.projection';

const actor = { sub: 'tester', roles: [] };
const tallied = (i: number) => ({ type: 'Tallied', data: { i }, metadata: { actor } });

describe('projections', () => {
  let testDatabase: TestDatabase;
  let store: EventStore;
  const opened: Array<{ projections: Projections; dataSource: DataSource }> = [];

  async function openProjections(projection: Projection, options: ProjectionsOptions = {}): Promise<Projections> {
    const dataSource = await openReadModelDataSource(testDatabase.database, [projection]);
    const projections = new Projections(testDatabase.database, store, dataSource, [projection], { pollIntervalMs: 50, batchSize: 25, ...options });
    await projections.initialise();
    opened.push({ projections, dataSource });
    return projections;
  }

  async function appendTallied(stream: string, count: number) {
    let last;
    for (let i = 0; i < count; i++) last = await store.appendToStream(stream, [tallied(i)]);
    return last!;
  }

  async function ledger(projections: Projections) {
    return (await projections.reader(eventLedger)).find();
  }

  beforeEach(async () => {
    testDatabase = await createTestDatabase();
    store = await PostgresEventStore.open(testDatabase.database, { pollIntervalMs: 50 });
  });
  afterEach(async () => {
    for (const { projections, dataSource } of opened.splice(0)) {
      await projections.stopRunners();
      await dataSource.destroy();
    }
    await store.close();
    await testDatabase.drop();
  });

  it('applies no more than a batch at once, after its pages grew over a stretch of events it does not handle', async () => {
    for (let i = 0; i < 200; i++) await store.appendToStream('other-x', [{ type: 'Ignored', data: {}, metadata: { actor } }]);
    const last = await appendTallied('tally-a', 60);
    // Readable before the tail starts, or it would start before them and serve them all in batches of its own.
    while (((await store.headPosition()) ?? '') < last.position) await new Promise((resolve) => setTimeout(resolve, 10));
    const tally = eventTallyProjection();
    const batches: number[] = [];
    const projections = await openProjections({
      ...tally,
      async applyBatch(events, target) {
        batches.push(events.length);
        for (const event of events) await tally.apply(event, target);
      },
    });
    projections.startRunners();
    expect(await projections.waitForPosition(last.position, 10000)).toBe(true);

    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(60);
    expect(Math.max(...batches)).toBeLessThanOrEqual(25);
    expect(await ledger(projections)).toHaveLength(60);
  });

  it('at the live end, applies the writes that follow a batch together after the interval, unless a read waits for them', async () => {
    const tally = eventTallyProjection();
    const batches: string[][] = [];
    const projections = await openProjections(
      {
        ...tally,
        async applyBatch(events, target) {
          batches.push(events.map((event) => event.position));
          for (const event of events) await tally.apply(event, target);
        },
      },
      // Longer than the test: only a read that waits may end it.
      { liveBatchIntervalMs: 600_000 },
    );
    projections.startRunners();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // An idle runner applies the first write at once: nothing waits for it but a poll of the checkpoint.
    const first = await appendTallied('tally-a', 1);
    while ((await projections.status())[0].position !== first.position) await new Promise((resolve) => setTimeout(resolve, 20));

    const second = await store.appendToStream('tally-a', [tallied(1)]);
    const third = await store.appendToStream('tally-b', [tallied(0)]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await projections.status())[0].position).toBe(first.position);
    expect(await projections.waitForPosition(third.position, 10000)).toBe(true);

    expect(batches).toEqual([[first.position], [second.position, third.position]]);
  });

  it('catches up with the log, then follows it live, applying each event once', async () => {
    await appendTallied('tally-a', 30);
    const projections = await openProjections(eventTallyProjection());
    projections.startRunners();
    const last = await appendTallied('tally-b', 12);
    await store.appendToStream('other-x', [{ type: 'Ignored', data: {}, metadata: { actor } }]);
    expect(await projections.waitForPosition(last.position, 10000)).toBe(true);

    const tallies = await (await projections.reader(eventTally)).find({ order: { stream: 'ASC' } });
    expect(tallies).toEqual([
      { stream: 'tally-a', count: 30, lastRevision: 29 },
      { stream: 'tally-b', count: 12, lastRevision: 11 },
    ]);
    const rows = await ledger(projections);
    expect(new Set(rows.map((row) => row.eventId)).size).toBe(42);
    expect(rows).toHaveLength(42);
  });

  it('answers false when the read models do not reach a position in time', async () => {
    const projections = await openProjections(eventTallyProjection());
    const last = await appendTallied('tally-a', 1);
    expect(await projections.waitForPosition(last.position, 200)).toBe(false);
  });

  it('rebuilds from position 0 into the idle slot while the serving slot keeps answering', async () => {
    const projections = await openProjections(eventTallyProjection());
    projections.startRunners();
    const last = await appendTallied('tally-a', 60);
    expect(await projections.waitForPosition(last.position, 10000)).toBe(true);
    const [before] = await projections.status();

    await projections.rebuild('test-event-tally');
    const countsDuringRebuild: number[] = [];
    for (;;) {
      const [status] = await projections.status();
      countsDuringRebuild.push((await (await projections.reader(eventTally)).findOneByOrFail({ stream: 'tally-a' })).count);
      if (!status.rebuilding) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const [after] = await projections.status();
    expect(after.activeSlot).not.toBe(before.activeSlot);
    expect(new Set(countsDuringRebuild)).toEqual(new Set([60]));
    expect(await ledger(projections)).toHaveLength(60);

    // The slot given up no longer follows the log: a read by key must come from the new one.
    const more = await appendTallied('tally-a', 1);
    expect(await projections.waitForPosition(more.position, 10000)).toBe(true);
    const row = await projections.findByKey(eventTally, { stream: 'tally-a' });
    expect(row).toEqual(await (await projections.reader(eventTally)).findOneBy({ stream: 'tally-a' }));
    expect(row).toMatchObject({ count: 61 });
    expect(await projections.findByKey(eventTally, { stream: 'tally-none' })).toBeNull();
  });

  it('notices a rebuild asked for while it waits between live batches with nothing to apply', async () => {
    // Written before the runner starts, so nothing hurries it: it applies them, then waits. Readable
    // before the tail starts: below the cluster's horizon, which another database's open
    // transaction holds back, a tail starting short of them would hold the last few for a batch
    // interval that nothing here hurries.
    const last = await appendTallied('tally-a', 30);
    while (((await store.headPosition()) ?? '') < last.position) await new Promise((resolve) => setTimeout(resolve, 10));
    const projections = await openProjections(eventTallyProjection(), { liveBatchIntervalMs: 600_000 });
    projections.startRunners();
    const caughtUp = Date.now() + 15_000;
    while (comparePositions((await projections.status())[0].position, last.position) < 0 && Date.now() < caughtUp) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [before] = await projections.status();
    expect(comparePositions(before.position, last.position)).toBe(0);

    await projections.rebuild('test-event-tally');
    const rebuilt = Date.now() + 15_000;
    while ((await projections.status())[0].rebuilding && Date.now() < rebuilt) await new Promise((resolve) => setTimeout(resolve, 20));
    const [after] = await projections.status();
    expect(after.activeSlot).not.toBe(before.activeSlot);
    expect(await ledger(projections)).toHaveLength(30);
  });

  it('switches a rebuilt slot in while writes keep coming faster than it applies them, however long its batches would wait for more', async () => {
    const projections = await openProjections(eventTallyProjection(), { liveBatchIntervalMs: 600_000 });
    projections.startRunners();
    const last = await appendTallied('tally-a', 30);
    expect(await projections.waitForPosition(last.position, 10000)).toBe(true);
    const [before] = await projections.status();

    await projections.rebuild('test-event-tally');
    const deadline = Date.now() + 15_000;
    let written = 0;
    while ((await projections.status())[0].rebuilding && Date.now() < deadline) {
      // As fast as the store takes them: faster than the runner applies a batch.
      await store.appendToStream('tally-b', [tallied(written++)]);
    }
    const [after] = await projections.status();
    expect(after.activeSlot).not.toBe(before.activeSlot);
    expect(written).toBeGreaterThan(0);
  });

  it('rebuilds when the projection version changes, and serves the old tables until then', async () => {
    const first = await openProjections(eventTallyProjection({ version: 1 }));
    first.startRunners();
    const last = await appendTallied('tally-a', 20);
    expect(await first.waitForPosition(last.position, 10000)).toBe(true);
    await first.stopRunners();

    const upgraded = await openProjections(eventTallyProjection({ version: 2 }));
    upgraded.startRunners();
    const deadline = Date.now() + 10000;
    while ((await upgraded.status())[0].activeSlot === 'a' && Date.now() < deadline) {
      expect((await (await upgraded.reader(eventTally)).findOneByOrFail({ stream: 'tally-a' })).count).toBe(20);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await upgraded.status())[0]).toMatchObject({ activeSlot: 'b', rebuilding: false });
    expect(await ledger(upgraded)).toHaveLength(20);
  });

  it('lets one runner apply at a time, and another take over when it stops', async () => {
    const one = await openProjections(eventTallyProjection());
    const two = await openProjections(eventTallyProjection());
    one.startRunners();
    two.startRunners();
    let last = await appendTallied('tally-a', 40);
    expect(await one.waitForPosition(last.position, 10000)).toBe(true);
    await one.stopRunners();
    last = await appendTallied('tally-a', 10);
    expect(await two.waitForPosition(last.position, 10000)).toBe(true);
    const rows = await ledger(two);
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((row) => row.eventId)).size).toBe(50);
  });

  it('stops a build from position 0 between batches when stopped, its checkpoint still unset', async () => {
    for (let s = 0; s < 20; s++) await store.appendToStream(`tally-${s}`, [tallied(0)]);
    let batches = 0;
    let stopping: Promise<void> | undefined;
    const projection: Projection = {
      ...eventTallyProjection(),
      rebuildByStream: true,
      async applyBatch(events, target) {
        batches++;
        // A shutdown arriving while the first batch is being applied.
        if (batches === 1) stopping = projections.stopRunners();
        for (const event of events) await target.repository(eventLedger).insert({ eventId: event.id, stream: event.stream });
      },
    };
    const dataSource = await openReadModelDataSource(testDatabase.database, [projection]);
    // Four events a batch when building stream by stream: five batches for the twenty streams.
    const projections = new Projections(testDatabase.database, store, dataSource, [projection], { pollIntervalMs: 50, batchSize: 1 });
    opened.push({ projections, dataSource });
    await projections.initialise();
    projections.startRunners();
    const deadline = Date.now() + 10000;
    while (!stopping && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await stopping;
    expect(batches).toBe(1);
    expect((await projections.status())[0].position).toBeNull();

    projections.startRunners();
    const last = await appendTallied('tally-0', 1);
    expect(await projections.waitForPosition(last.position, 10000)).toBe(true);
  });
});
