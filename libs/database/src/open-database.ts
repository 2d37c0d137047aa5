import { Database } from './database';
import { EmbeddedCluster } from './embedded';
import { PostgresDatabase } from './postgres-database';

export interface DatabaseSettings {
  /** A PostgreSQL server; when absent, the embedded cluster under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  applicationName?: string;
  /** The embedded postgres's own log lines. */
  onEmbeddedLog?: (line: string) => void;
  /** Where the embedded cluster lives, once it answers; `started` when this process started it. */
  onEmbeddedOpen?: (cluster: { directory: string; port: number; started: boolean }) => void;
}

export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  if (settings.databaseUrl) {
    return new PostgresDatabase({
      connectionString: settings.databaseUrl,
      poolSize: settings.poolSize,
      applicationName: settings.applicationName,
    });
  }
  const cluster = await EmbeddedCluster.open({ dataDir: settings.dataDir, onLog: settings.onEmbeddedLog });
  settings.onEmbeddedOpen?.({ directory: cluster.directory, port: cluster.port, started: cluster.owned });
  return new PostgresDatabase({
    connectionString: cluster.connectionString,
    poolSize: settings.poolSize,
    applicationName: settings.applicationName,
    kind: 'embedded',
    afterClose: () => cluster.close(),
  });
}
