import { Environment, validateEnvironment } from '@app/config';
import { Database, migrateSchema, openDatabase } from '@app/database';
import { EventStore, PostgresEventStore } from '@app/event-store';
import { EventStoreDbEventStore } from '@app/event-store/eventstoredb/eventstoredb-event-store';

export interface Ledger {
  environment: Environment;
  database: Database;
  store: EventStore;
  close(): Promise<void>;
}

/** What an operator's command opens: the service's own configuration, database and event store. */
export async function openLedger(applicationName: string): Promise<Ledger> {
  const environment = validateEnvironment(process.env);
  const database = await openDatabase({ databaseUrl: environment.DATABASE_URL, dataDir: environment.DATA_DIR, applicationName });
  await migrateSchema(database.pool);
  const store =
    environment.EVENT_STORE === 'eventstoredb'
      ? await EventStoreDbEventStore.connect(environment.EVENTSTORE_CONNECTION_STRING!)
      : await PostgresEventStore.open(database);
  return {
    environment,
    database,
    store,
    close: async () => {
      await store.close();
      await database.close();
    },
  };
}

/** Runs an operator's command: its exit code, or 2 with the message for anything unexpected. */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
