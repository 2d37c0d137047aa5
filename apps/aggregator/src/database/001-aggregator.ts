/**
 * The aggregator's tables, in a schema of their own (`aggregator`), so that it can share a
 * PostgreSQL server with anything, a regency ledger's database included, and never touch it.
 */
export const aggregatorMigration = {
  version: 1,
  name: 'sources, items, heads',
  sql: /* sql */ `
    CREATE TABLE aggregator.sources (
      name text PRIMARY KEY,
      base_url text NOT NULL,
      -- The last feed position stored: the next page asks for what follows it.
      checkpoint text,
      items bigint NOT NULL DEFAULT 0,
      -- The last time a page came back shorter than asked for: everything the source had then is here.
      caught_up_at timestamptz,
      last_error text,
      last_error_at timestamptz,
      integrity_state text NOT NULL DEFAULT 'UNVERIFIED',
      integrity_evidence jsonb,
      broken_at timestamptz,
      unverified_gaps int NOT NULL DEFAULT 0
    );
    CREATE TABLE aggregator.items (
      source text NOT NULL REFERENCES aggregator.sources (name),
      position text NOT NULL,
      occurred_at timestamptz NOT NULL,
      type text NOT NULL,
      opd_code text NOT NULL,
      year int NOT NULL,
      title text NOT NULL,
      summary text NOT NULL,
      link text NOT NULL,
      details jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (source, position)
    );
    CREATE INDEX items_by_year ON aggregator.items (year, source);
    -- Every distinct head a source has shown, never updated or deleted.
    CREATE TABLE aggregator.heads (
      id bigserial PRIMARY KEY,
      source text NOT NULL REFERENCES aggregator.sources (name),
      sequence bigint NOT NULL,
      position text NOT NULL,
      events int NOT NULL,
      hash text NOT NULL,
      previous_hash text NOT NULL,
      recorded_at text NOT NULL,
      first_seen_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      verdict text NOT NULL,
      -- A head is the same head only if all it says is the same: a rewritten checkpoint may keep its hash and change its link.
      UNIQUE (source, sequence, hash, previous_hash, position, events)
    );
  `,
};
