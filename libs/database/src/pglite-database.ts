import { PGlite, types } from '@electric-sql/pglite';
import { Mutex } from 'async-mutex';
import { Database, Lease, sharedPoolDriver } from './database';
import { SqlClient, SqlPool, SqlQueryConfig, SqlResult } from './sql';

type Callback<T> = (error: Error | null, value?: T, release?: () => void) => void;

interface PGliteResult {
  rows: unknown[];
  affectedRows?: number;
  command?: string;
}

/**
 * PGlite is one connection. This facade looks like a `pg` pool of size one: `connect()` hands
 * out the connection exclusively until `release()`, so a transaction never interleaves with
 * another caller's statements. A caller that holds the connection must not use the pool again
 * before releasing it: that would wait for itself.
 */
export class PGlitePool implements SqlPool {
  private readonly mutex = new Mutex();

  constructor(private readonly db: PGlite) {}

  query<Row>(query: string | SqlQueryConfig, values?: unknown[]): Promise<SqlResult<Row>> {
    return this.mutex.runExclusive(() => this.run<Row>(query, values));
  }

  connect(): Promise<SqlClient>;
  connect(callback: Callback<SqlClient>): void;
  connect(callback?: Callback<SqlClient>): Promise<SqlClient> | void {
    const acquired = this.acquire();
    if (!callback) return acquired;
    acquired.then(
      (client) => callback(null, client, () => client.release()),
      (error: Error) => callback(error),
    );
  }

  /** TypeORM attaches pool listeners; a single in-process connection emits nothing. */
  on(): this {
    return this;
  }

  private async acquire(): Promise<SqlClient> {
    const unlock = await this.mutex.acquire();
    let released = false;
    const release = (error?: Error | boolean): void => {
      if (released) return;
      released = true;
      if (!error) return unlock();
      // Never hand the next caller a connection stuck in a failed transaction.
      this.db.exec('ROLLBACK').catch(() => undefined).finally(unlock);
    };
    const client = {
      query: <Row>(query: string | SqlQueryConfig, values?: unknown[]) => this.run<Row>(query, values),
      release,
      // TypeORM listens for connection errors; an in-process connection has none to report.
      on: () => client,
      removeListener: () => client,
      off: () => client,
    };
    return client;
  }

  private async run<Row>(query: string | SqlQueryConfig, values?: unknown[]): Promise<SqlResult<Row>> {
    const text = typeof query === 'string' ? query : query.text;
    const params = typeof query === 'string' ? values : (query.values ?? values);
    let result: PGliteResult;
    if (params && params.length > 0) {
      result = await this.db.query(text, params);
    } else {
      // Without parameters a string may hold several statements (migrations); `pg` answers
      // with the last statement's result, so we do too.
      const results = await this.db.exec(text);
      result = results[results.length - 1] ?? { rows: [] };
    }
    return toPgResult<Row>(result);
  }
}

function toPgResult<Row>(result: PGliteResult): SqlResult<Row> & { command?: string } {
  const rows = result.rows as Row[];
  const rowCount = result.command === 'SELECT' || result.affectedRows === undefined ? rows.length : result.affectedRows;
  return { rows, rowCount, command: result.command };
}

export interface PGliteDatabaseOptions {
  /** A directory for a durable database, or undefined for one that lives in memory (tests). */
  dataDir?: string;
}

export class PGliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  readonly pool: PGlitePool;
  private readonly leases = new Set<string>();

  private constructor(private readonly db: PGlite) {
    this.pool = new PGlitePool(db);
  }

  static async open(options: PGliteDatabaseOptions = {}): Promise<PGliteDatabase> {
    const db = await PGlite.create(options.dataDir, {
      // Match `pg`'s conventions so that both databases hand the same values to our code.
      parsers: {
        [types.INT8]: (value: string) => value,
        [types.DATE]: (value: string) => value,
      },
    });
    return new PGliteDatabase(db);
  }

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    const unlisten = await this.db.listen(channel, onNotify);
    return async () => {
      await unlisten();
    };
  }

  /** Only this process can open the embedded database, so an in-process registry suffices. */
  async tryAcquireLease(key: string): Promise<Lease | null> {
    if (this.leases.has(key)) return null;
    this.leases.add(key);
    let markLost!: () => void;
    const lost = new Promise<void>((resolve) => (markLost = resolve));
    return {
      key,
      lost,
      release: async () => {
        this.leases.delete(key);
        markLost();
      },
    };
  }

  typeOrmDriver(): object {
    return sharedPoolDriver(this.pool);
  }

  async close(): Promise<void> {
    await this.pool.query('SELECT 1');
    await this.db.close();
  }
}
