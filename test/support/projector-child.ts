/**
 * A projector process for the crash test: runs the slow test projection against
 * KL_CHILD_DATABASE_URL until it is killed.
 */
import { PostgresDatabase } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
import { openReadModelDataSource, Projections } from '@app/projections';
import { eventTallyProjection } from '../../libs/projections/src/testing/event-tally.projection';

async function main(): Promise<void> {
  const database = new PostgresDatabase({ connectionString: process.env.KL_CHILD_DATABASE_URL!, applicationName: 'kl-projector-child' });
  const store = await PostgresEventStore.open(database);
  const projection = eventTallyProjection({ delayMsPerEvent: Number(process.env.KL_CHILD_DELAY_MS ?? 10) });
  const dataSource = await openReadModelDataSource(database, [projection]);
  const projections = new Projections(database, store, dataSource, [projection], { batchSize: 50, pollIntervalMs: 50 });
  await projections.initialise();
  projections.startRunners();
  process.stdout.write('started\n');
}

void main();
