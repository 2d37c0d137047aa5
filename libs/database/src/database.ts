import { SqlPool } from './sql';

export type DatabaseKind = 'postgres' | 'pglite';

/** Exclusive ownership of a named job (a projection) across every process on the database. */
export interface Lease {
  readonly key: string;
  /** Resolves when the lease is lost (its connection died) or released. */
  readonly lost: Promise<void>;
  release(): Promise<void>;
}

/**
 * One database, server or embedded. Everything that depends on having several connections
 * (LISTEN on a connection of its own, session advisory locks) is behind this interface, so
 * callers never notice that PGlite has exactly one connection.
 */
export interface Database {
  readonly kind: DatabaseKind;
  readonly pool: SqlPool;
  /** Calls `onNotify` for every NOTIFY on `channel` until the returned function is called. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Takes the lease when nobody holds it; answers null when another holder has it. */
  tryAcquireLease(key: string): Promise<Lease | null>;
  close(): Promise<void>;
}
