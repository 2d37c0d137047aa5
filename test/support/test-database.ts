import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Database, PostgresDatabase } from '@app/database';

/**
 * Tests that need a database get one of their own, created on a PostgreSQL server: the one
 * named by TEST_DATABASE_URL, or the embedded cluster that jest's global setup starts for the
 * run when it is not set (or when KL_TEST_DATABASE=embedded, which is how CI runs the suite on
 * both). Either way the tests see the same kind of database the service runs on.
 */
export type TestDatabaseKind = 'server' | 'embedded';

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.KL_TEST_DATABASE === 'embedded' ? 'embedded' : 'server';
}

export interface TestDatabase {
  database: Database;
  /** For opening more connections (or child processes) to the same database. */
  connectionString: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file: created empty, dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (its global setup starts the embedded cluster)');
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
