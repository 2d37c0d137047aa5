/**
 * Subjects and their keys, outside the event log (docs/domain.md, Personal data at rest): wrapped
 * data keys, the map from an HMAC of a NIP (or tracking code) to the subject, and the wrapped
 * lookup key. Erasure deletes a subject's two rows. `IF NOT EXISTS`: see 002.
 */
export const personalDataMigration = {
  version: 5,
  name: 'personal data keys',
  sql: /* sql */ `
    CREATE TABLE IF NOT EXISTS kl_personal_data_meta (
      name text PRIMARY KEY,
      wrapped text NOT NULL
    );
    CREATE TABLE IF NOT EXISTS kl_personal_data_keys (
      subject_id text PRIMARY KEY,
      kind text NOT NULL,
      wrapped_key text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE IF NOT EXISTS kl_personal_data_subjects (
      lookup text PRIMARY KEY,
      subject_id text NOT NULL UNIQUE REFERENCES kl_personal_data_keys (subject_id) ON DELETE CASCADE,
      sealed_ref text NOT NULL
    );
  `,
};
