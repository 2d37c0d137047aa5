import { Module } from '@nestjs/common';
import { LoggingModule } from '../observability/app-logger';
import { PublicWbsController } from './public-wbs.controller';
import { WbsController } from './wbs.controller';
import { WbsFiling } from './wbs-filing';
import { WbsPersonalData } from './wbs-personal-data';
import { WBS_QUERY_HANDLERS } from './wbs-queries';
import { WbsReporter } from './wbs-reporter';
import { WbsRetention } from './wbs-retention';

@Module({
  imports: [LoggingModule],
  controllers: [WbsController, PublicWbsController],
  providers: [WbsFiling, WbsPersonalData, WbsReporter, WbsRetention, ...WBS_QUERY_HANDLERS],
  exports: [WbsFiling, WbsReporter],
})
export class WbsModule {}
