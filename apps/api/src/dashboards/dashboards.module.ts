import { Environment } from '@app/config';
import { Module } from '@nestjs/common';
import { DashboardsController } from './dashboards.controller';
import { PublicScorecardsController } from './public-scorecards.controller';
import { RedFlagsHandler } from './red-flag-queries';
import { SCORECARD_QUERY_HANDLERS } from './scorecard-queries';
import { SCORECARD_SETTINGS, scorecardSettingsFrom } from './scorecard-settings';

@Module({
  controllers: [DashboardsController, PublicScorecardsController],
  providers: [...SCORECARD_QUERY_HANDLERS, RedFlagsHandler, { provide: SCORECARD_SETTINGS, inject: [Environment], useFactory: scorecardSettingsFrom }],
  exports: [SCORECARD_SETTINGS],
})
export class DashboardsModule {}
