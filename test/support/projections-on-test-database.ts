import { PostgresEventStore } from '@app/event-store';
import { openReadModelDataSource, Projection, Projections, ProjectionsOptions } from '@app/projections';
import { DataSource } from 'typeorm';
import { createTestDatabase } from './test-database';

export interface ProjectionsOnTestDatabase {
  store: PostgresEventStore;
  dataSource: DataSource;
  /** Initialised; its runners are not started. */
  projections: Projections;
  /** Stops the runners and the read cache's poll, and drops the database. */
  close(): Promise<void>;
}

/** A database of its own for a test file, with the event store and `projections` over it: what a projection's integration spec starts from. */
export async function projectionsOnTestDatabase(list: Projection[], options: ProjectionsOptions = {}): Promise<ProjectionsOnTestDatabase> {
  const testDatabase = await createTestDatabase();
  const store = await PostgresEventStore.open(testDatabase.database, { pollIntervalMs: 50 });
  const dataSource = await openReadModelDataSource(testDatabase.database, list);
  const projections = new Projections(testDatabase.database, store, dataSource, list, options);
  await projections.initialise();
  return {
    store,
    dataSource,
    projections,
    close: async () => {
      await projections.close();
      await dataSource.destroy();
      await store.close();
      await testDatabase.drop();
    },
  };
}
