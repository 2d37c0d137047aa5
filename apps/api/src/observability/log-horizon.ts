import { Environment } from '@app/config';
import { Database } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DATABASE } from '@app/platform';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppLogger } from './app-logger';

/** The backend whose transaction holds the horizon back: no user name, no query text, no client address. */
export interface HorizonBlocker {
  pid: number;
  database: string | null;
  ageSeconds: number;
}

/**
 * The PostgreSQL event store reads the log only below `pg_snapshot_xmin(pg_current_snapshot())`,
 * the oldest transaction id still running on the whole server, whatever its database: an event
 * committed after that transaction took its id stays unread until it ends. This names that
 * transaction and how long it has been open, so a stalled horizon is seen, not suffered.
 *
 * Only transactions with an id (they wrote something) move the snapshot's xmin, so the oldest
 * `backend_xid` is the one, and its `xact_start` bounds how long the log has been held back.
 * A login without `pg_read_all_stats` (or `pg_monitor`) sees no `backend_xid` of other roles'
 * sessions, hence the README's advice to grant it. A prepared transaction holds the horizon
 * too but has no backend; it is not named here.
 */
@Injectable()
export class LogHorizon implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly warnAfterSeconds: number;
  private timer?: NodeJS.Timeout;
  /** The blocker last logged, so a long stall is one warning and one release, not a line a poll. */
  private warned?: string;

  constructor(
    environment: Environment,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly logger: AppLogger,
  ) {
    this.warnAfterSeconds = environment.LOG_HORIZON_WARN_SECONDS;
  }

  /** EventStoreDB orders its log itself; PostgreSQL's transaction ids matter only to our own store. */
  get applies(): boolean {
    return this.store.name === 'postgres';
  }

  async oldestBlocker(): Promise<HorizonBlocker | null> {
    if (!this.applies) return null;
    const { rows } = await this.database.pool.query<{ pid: number; database: string | null; age_seconds: number }>(
      `SELECT pid, datname AS database, greatest(0, extract(epoch FROM clock_timestamp() - xact_start))::float8 AS age_seconds
         FROM pg_stat_activity
        WHERE backend_xid IS NOT NULL AND xact_start IS NOT NULL AND pid <> pg_backend_pid()
        ORDER BY age(backend_xid) DESC
        LIMIT 1`,
    );
    const [row] = rows;
    return row ? { pid: row.pid, database: row.database, ageSeconds: Math.round(row.age_seconds * 10) / 10 } : null;
  }

  /** The blocker when it has held the log back longer than the bound, else null. */
  async stalledBy(): Promise<HorizonBlocker | null> {
    const blocker = await this.oldestBlocker();
    return blocker && blocker.ageSeconds >= this.warnAfterSeconds ? blocker : null;
  }

  onApplicationBootstrap(): void {
    if (!this.applies) return;
    // Twice per bound, so the warning comes at most half a bound late; at most every 15 s.
    const everyMs = Math.min(15, Math.max(0.5, this.warnAfterSeconds / 2)) * 1000;
    this.timer = setInterval(() => void this.watch(), everyMs);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async watch(): Promise<void> {
    let stalled: HorizonBlocker | null;
    try {
      stalled = await this.stalledBy();
    } catch {
      return; // The database's own health is /health/ready's to report; a failed poll is retried.
    }
    const key = stalled ? `${stalled.pid}` : undefined;
    if (key === this.warned) return;
    // Another blocker taking over means the one warned of has ended: both are said.
    if (this.warned) this.logger.pino.info({ horizon: { blockingPid: Number(this.warned) } }, 'event log horizon released');
    if (stalled) {
      this.logger.pino.warn(
        { horizon: { blockingPid: stalled.pid, database: stalled.database, ageSeconds: stalled.ageSeconds, boundSeconds: this.warnAfterSeconds } },
        'event log held back by a long transaction: projections and X-Min-Position wait until it ends',
      );
    }
    this.warned = key;
  }
}
