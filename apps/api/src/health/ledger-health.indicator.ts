import { Database } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DATABASE } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { LogHorizon } from '../observability/log-horizon';

/** The two dependencies a request needs: the database (read models) and the event store. */
@Injectable()
export class LedgerHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly horizon: LogHorizon,
  ) {}

  async databaseReachable() {
    const indicator = this.health.check('database');
    try {
      await this.database.pool.query('SELECT 1');
      return indicator.up({ kind: this.database.kind });
    } catch {
      return indicator.down({ kind: this.database.kind });
    }
  }

  async eventStoreReachable() {
    const indicator = this.health.check('eventStore');
    try {
      await this.store.headPosition();
      return indicator.up({ adapter: this.store.name });
    } catch {
      return indicator.down({ adapter: this.store.name });
    }
  }

  /**
   * Up even when a long transaction holds the log back: writes still commit and answer, only
   * projections and X-Min-Position reads wait, and taking every instance out of a load balancer
   * for a transaction in another database would turn a delay into an outage. The detail names
   * the blocker so an operator can end it (`SELECT pg_terminate_backend(pid)`).
   */
  async logHorizon() {
    const indicator = this.health.check('logHorizon');
    if (!this.horizon.applies) return indicator.up();
    try {
      const stalled = await this.horizon.stalledBy();
      if (!stalled) return indicator.up({ boundSeconds: this.horizon.warnAfterSeconds });
      return indicator.up({
        boundSeconds: this.horizon.warnAfterSeconds,
        warning: 'a transaction holds back the event log: projections and X-Min-Position wait until it ends',
        blocking: { pid: stalled.pid, database: stalled.database, ageSeconds: stalled.ageSeconds },
      });
    } catch {
      return indicator.up({ boundSeconds: this.horizon.warnAfterSeconds, checked: false });
    }
  }
}
