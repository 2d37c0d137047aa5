import { inTransaction, SqlPool } from '@app/database';
import { aggregatorMigration } from './001-aggregator';

/**
 * The aggregator's own numbering, apart from the ledger's (libs/database): the two never run
 * on the same tables. A released migration is never edited; a change is a new entry.
 */
const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [aggregatorMigration];

/** Not the ledger's lock number: an aggregator and a ledger may start on one server at once. */
const MIGRATION_LOCK = 7_301_146_200_029;

export async function migrateAggregator(pool: SqlPool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await client.query('CREATE SCHEMA IF NOT EXISTS aggregator');
    await client.query(`CREATE TABLE IF NOT EXISTS aggregator.schema_migrations (
      version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM aggregator.schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO aggregator.schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
  });
}
