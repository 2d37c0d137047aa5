import { Database, DatabaseSettings, openDatabase } from '@app/database';
import { AggregatorEnvironment } from '../config/aggregator-environment';
import { migrateAggregator } from './migrate-aggregator';

export const AGGREGATOR_DATABASE = Symbol('AGGREGATOR_DATABASE');
export type AggregatorDatabase = Database;

/** The aggregator's database: DATABASE_URL's, or its own embedded cluster under DATA_DIR, migrated before use. */
export async function openAggregatorDatabase(
  environment: AggregatorEnvironment,
  embedded: Pick<DatabaseSettings, 'onEmbeddedLog' | 'onEmbeddedOpen'> = {},
): Promise<AggregatorDatabase> {
  const database = await openDatabase({
    databaseUrl: environment.DATABASE_URL,
    dataDir: environment.DATA_DIR,
    // Loops hold a connection only for a moment each; more sources share them.
    poolSize: Math.min(20, 2 + environment.sources.length),
    applicationName: 'kinerja-aggregator',
    ...embedded,
  });
  try {
    await migrateAggregator(database.pool);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  return database;
}
