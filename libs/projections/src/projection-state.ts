import { Position } from '@app/event-store';
import { DataSource, EntityManager, Table } from 'typeorm';
import { Projection } from './projection';
import { ReadModel, Slot } from './read-model';

export interface ProjectionState {
  name: string;
  activeSlot: Slot;
  activeVersion: number;
  buildingSlot: Slot | null;
  buildingVersion: number | null;
}

/** Another runner moved the checkpoint: this one lost its lease and must stop. */
export class CheckpointMovedError extends Error {
  constructor(projection: string, slot: Slot) {
    super(`Checkpoint of ${projection} (slot ${slot}) was moved by another runner`);
  }
}

interface StateRow {
  name: string;
  active_slot: Slot;
  active_version: number;
  building_slot: Slot | null;
  building_version: number | null;
}

interface PendingAdvance {
  name: string;
  slot: Slot;
  from: Position | null;
  to: Position;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The projections' bookkeeping: which slot serves, which is being rebuilt, and checkpoints. */
export class ProjectionStateStore {
  private pendingAdvances: PendingAdvance[] = [];

  constructor(private readonly dataSource: DataSource) {}

  async load(name: string): Promise<ProjectionState | null> {
    const rows: StateRow[] = await this.dataSource.query('SELECT * FROM kl_projections WHERE name = $1', [name]);
    return rows.length ? toState(rows[0]) : null;
  }

  async loadAll(): Promise<ProjectionState[]> {
    const rows: StateRow[] = await this.dataSource.query('SELECT * FROM kl_projections');
    return rows.map(toState);
  }

  /** First start: slot `a` is created empty and serves while it catches up. */
  async initialise(projection: Projection): Promise<ProjectionState> {
    await this.prepareSlot(projection, 'a');
    await this.dataSource.query(`INSERT INTO kl_projections (name, active_slot, active_version) VALUES ($1, 'a', $2) ON CONFLICT (name) DO NOTHING`, [
      projection.name,
      projection.version,
    ]);
    return (await this.load(projection.name))!;
  }

  /** Empty tables and a checkpoint at the start of the log, for a (re)build. */
  async prepareSlot(projection: Projection, slot: Slot): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const model of projection.readModels) await recreateTable(this.dataSource, manager, model, slot);
      await manager.query(
        `INSERT INTO kl_projection_checkpoints (name, slot, position) VALUES ($1, $2, NULL)
         ON CONFLICT (name, slot) DO UPDATE SET position = NULL, updated_at = now()`,
        [projection.name, slot],
      );
    });
  }

  async requestRebuild(projection: Projection, slot: Slot): Promise<void> {
    await this.dataSource.query(`UPDATE kl_projections SET building_slot = $2, building_version = $3, updated_at = now() WHERE name = $1`, [
      projection.name,
      slot,
      projection.version,
    ]);
  }

  async switchTo(name: string, slot: Slot, version: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE kl_projections SET active_slot = $2, active_version = $3, building_slot = NULL, building_version = NULL,
              updated_at = now() WHERE name = $1`,
      [name, slot, version],
    );
  }

  async checkpoint(name: string, slot: Slot, manager: EntityManager = this.dataSource.manager): Promise<Position | null> {
    const rows: Array<{ position: string | null }> = await manager.query('SELECT position FROM kl_projection_checkpoints WHERE name = $1 AND slot = $2', [
      name,
      slot,
    ]);
    return rows[0]?.position ?? null;
  }

  /** The checkpoint, locked until the end of the transaction of `manager`. */
  async lockCheckpoint(manager: EntityManager, name: string, slot: Slot): Promise<Position | null> {
    const rows: Array<{ position: string | null }> = await manager.query(
      'SELECT position FROM kl_projection_checkpoints WHERE name = $1 AND slot = $2 FOR UPDATE',
      [name, slot],
    );
    return rows[0]?.position ?? null;
  }

  /**
   * `advance` for a batch that wrote no rows (none of the events was this projection's), without
   * a transaction to open and commit. The runners of a process read the same live page and
   * most find nothing of theirs in it; their advances, asked for in the same turn of the event
   * loop, go to the database as one statement instead of one each.
   */
  advanceAlone(name: string, slot: Slot, from: Position | null, to: Position): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pendingAdvances.push({ name, slot, from, to, resolve, reject });
      if (this.pendingAdvances.length === 1) setImmediate(() => void this.flushAdvances());
    });
  }

  private async flushAdvances(): Promise<void> {
    const batch = this.pendingAdvances;
    this.pendingAdvances = [];
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(
        `UPDATE kl_projection_checkpoints c SET position = v.to_position, updated_at = clock_timestamp()
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(name, slot, from_position, to_position)
          WHERE c.name = v.name AND c.slot = v.slot AND c.position IS NOT DISTINCT FROM v.from_position
          RETURNING c.name, c.slot`,
        [batch.map((a) => a.name), batch.map((a) => a.slot), batch.map((a) => a.from), batch.map((a) => a.to)],
        true,
      );
      const moved = result.records as Array<{ name: string; slot: string }>;
      const advanced = new Set(moved.map((row) => `${row.name}\u0000${row.slot}`));
      for (const advance of batch) {
        if (advanced.has(`${advance.name}\u0000${advance.slot}`)) advance.resolve();
        else advance.reject(new CheckpointMovedError(advance.name, advance.slot));
      }
    } catch (error) {
      batch.forEach((advance) => advance.reject(error));
    } finally {
      await runner.release();
    }
  }

  /** Compare-and-set inside the batch's transaction: no duplicate and no loss across runners. */
  async advance(manager: EntityManager, name: string, slot: Slot, from: Position | null, to: Position): Promise<void> {
    const result = await manager.queryRunner!.query(
      `UPDATE kl_projection_checkpoints SET position = $4, updated_at = clock_timestamp()
        WHERE name = $1 AND slot = $2 AND position IS NOT DISTINCT FROM $3`,
      [name, slot, from, to],
      true,
    );
    if (result.affected !== 1) throw new CheckpointMovedError(name, slot);
  }
}

async function recreateTable(dataSource: DataSource, manager: EntityManager, model: ReadModel, slot: Slot): Promise<void> {
  const metadata = dataSource.getMetadata(model.schemas[slot]);
  await manager.queryRunner!.dropTable(metadata.tableName, true);
  await manager.queryRunner!.createTable(Table.create(metadata, dataSource.driver), true, true, true);
}

function toState(row: StateRow): ProjectionState {
  return {
    name: row.name,
    activeSlot: row.active_slot,
    activeVersion: Number(row.active_version),
    buildingSlot: row.building_slot,
    buildingVersion: row.building_version === null ? null : Number(row.building_version),
  };
}
