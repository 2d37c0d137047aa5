import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Database, PGliteDatabase, PostgresDatabase } from '@app/database';

/**
 * Tests that need a database get the PostgreSQL server named by TEST_DATABASE_URL (CI) or,
 * when it is not set, an in-memory PGlite (a fresh laptop). KL_TEST_DATABASE=pglite forces the
 * latter even when a server is configured, which is how CI runs the suite on both.
 */
export type TestDatabaseKind = 'postgres' | 'pglite';

export function testDatabaseKind(): TestDatabaseKind {
  if (process.env.KL_TEST_DATABASE === 'pglite') return 'pglite';
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

export interface TestDatabase {
  database: Database;
  /** For opening more connections (or child processes) to the same database. */
  connectionString?: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file: created empty, dropped afterwards. */
export async function createTestDatabase(kind: TestDatabaseKind = testDatabaseKind()): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await PGliteDatabase.open();
    return { database, drop: () => database.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `kl_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const connectionString = withDatabaseName(serverUrl, name);
  const database = new PostgresDatabase({ connectionString, poolSize: 20, applicationName: 'kinerja-ledger-test' });
  return {
    database,
    connectionString,
    drop: async () => {
      await database.close();
      await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdminClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
