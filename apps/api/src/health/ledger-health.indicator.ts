import { Database } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DATABASE } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

/** The two dependencies a request needs: the database (read models) and the event store. */
@Injectable()
export class LedgerHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
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
}
