import { PlatformModule } from '@app/platform';
import { ALL_PROJECTIONS } from '@app/read-models';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { HealthController } from './health/health.controller';
import { HistoryController } from './history/history.controller';
import { PublicIntegrityController } from './public/public-integrity.controller';
import { MinPositionInterceptor } from './http/min-position.interceptor';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { OpdsModule } from './opds/opds.module';

@Module({
  imports: [
    PlatformModule.forRoot({ projections: ALL_PROJECTIONS, runProjections: 'config', applicationName: 'kinerja-ledger-api' }),
    CqrsModule.forRoot(),
    OpdsModule,
  ],
  controllers: [HealthController, HistoryController, PublicIntegrityController],
  providers: [
    TokenVerifier,
    IdempotencyStore,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_INTERCEPTOR, useClass: MinPositionInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class ApiModule {}
