import { inTransaction, SqlPool } from '../sql';
import { eventStoreMigration } from './001-event-store';
import { projectionStateMigration } from './002-projection-state';
import { integrityCheckpointsMigration } from './003-integrity-checkpoints';
import { idempotencyKeysMigration } from './004-idempotency-keys';
import { personalDataMigration } from './005-personal-data';

/**
 * Every table the service keeps besides the read models, in the order it was introduced. A
 * released migration is never edited; a change is a new entry. Read-model tables are not here:
 * each projection creates its slots from its entity schema and rebuilds them when its
 * `version` changes (blue/green), which is how a read model's shape changes.
 */
export const SCHEMA_MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  eventStoreMigration,
  projectionStateMigration,
  integrityCheckpointsMigration,
  idempotencyKeysMigration,
  personalDataMigration,
];

/** Serialises concurrent start-ups: only one process migrates at a time. */
const MIGRATION_LOCK = 7_301_146_200_001;

/** Applies what is missing, in one transaction under a lock every process takes. */
export async function migrateSchema(pool: SqlPool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    // The ledger of migrations itself; the one table that cannot be created by a migration.
    await client.query(`CREATE TABLE IF NOT EXISTS kl_schema_migrations (
      version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM kl_schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    for (const migration of SCHEMA_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO kl_schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
  });
}
