import { Module } from '@nestjs/common';
import { LoggingModule } from '../observability/app-logger';
import { PublicWbsController } from './public-wbs.controller';
import { WbsController } from './wbs.controller';
import { WbsPersonalData } from './wbs-personal-data';
import { WBS_QUERY_HANDLERS } from './wbs-queries';
import { WbsReporter } from './wbs-reporter';
import { WbsRetention } from './wbs-retention';

@Module({
  imports: [LoggingModule],
  controllers: [WbsController, PublicWbsController],
  providers: [WbsPersonalData, WbsReporter, WbsRetention, ...WBS_QUERY_HANDLERS],
})
export class WbsModule {}
