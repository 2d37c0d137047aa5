import { PlatformModule } from '@app/platform';
import { ALL_PROJECTIONS } from '@app/read-models';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { HealthController } from './health/health.controller';

@Module({
  imports: [
    PlatformModule.forRoot({ projections: ALL_PROJECTIONS, runProjections: 'config', applicationName: 'kinerja-ledger-api' }),
    CqrsModule.forRoot(),
  ],
  controllers: [HealthController],
})
export class ApiModule {}
