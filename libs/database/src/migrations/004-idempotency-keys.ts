/** Idempotency-Key claims and the answers replayed to retries. `IF NOT EXISTS`: see 002. */
export const idempotencyKeysMigration = {
  version: 4,
  name: 'idempotency keys',
  sql: /* sql */ `
    CREATE TABLE IF NOT EXISTS kl_idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      fingerprint text NOT NULL,
      status int,
      body jsonb,
      etag text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    );
  `,
};
