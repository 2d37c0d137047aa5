/** Integrity checkpoints over the whole log. `IF NOT EXISTS`: see 002. */
export const integrityCheckpointsMigration = {
  version: 3,
  name: 'integrity checkpoints',
  sql: /* sql */ `
    CREATE TABLE IF NOT EXISTS kl_integrity_checkpoints (
      sequence bigint PRIMARY KEY,
      position text NOT NULL,
      events int NOT NULL,
      hash text NOT NULL,
      previous_hash text NOT NULL,
      recorded_at timestamptz NOT NULL
    );
  `,
};
