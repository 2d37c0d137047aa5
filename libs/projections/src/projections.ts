import { Database } from '@app/database';
import { comparePositions, EventStore, Position } from '@app/event-store';
import { DataSource, Repository } from 'typeorm';
import { LogTail } from './log-tail';
import { Projection } from './projection';
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';
import { ProjectionState, ProjectionStateStore } from './projection-state';
import { ReadCache, ReadCacheStatistics } from './read-cache';
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

export interface ProjectionsOptions extends ProjectionRunnerOptions {
  /** The bound of the by-key read cache, in bytes of JSON (0, the default, turns it off); see ReadCache. */
  readCacheBytes?: number;
  /** How often the checkpoints are read while the read cache is on. */
  checkpointPollMs?: number;
}

/**
 * A value worked out from one read model row (a plan's read shape from its document), kept in
 * the read cache beside the row under its own name; `of` must depend on nothing but the row.
 */
export interface RowView<Row, View> {
  readonly name: string;
  of(row: Row): View;
}

/**
 * The read side of one process: runs the projection runners (or not, when a separate
 * projector process does), answers which slot serves each read model, and lets a request wait
 * until the read models have caught up with a position it wrote.
 */
export class Projections {
  private readonly runners: ProjectionRunner[];
  private readonly tail: LogTail;
  private readonly stateStore: ProjectionStateStore;
  private cachedStates?: { at: number; states: Map<string, ProjectionState> };

  private readonly byKeyStatements = new Map<string, { name: string; text: string; keys: string[] }>();
  private readonly readCache: ReadCache;
  private readonly checkpointPollMs: number;
  private checkpointPoll?: NodeJS.Timeout;

  constructor(
    private readonly database: Database,
    store: EventStore,
    private readonly dataSource: DataSource,
    readonly projections: readonly Projection[],
    options: ProjectionsOptions = {},
  ) {
    this.stateStore = new ProjectionStateStore(dataSource);
    this.tail = new LogTail(store, { onError: options.onError });
    this.runners = projections.map((projection) => new ProjectionRunner(projection, database, store, dataSource, this.stateStore, options, this.tail));
    this.checkpointPollMs = options.checkpointPollMs ?? 250;
    // Four polls missed in a row and the cache stops answering until the database does again.
    this.readCache = new ReadCache(options.readCacheBytes ?? 0, this.checkpointPollMs * 4);
    this.runners.forEach((runner) => runner.onProgress(() => this.readCache.invalidate(runner.projection.name)));
  }

  /** Records a slot for each projection seen for the first time (the schema: migrateSchema). */
  async initialise(): Promise<void> {
    for (const projection of this.projections) {
      if (!(await this.stateStore.load(projection.name))) await this.stateStore.initialise(projection);
    }
  }

  startRunners(): void {
    this.tail.start();
    this.runners.forEach((runner) => runner.start());
  }

  async stopRunners(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.tail.stop();
  }

  /** Stops the runners and the read cache's checkpoint poll. */
  async close(): Promise<void> {
    clearInterval(this.checkpointPoll);
    this.checkpointPoll = undefined;
    await this.stopRunners();
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

  readCacheStatistics(): ReadCacheStatistics | undefined {
    return this.readCache.enabled ? this.readCache.statistics() : undefined;
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
   * under the row's property names, as the repository's rows. Kept in the read cache, when it
   * is on, until the owning projection moves; the row is frozen.
   */
  async findByKey<Row extends object>(model: ReadModel<Row>, key: Partial<Row>): Promise<Readonly<Row> | null> {
    return this.viewByKey(model, key, { name: 'row', of: (row: Row) => row });
  }

  /** What `view` makes of the row with this primary key, kept in the read cache as the row is. */
  async viewByKey<Row extends object, View>(model: ReadModel<Row>, key: Partial<Row>, view: RowView<Row, View>): Promise<View | null> {
    const owner = this.ownerOf(model).name;
    const slot = (await this.states()).get(owner)?.activeSlot ?? 'a';
    const statement = this.byKeyStatement(model, slot);
    const values = statement.keys.map((property) => key[property as keyof Row]);
    return this.cached(owner, `${statement.name}\u0000${view.name}\u0000${JSON.stringify(values)}`, async () => {
      const { rows } = await this.database.pool.query<Row>({ name: statement.name, text: statement.text, values });
      return rows[0] ? view.of(rows[0]) : null;
    });
  }

  /**
   * What `load` makes of the serving rows of `model`'s projection, kept in the read cache under
   * `key` until that projection moves, as `viewByKey` keeps a row's view: for a view of more
   * than one row (a plan and the marks of its corrections).
   */
  async cachedRead<View>(model: ReadModel, key: string, load: () => Promise<View>): Promise<View> {
    const owner = this.ownerOf(model).name;
    // The slot is part of the key, as in viewByKey: `load` finds the serving slot through the
    // states this process read up to a second ago, so just after a switch it may read the old
    // slot under the new generation, which must not then be served until the projection moves.
    const slot = (await this.states()).get(owner)?.activeSlot ?? 'a';
    return this.cached(owner, `${model.name}\u0000${slot}\u0000${key}`, load);
  }

  private cached<T>(projection: string, key: string, load: () => Promise<T>): Promise<T> {
    if (this.readCache.enabled && !this.checkpointPoll) this.pollCheckpoints();
    return this.readCache.get(projection, key, load);
  }

  /**
   * Another process's runner may move a checkpoint: read them all every `checkpointPollMs`, so
   * the cache learns of it (and, when the database stops answering, stops serving).
   */
  private pollCheckpoints(): void {
    let polling = false;
    const poll = () => {
      if (polling) return;
      polling = true;
      this.servingCheckpointRows()
        .catch(() => undefined)
        .finally(() => (polling = false));
    };
    this.checkpointPoll = setInterval(poll, this.checkpointPollMs);
    this.checkpointPoll.unref();
    poll();
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
    ).then((statuses) => {
      // X-Min-Position's wait reads these: once it has seen a position, no read after it may
      // be answered from before it.
      this.readCache.observe(statuses.map((status) => ({ name: status.name, checkpoint: `${status.activeSlot}:${status.position ?? ''}` })));
      return statuses;
    });
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
      // Runners of this process that batch the live log wait for more writes: not while a read waits.
      const behind = new Set(statuses.filter((status) => comparePositions(status.position, position) < 0).map((status) => status.name));
      this.runners.forEach((runner) => behind.has(runner.projection.name) && runner.hurry());
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
    const rows = await this.servingCheckpointRows();
    return rows.map((row) => `${row.name}:${row.checkpoint}`).join(',');
  }

  private async servingCheckpointRows(): Promise<Array<{ name: string; checkpoint: string }>> {
    const rows: Array<{ name: string; checkpoint: string }> = await this.database.pool
      .query<{ name: string; checkpoint: string }>({
        name: 'kl_serving_checkpoints',
        text: `SELECT p.name, p.active_slot || ':' || coalesce(c.position, '') AS checkpoint FROM kl_projections p
                 LEFT JOIN kl_projection_checkpoints c ON c.name = p.name AND c.slot = p.active_slot ORDER BY p.name`,
      })
      .then((result) => result.rows);
    this.readCache.observe(rows);
    return rows;
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
