import { SqlPool } from './sql';

/** `embedded`: a PostgreSQL server too, the one the service runs itself under DATA_DIR. */
export type DatabaseKind = 'postgres' | 'embedded';

/** Exclusive ownership of a named job (a projection) across every process on the database. */
export interface Lease {
  readonly key: string;
  /** Resolves when the lease is lost (its connection died) or released. */
  readonly lost: Promise<void>;
  release(): Promise<void>;
}

/**
 * One database, a server's or the embedded cluster's. LISTEN on a connection of its own and
 * leases held by session advisory locks are behind this interface.
 */
export interface Database {
  readonly kind: DatabaseKind;
  readonly pool: SqlPool;
  /** Calls `onNotify` for every NOTIFY on `channel` until the returned function is called. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Takes the lease when nobody holds it; answers null when another holder has it. */
  tryAcquireLease(key: string): Promise<Lease | null>;
  /**
   * A `pg`-shaped module for TypeORM's `driver` option whose Pool is this database's own pool,
   * so read models and the event store share one set of connections.
   */
  typeOrmDriver(): object;
  close(): Promise<void>;
}

/** TypeORM constructs its Pool and ends it on shutdown; the pool belongs to the Database. */
export function sharedPoolDriver(pool: SqlPool): object {
  const shared = new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'end') return (callback?: (error?: Error) => void) => callback?.();
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    Pool: function SharedPool() {
      return shared;
    },
  };
}
