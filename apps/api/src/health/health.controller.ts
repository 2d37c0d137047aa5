import { Database } from '@app/database';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DATABASE } from '@app/platform';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';

/**
 * Liveness and readiness for orchestrators. Issue #3 replaces this with @nestjs/terminus and
 * adds metrics; the contract (paths and 503 when a dependency is down) stays.
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ok'; eventStore: string; database: string }> {
    try {
      await this.database.pool.query('SELECT 1');
      await this.store.headPosition();
    } catch {
      throw new ServiceUnavailableException('database or event store unreachable');
    }
    return { status: 'ok', eventStore: this.store.name, database: this.database.kind };
  }
}
