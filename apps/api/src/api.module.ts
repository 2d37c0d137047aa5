import { PlatformModule } from '@app/platform';
import { ALL_PROJECTIONS } from '@app/read-models';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { AuthGuard } from './auth/auth.guard';
import { DecideHandler } from './commands/decide.command';
import { RequestClockInterceptor } from './commands/request-clock.interceptor';
import { TokenVerifier } from './auth/token-verifier';
import { HealthController } from './health/health.controller';
import { LedgerHealthIndicator } from './health/ledger-health.indicator';
import { loggingModule } from './observability/logging';
import { HttpMetricsInterceptor, Metrics, MetricsController } from './observability/metrics';
import { HistoryController } from './history/history.controller';
import { PublicIntegrityController } from './public/public-integrity.controller';
import { MinPositionInterceptor } from './http/min-position.interceptor';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { OpdsModule } from './opds/opds.module';
import { AuditFindingsModule } from './audit-findings/audit-findings.module';
import { PlansModule } from './plans/plans.module';
import { LkjipModule } from './lkjip/lkjip.module';
import { SkpModule } from './skp/skp.module';
import { DashboardsModule } from './dashboards/dashboards.module';
import { PublicFeedModule } from './public-feed/public-feed.module';
import { PortalModule } from './portal/portal.module';

@Module({
  imports: [
    PlatformModule.forRoot({ projections: ALL_PROJECTIONS, runProjections: 'config', applicationName: 'kinerja-ledger-api' }),
    CqrsModule.forRoot(),
    TerminusModule,
    loggingModule,
    OpdsModule,
    PlansModule,
    LkjipModule,
    AuditFindingsModule,
    SkpModule,
    DashboardsModule,
    PublicFeedModule,
    PortalModule,
  ],
  controllers: [HealthController, HistoryController, PublicIntegrityController, MetricsController],
  providers: [
    LedgerHealthIndicator,
    Metrics,
    { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
    TokenVerifier,
    IdempotencyStore,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    DecideHandler,
    { provide: APP_INTERCEPTOR, useClass: RequestClockInterceptor },
    { provide: APP_INTERCEPTOR, useClass: MinPositionInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class ApiModule {}
