import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { LedgerHealthIndicator } from './ledger-health.indicator';

@ApiTags('Health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly ledger: LedgerHealthIndicator,
  ) {}

  /** The process answers. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * The database and the event store answer; 503 otherwise. A long transaction holding the
   * event log back is named in `logHorizon` but leaves it ready (LedgerHealthIndicator.logHorizon).
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.ledger.databaseReachable(), () => this.ledger.eventStoreReachable(), () => this.ledger.logHorizon()]);
  }
}
