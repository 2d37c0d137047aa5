import { EventStore } from '@app/event-store';
import { DataSource } from 'typeorm';
import { projectionsOnTestDatabase } from '../../../test/support/projections-on-test-database';
import { compareWithRebuild } from './compare-with-rebuild';
import { Projection } from './projection';
import { Projections } from './projections';
import { eventTally } from './testing/event-tally.projection';

const actor = { sub: 'tester', roles: [] };

/** Counts events per stream: one row per stream, keyed by a natural key. */
const tallyProjection: Projection = {
  name: 'test-tally-compare',
  version: 1,
  readModels: [eventTally],
  handles: ['Tallied'],
  async apply(event, target) {
    const tally = target.repository(eventTally);
    const current = await tally.findOneBy({ stream: event.stream });
    await tally.save({ stream: event.stream, count: (current?.count ?? 0) + 1, lastRevision: event.revision });
  },
};

describe('a read model compared with its rebuild from position 0', () => {
  let store: EventStore;
  let dataSource: DataSource;
  let projections: Projections;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dataSource, projections, close } = await projectionsOnTestDatabase([tallyProjection], { pollIntervalMs: 50, batchSize: 7 }));
    projections.startRunners();
    let last;
    for (let i = 0; i < 30; i++) last = await store.appendToStream(`tally-${i % 4}`, [{ type: 'Tallied', data: { i }, metadata: { actor } }]);
    expect(await projections.waitForPosition(last!.position, 10_000)).toBe(true);
  });
  afterAll(() => close());

  it('finds a read model the runner built equal to its rebuild, row by row, at the checkpoint', async () => {
    const comparison = await compareWithRebuild(dataSource, store, tallyProjection, { batchSize: 5 });
    expect(comparison).toMatchObject({ projection: 'test-tally-compare', slot: 'a', differences: 0 });
    expect(comparison.tables).toEqual([
      { readModel: 'test_event_tally', table: 'rm_test_event_tally_a', liveRows: 4, rebuiltRows: 4, compared: 4, differences: 0, examples: [] },
    ]);
  });

  it('names a changed, a removed and an added row by key, and leaves the live table as it was', async () => {
    await dataSource.query(`UPDATE rm_test_event_tally_a SET count = count + 1 WHERE stream = 'tally-1'`);
    await dataSource.query(`DELETE FROM rm_test_event_tally_a WHERE stream = 'tally-2'`);
    await dataSource.query(`INSERT INTO rm_test_event_tally_a (stream, count, last_revision) VALUES ('tally-9', 1, 0)`);
    const comparison = await compareWithRebuild(dataSource, store, tallyProjection);
    expect(comparison.differences).toBe(3);
    expect(comparison.tables[0]).toMatchObject({ liveRows: 4, rebuiltRows: 4, compared: 5, differences: 3 });
    expect(comparison.tables[0].examples).toEqual([
      { kind: 'changed', key: { stream: 'tally-1' }, columns: ['count'] },
      { kind: 'missing', key: { stream: 'tally-2' }, columns: ['count', 'last_revision', 'stream'] },
      { kind: 'unexpected', key: { stream: 'tally-9' }, columns: ['count', 'last_revision', 'stream'] },
    ]);
    // The temporary tables are gone with the comparison: the pool's sessions see the live table.
    const rows = await Promise.all(Array.from({ length: 5 }, () => dataSource.query(`SELECT count(*)::int AS n FROM rm_test_event_tally_a`)));
    expect(rows.map(([row]) => row.n)).toEqual(Array(5).fill(4));
  });
});
