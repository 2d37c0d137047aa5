import { Database } from '@app/database';
import { comparePositions, EventStore, Position } from '@app/event-store';
import { DataSource, Repository } from 'typeorm';
import { Projection } from './projection';
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';
import { ProjectionState, ProjectionStateStore } from './projection-state';
import { otherSlot, ReadModel, Slot } from './read-model';

export interface ProjectionStatus {
  name: string;
  version: number;
  activeSlot: string;
  rebuilding: boolean;
  position: Position | null;
}

/** How long a process trusts its cached idea of which slot serves (another process may switch). */
const STATE_CACHE_MS = 1000;

/**
 * The read side of one process: runs the projection runners (or not, when a separate
 * projector process does), answers which slot serves each read model, and lets a request wait
 * until the read models have caught up with a position it wrote.
 */
export class Projections {
  private readonly runners: ProjectionRunner[];
  private readonly stateStore: ProjectionStateStore;
  private cachedStates?: { at: number; states: Map<string, ProjectionState> };

  private readonly byKeyStatements = new Map<string, { name: string; text: string; keys: string[] }>();

  constructor(
    private readonly database: Database,
    store: EventStore,
    private readonly dataSource: DataSource,
    readonly projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    this.stateStore = new ProjectionStateStore(dataSource);
    this.runners = projections.map((projection) => new ProjectionRunner(projection, database, store, dataSource, this.stateStore, options));
  }

  /** Records a slot for each projection seen for the first time (the schema: migrateSchema). */
  async initialise(): Promise<void> {
    for (const projection of this.projections) {
      if (!(await this.stateStore.load(projection.name))) await this.stateStore.initialise(projection);
    }
  }

  startRunners(): void {
    this.runners.forEach((runner) => runner.start());
  }

  async stopRunners(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  /** Rebuilds from position 0 into the idle slot; reads keep coming from the serving one until the switch. */
  async rebuild(name: string): Promise<void> {
    const projection = this.byName(name);
    const state = await this.stateStore.load(name);
    if (!state) throw new Error(`Projection ${name} was never started`);
    if (state.buildingSlot) return;
    await this.stateStore.prepareSlot(projection, otherSlot(state.activeSlot));
    await this.stateStore.requestRebuild(projection, otherSlot(state.activeSlot));
    this.cachedStates = undefined;
  }

  /** The repository of the slot that serves reads now. */
  async reader<Row extends object>(model: ReadModel<Row>): Promise<Repository<Row>> {
    const state = (await this.states()).get(this.ownerOf(model as ReadModel).name);
    return this.dataSource.getRepository(model.schemas[state?.activeSlot ?? 'a']);
  }

  /**
   * The serving slot's row with this primary key (every primary key column given), by a named
   * statement: pg prepares it once per connection, and nothing is built per request, where a
   * repository's findOneBy builds, escapes and maps a query each time. The columns come back
   * under the row's property names, as the repository's rows.
   */
  async findByKey<Row extends object>(model: ReadModel<Row>, key: Partial<Row>): Promise<Row | null> {
    const slot = (await this.states()).get(this.ownerOf(model).name)?.activeSlot ?? 'a';
    const statement = this.byKeyStatement(model, slot);
    const { rows } = await this.database.pool.query<Row>({
      name: statement.name,
      text: statement.text,
      values: statement.keys.map((property) => key[property as keyof Row]),
    });
    return rows[0] ?? null;
  }

  async status(): Promise<ProjectionStatus[]> {
    const states = await this.states(true);
    return Promise.all(
      this.projections.map(async (projection) => {
        const state = states.get(projection.name);
        return {
          name: projection.name,
          version: projection.version,
          activeSlot: state?.activeSlot ?? 'a',
          rebuilding: Boolean(state?.buildingSlot),
          position: state ? await this.stateStore.checkpoint(projection.name, state.activeSlot) : null,
        };
      }),
    );
  }

  /**
   * Resolves true once every projection's serving slot has applied `position`, false after
   * `timeoutMs`. Checkpoints are read from the database, so this works whichever process runs
   * the projections.
   */
  async waitForPosition(position: Position, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const statuses = await this.status();
      if (statuses.every((status) => comparePositions(status.position, position) >= 0)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(50, Math.max(0, deadline - Date.now())));
        const unsubscribes = this.runners.map((runner) => runner.onProgress(done));
        function done() {
          clearTimeout(timer);
          unsubscribes.forEach((unsubscribe) => unsubscribe());
          resolve();
        }
      });
    }
  }

  private byKeyStatement(model: ReadModel, slot: Slot): { name: string; text: string; keys: string[] } {
    const name = `kl_rm_${model.name}_${slot}_by_key`;
    let statement = this.byKeyStatements.get(name);
    if (!statement) {
      const metadata = this.dataSource.getMetadata(model.schemas[slot]);
      const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
      const columns = metadata.columns.map((column) => `${quote(column.databaseName)} AS ${quote(column.propertyName)}`).join(', ');
      const where = metadata.primaryColumns.map((column, i) => `${quote(column.databaseName)} = $${i + 1}`).join(' AND ');
      statement = {
        name,
        text: `SELECT ${columns} FROM ${quote(metadata.tableName)} WHERE ${where}`,
        keys: metadata.primaryColumns.map((column) => column.propertyName),
      };
      this.byKeyStatements.set(name, statement);
    }
    return statement;
  }

  private ownerOf(model: ReadModel): Projection {
    const owner = this.projections.find((projection) => projection.readModels.includes(model));
    if (!owner) throw new Error(`No projection owns read model ${model.name}`);
    return owner;
  }

  /**
   * Every projection's serving checkpoint in one read, as one string: it changes whenever a read
   * model that serves may have changed, so whatever is worked out from the read models can be
   * kept under it (the portal's rendered pages).
   */
  async servingCheckpoints(): Promise<string> {
    const rows: Array<{ name: string; slot: string; position: string | null }> = await this.dataSource.query(
      `SELECT p.name, p.active_slot AS slot, c.position FROM kl_projections p
         LEFT JOIN kl_projection_checkpoints c ON c.name = p.name AND c.slot = p.active_slot ORDER BY p.name`,
    );
    return rows.map((row) => `${row.name}:${row.slot}:${row.position ?? ''}`).join(',');
  }

  private byName(name: string): Projection {
    const projection = this.projections.find((candidate) => candidate.name === name);
    if (!projection) throw new Error(`Unknown projection ${name}`);
    return projection;
  }

  private async states(fresh = false): Promise<Map<string, ProjectionState>> {
    if (fresh || !this.cachedStates || Date.now() - this.cachedStates.at > STATE_CACHE_MS) {
      const states = await this.stateStore.loadAll();
      this.cachedStates = { at: Date.now(), states: new Map(states.map((state) => [state.name, state])) };
    }
    return this.cachedStates.states;
  }
}
