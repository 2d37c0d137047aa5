import { PlatformModule } from '@app/platform';
import { ALL_PROJECTIONS } from '@app/read-models';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { AuthGuard } from './auth/auth.guard';
import { WritesModule } from './commands/writes.module';
import { TokenVerifier } from './auth/token-verifier';
import { HealthController } from './health/health.controller';
import { LedgerHealthIndicator } from './health/ledger-health.indicator';
import { LoggingModule } from './observability/app-logger';
import { LogHorizon } from './observability/log-horizon';
import { Metrics, MetricsController } from './observability/metrics';
import { HistoryController } from './history/history.controller';
import { PublicIntegrityController } from './integrity/public-integrity.controller';
import { MinPositionGuard } from './http/min-position.guard';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { OpdsModule } from './opds/opds.module';
import { AuditFindingsModule } from './audit-findings/audit-findings.module';
import { PlansModule } from './plans/plans.module';
import { LkjipModule } from './lkjip/lkjip.module';
import { SkpModule } from './skp/skp.module';
import { DashboardsModule } from './dashboards/dashboards.module';
import { PublicFeedModule } from './public-feed/public-feed.module';
import { PortalModule } from './portal/portal.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { ZiModule } from './zi/zi.module';
import { SurveysModule } from './surveys/surveys.module';
import { ComplaintsModule } from './complaints';
import { WbsModule } from './wbs';
import { GratificationsModule } from './gratifications/gratifications.module';
import { ParticipationModule } from './participation/participation.module';

@Module({
  imports: [
    PlatformModule.forRoot({ projections: ALL_PROJECTIONS, runProjections: 'config', applicationName: 'kinerja-ledger-api' }),
    CqrsModule.forRoot(),
    TerminusModule,
    LoggingModule,
    IdempotencyModule,
    WritesModule,
    OpdsModule,
    PlansModule,
    LkjipModule,
    AuditFindingsModule,
    SkpModule,
    DashboardsModule,
    PublicFeedModule,
    SurveysModule,
    GratificationsModule,
    ComplaintsModule,
    WbsModule,
    ParticipationModule,
    PortalModule,
    PersonalDataModule,
    ZiModule,
  ],
  controllers: [HealthController, HistoryController, PublicIntegrityController, MetricsController],
  providers: [
    LedgerHealthIndicator,
    LogHorizon,
    Metrics,
    TokenVerifier,
    // In this order: who asks first, then the wait for X-Min-Position.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: MinPositionGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class ApiModule {}
