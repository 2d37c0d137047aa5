import { comparePositions, EventStore, Position } from '@app/event-store';
import { DataSource, QueryRunner } from 'typeorm';
import { Projection } from './projection';
import { Slot } from './read-model';
import { replayInto } from './scratch-replay';

/** A row the rebuild and the serving read model disagree on, named by its primary key. */
export interface RowDifference {
  /** `missing`: the rebuild has the row and the read model not; `unexpected`: the reverse. */
  kind: 'missing' | 'unexpected' | 'changed';
  key: Record<string, unknown>;
  /** The columns whose values differ (all of them for a missing or unexpected row). */
  columns: string[];
}

export interface TableComparison {
  readModel: string;
  table: string;
  liveRows: number;
  rebuiltRows: number;
  /** Rows of either side, matched by primary key. */
  compared: number;
  differences: number;
  /** The first few differences, in key order. */
  examples: RowDifference[];
}

export interface ProjectionComparison {
  projection: string;
  slot: Slot;
  /** The serving slot's checkpoint, which the rebuild was taken up to. */
  position: Position | null;
  tables: TableComparison[];
  differences: number;
  /** Why nothing was compared: the serving slot is not this code's version yet. */
  skipped?: string;
}

export interface CompareOptions {
  /** Differences listed per table; all are counted. */
  examples?: number;
  batchSize?: number;
}

/**
 * Rebuilds `projection` from position 0 into temporary tables (they shadow the serving slot's
 * tables in this one session, so the projection's own code writes them unchanged) and compares
 * them row by row with the serving slot, at the same position: the bulk is rebuilt up to the
 * checkpoint as it stood, then one REPEATABLE READ snapshot reads the checkpoint again, applies
 * what the live projector applied meanwhile, and compares; the live tables and their checkpoint
 * are committed together, so the snapshot sees them at one position. The live read models are
 * only read. `dataSource` must know the projection's read models (openReadModelDataSource).
 */
export async function compareWithRebuild(
  dataSource: DataSource,
  store: EventStore,
  projection: Projection,
  options: CompareOptions = {},
): Promise<ProjectionComparison> {
  const batchSize = options.batchSize ?? 500;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const state = await servingState(runner, projection.name);
    if (!state) return { projection: projection.name, slot: 'a', position: null, tables: [], differences: 0, skipped: 'never started' };
    const { slot } = state;
    if (state.version !== projection.version) {
      return {
        projection: projection.name,
        slot,
        position: state.position,
        tables: [],
        differences: 0,
        skipped: `the serving slot is version ${state.version}, this code's is ${projection.version} (a rebuild is due)`,
      };
    }
    const tables = await shadowTables(dataSource, runner, projection, slot);
    const bulkTo = state.position;
    await replayInto(runner, store, projection, slot, { from: null, to: bulkTo }, { batchSize, ownTransactions: true });

    await runner.startTransaction('REPEATABLE READ');
    const now = await servingState(runner, projection.name);
    if (now?.slot !== slot || now.version !== state.version || comparePositions(now.position, bulkTo) < 0) {
      throw new Error(`${projection.name}: its serving slot was rebuilt or switched while it was compared; run the comparison again`);
    }
    await replayInto(runner, store, projection, slot, { from: bulkTo, to: now.position }, { batchSize, ownTransactions: false });
    const compared: TableComparison[] = [];
    for (const table of tables) compared.push(await compareTable(runner, table, options.examples ?? 5));
    await runner.commitTransaction();
    return {
      projection: projection.name,
      slot,
      position: now.position,
      tables: compared,
      differences: compared.reduce((sum, table) => sum + table.differences, 0),
    };
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    // The connection goes back to the pool: nothing of ours may shadow a table there.
    await runner.query('DISCARD TEMP').catch(() => undefined);
    await runner.release();
  }
}

interface ServingState {
  slot: Slot;
  version: number;
  position: Position | null;
}

async function servingState(runner: QueryRunner, name: string): Promise<ServingState | null> {
  const rows = await select<{ active_slot: Slot; active_version: number; position: string | null }>(
    runner,
    `SELECT p.active_slot, p.active_version, c.position FROM kl_projections p
       LEFT JOIN kl_projection_checkpoints c ON c.name = p.name AND c.slot = p.active_slot
      WHERE p.name = $1`,
    [name],
  );
  return rows.length ? { slot: rows[0].active_slot, version: Number(rows[0].active_version), position: rows[0].position } : null;
}

interface ShadowedTable {
  readModel: string;
  table: string;
  /** The serving table, schema-qualified: its bare name means the temporary one now. */
  live: string;
  rebuilt: string;
  primaryKey: string[];
}

async function shadowTables(dataSource: DataSource, runner: QueryRunner, projection: Projection, slot: Slot): Promise<ShadowedTable[]> {
  const quote = (name: string) => dataSource.driver.escape(name);
  const tables: ShadowedTable[] = [];
  for (const model of projection.readModels) {
    const metadata = dataSource.getMetadata(model.schemas[slot]);
    const rows = await select<{ schema: string }>(
      runner,
      `SELECT n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(quote_ident($1))`,
      [metadata.tableName],
    );
    if (!rows.length) throw new Error(`${projection.name}: table ${metadata.tableName} does not exist`);
    const live = `${quote(rows[0].schema)}.${quote(metadata.tableName)}`;
    await runner.query(`CREATE TEMPORARY TABLE ${quote(metadata.tableName)} (LIKE ${live} INCLUDING ALL)`);
    tables.push({
      readModel: model.name,
      table: metadata.tableName,
      live,
      rebuilt: `pg_temp.${quote(metadata.tableName)}`,
      primaryKey: metadata.primaryColumns.map((column) => column.databaseName),
    });
  }
  return tables;
}

/** Both sides as (primary key, whole row) in JSON, joined on the key. */
async function compareTable(runner: QueryRunner, table: ShadowedTable, examples: number): Promise<TableComparison> {
  const key = `jsonb_build_object(${table.primaryKey.map((column) => `'${column.replace(/'/g, "''")}', t.${runner.connection.driver.escape(column)}`).join(', ')})`;
  const joined = `(SELECT ${key} AS k, to_jsonb(t) AS j FROM ${table.live} t) l
     FULL JOIN (SELECT ${key} AS k, to_jsonb(t) AS j FROM ${table.rebuilt} t) r ON l.k = r.k`;
  const [counts] = await select<{ live: string; rebuilt: string; compared: string; differences: string }>(
    runner,
    `SELECT count(l.k) AS live, count(r.k) AS rebuilt, count(*) AS compared, count(*) FILTER (WHERE l.j IS DISTINCT FROM r.j) AS differences FROM ${joined}`,
  );
  const differing = await select<RowDifference>(
    runner,
    `SELECT CASE WHEN l.k IS NULL THEN 'missing' WHEN r.k IS NULL THEN 'unexpected' ELSE 'changed' END AS kind,
            coalesce(l.k, r.k) AS key,
            ARRAY(SELECT name FROM jsonb_object_keys(coalesce(l.j, '{}') || coalesce(r.j, '{}')) AS name
                   WHERE l.j -> name IS DISTINCT FROM r.j -> name ORDER BY name) AS columns
       FROM ${joined}
      WHERE l.j IS DISTINCT FROM r.j
      ORDER BY coalesce(l.k, r.k) LIMIT $1`,
    [examples],
  );
  return {
    readModel: table.readModel,
    table: table.table,
    liveRows: Number(counts.live),
    rebuiltRows: Number(counts.rebuilt),
    compared: Number(counts.compared),
    differences: Number(counts.differences),
    examples: differing,
  };
}

/** `QueryRunner.query` answers `any`; each caller names the row it selects. */
async function select<Row>(runner: QueryRunner, sql: string, parameters: unknown[] = []): Promise<Row[]> {
  return (await runner.query(sql, parameters)) as Row[];
}
