import { Client, Pool, PoolConfig, types } from 'pg';
import { Database, DatabaseKind, Lease, sharedPoolDriver } from './database';
import { LeaseSession } from './lease-session';
import { SqlPool } from './sql';

const DATE_OID = 1082;

/** Dates stay `YYYY-MM-DD` strings: a JS Date would shift them by the server's time zone. */
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID ? (value: string) => value : (types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof types.getTypeParser,
};

export interface PostgresDatabaseOptions {
  connectionString: string;
  poolSize?: number;
  applicationName?: string;
  /** `embedded` when the server is the cluster under DATA_DIR (shown in logs and health). */
  kind?: DatabaseKind;
  /** Runs after the last connection is closed: the embedded cluster stops here. */
  afterClose?: () => Promise<void>;
}

export class PostgresDatabase implements Database {
  readonly kind: DatabaseKind;
  readonly pool: SqlPool;
  private readonly rawPool: Pool;
  private readonly dedicated = new Set<Client>();
  private readonly leases = new LeaseSession(
    () => this.openDedicatedClient(),
    (client) => this.closeDedicated(client),
  );

  constructor(private readonly options: PostgresDatabaseOptions) {
    this.kind = options.kind ?? 'postgres';
    this.rawPool = new Pool(this.clientConfig({ max: options.poolSize ?? 10 }));
    // An idle client that loses its server is evicted by pg; without a listener the error
    // would crash the process.
    this.rawPool.on('error', () => undefined);
    this.pool = this.rawPool;
  }

  async listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
    let stopped = false;
    let client: Client | undefined;
    const connect = async (): Promise<void> => {
      if (stopped) return;
      const next = await this.openDedicatedClient();
      next.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      next.on('error', () => {
        this.dropDedicated(next);
        // Polling covers the gap; listening resumes once the server answers again.
        setTimeout(() => void connect().catch(() => undefined), 1000).unref();
      });
      await next.query(`LISTEN ${quoteIdentifier(channel)}`);
      client = next;
    };
    await connect();
    return async () => {
      stopped = true;
      if (client) await this.closeDedicated(client);
    };
  }

  tryAcquireLease(key: string): Promise<Lease | null> {
    return this.leases.tryAcquire(key);
  }

  typeOrmDriver(): object {
    return sharedPoolDriver(this.pool);
  }

  private closing?: Promise<void>;

  /** Closing twice is closing once: the embedded cluster is stopped once. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.leases.end();
        await Promise.all([...this.dedicated].map((client) => this.closeDedicated(client)));
        await this.rawPool.end();
      } finally {
        await this.options.afterClose?.();
      }
    })();
    return this.closing;
  }

  private clientConfig(extra: PoolConfig = {}): PoolConfig {
    return {
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName ?? 'kinerja-ledger',
      types: typeParsers,
      // A session left idle inside a transaction would hold back the global log's safe
      // horizon for every subscriber; the server ends it instead.
      options: '-c idle_in_transaction_session_timeout=60000',
      ...extra,
    };
  }

  private async openDedicatedClient(): Promise<Client> {
    const client = new Client(this.clientConfig());
    client.on('error', () => undefined);
    await client.connect();
    this.dedicated.add(client);
    return client;
  }

  private dropDedicated(client: Client): void {
    this.dedicated.delete(client);
  }

  private async closeDedicated(client: Client): Promise<void> {
    if (!this.dedicated.delete(client)) return;
    await client.end().catch(() => undefined);
  }
}

function quoteIdentifier(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}
