import { PostgresDatabase } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
import { closedLoopWrites } from './closed-loop-writes';
import { RunSummary } from './http-support';

/**
 * The event store alone, with no HTTP, decider or projection in front: `concurrency` writers
 * each appending one correction-sized event at a time to a stream of its own, on a pool the size
 * of the API's. Appends of concurrent writers share a transaction (group commit), so this can
 * beat the database's one-row transactions; every write the API answers after its append is
 * bounded by it.
 */
export async function eventStoreAppendFloor(connectionString: string, concurrency = 50, poolSize = 10): Promise<RunSummary> {
  const database = new PostgresDatabase({ connectionString, poolSize, applicationName: 'kl-bench-append-floor' });
  const store = await PostgresEventStore.open(database);
  const revisions = new Map<number, number>();
  try {
    return await closedLoopWrites('the event store alone: one-event appends, a stream per writer', concurrency, async (writer) => {
      const revision = revisions.get(writer);
      const appended = await store.appendToStream(
        `bench-floor-${writer}`,
        [
          {
            type: 'BenchRealisationCorrected',
            data: { quarter: 1, values: [{ indicatorCode: 'I11', value: 42 }], reason: 'Koreksi' },
            metadata: { actor: { sub: 'bench', roles: ['opd_operator'] } },
          },
        ],
        { expectedRevision: revision ?? 'no_stream' },
      );
      revisions.set(writer, appended.revision);
    });
  } finally {
    await store.close();
    await database.close();
  }
}
