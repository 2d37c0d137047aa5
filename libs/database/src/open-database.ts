import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { Database } from './database';
import { PGliteDatabase } from './pglite-database';
import { PostgresDatabase } from './postgres-database';

export interface DatabaseSettings {
  /** A PostgreSQL server; when absent, the embedded PGlite database under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  applicationName?: string;
}

export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  if (settings.databaseUrl) {
    return new PostgresDatabase({
      connectionString: settings.databaseUrl,
      poolSize: settings.poolSize,
      applicationName: settings.applicationName,
    });
  }
  const dataDir = join(settings.dataDir, 'pglite');
  mkdirSync(dataDir, { recursive: true });
  return PGliteDatabase.open({ dataDir });
}
