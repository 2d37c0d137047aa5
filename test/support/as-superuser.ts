import { Database } from '@app/database';

/**
 * What someone with direct database access could do: run SQL with triggers off, bypassing the
 * append-only guard. Tamper tests use it to rewrite what must never be rewritten.
 */
export async function asSuperuser(database: Database, sql: string, values: unknown[] = []): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query("SET session_replication_role = 'replica'");
    await client.query(sql, values);
  } finally {
    await client.query("SET session_replication_role = 'origin'");
    client.release();
  }
}
