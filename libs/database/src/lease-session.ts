import type { Client } from 'pg';
import { Lease } from './database';
import { advisoryLockKey } from './lease-key';

/**
 * Every lease this process holds, as session advisory locks on ONE connection: a lease lives as
 * long as that session, so when the process dies the server ends the session and another
 * process can take the jobs over. One session, not one per lease, because each connection is a
 * server process: on the embedded cluster that is memory, and a standby that asks every second
 * would otherwise open and close one each time.
 */
export class LeaseSession {
  private session?: Promise<Client>;
  /** Held keys and how to tell their holders they lost them. */
  private readonly held = new Map<string, () => void>();
  /** One query at a time on the session: pg deprecates queueing them on one client. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly open: () => Promise<Client>,
    private readonly close: (client: Client) => Promise<void>,
  ) {}

  async tryAcquire(key: string): Promise<Lease | null> {
    // Session locks are re-entrant: a second holder in this process must be refused here.
    if (this.held.has(key)) return null;
    const client = await this.client();
    const { rows } = await this.inTurn(() =>
      client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS acquired', [advisoryLockKey(key)]),
    );
    if (!rows[0].acquired || this.held.has(key)) return null;
    let markLost!: () => void;
    const lost = new Promise<void>((resolve) => (markLost = resolve));
    this.held.set(key, markLost);
    return {
      key,
      lost,
      release: async () => {
        if (this.held.get(key) !== markLost) return;
        this.held.delete(key);
        markLost();
        await this.inTurn(() => client.query('SELECT pg_advisory_unlock($1::bigint)', [advisoryLockKey(key)])).catch(() => undefined);
      },
    };
  }

  /** Ends the session, and with it every lease. */
  async end(): Promise<void> {
    const session = this.session;
    this.sessionEnded();
    if (session) await session.then(this.close, () => undefined);
  }

  private inTurn<T>(query: () => Promise<T>): Promise<T> {
    const result = this.turn.then(query, query);
    this.turn = result.catch(() => undefined);
    return result;
  }

  private client(): Promise<Client> {
    this.session ??= this.open().then(
      (client) => {
        const ended = () => {
          if (this.session) void this.session.then((current) => current === client && this.sessionEnded());
        };
        client.on('error', ended);
        client.on('end', ended);
        return client;
      },
      (error: unknown) => {
        this.session = undefined;
        throw error;
      },
    );
    return this.session;
  }

  private sessionEnded(): void {
    this.session = undefined;
    for (const markLost of this.held.values()) markLost();
    this.held.clear();
  }
}
