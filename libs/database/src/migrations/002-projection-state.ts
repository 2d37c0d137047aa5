/**
 * The projections' bookkeeping: which slot of each read model serves, which is being rebuilt,
 * and each slot's checkpoint. `IF NOT EXISTS`: databases from before the migrations were
 * gathered here already have these tables.
 */
export const projectionStateMigration = {
  version: 2,
  name: 'projection slots and checkpoints',
  sql: /* sql */ `
    CREATE TABLE IF NOT EXISTS kl_projections (
      name text PRIMARY KEY,
      active_slot text NOT NULL,
      active_version int NOT NULL,
      building_slot text,
      building_version int,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE IF NOT EXISTS kl_projection_checkpoints (
      name text NOT NULL,
      slot text NOT NULL,
      position text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (name, slot)
    );
  `,
};
