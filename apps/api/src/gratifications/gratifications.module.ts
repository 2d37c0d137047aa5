import { Module } from '@nestjs/common';
import { GratificationPersonalData } from './gratification-personal-data';
import { GRATIFICATION_QUERY_HANDLERS } from './gratification-queries';
import { GratificationsController } from './gratifications.controller';

@Module({
  controllers: [GratificationsController],
  providers: [GratificationPersonalData, ...GRATIFICATION_QUERY_HANDLERS],
})
export class GratificationsModule {}
