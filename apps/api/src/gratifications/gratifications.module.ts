import { Module } from '@nestjs/common';
import { GratificationPersonalData } from './gratification-personal-data';
import { GratificationFiguresHandler } from './gratification-figures.query';
import { GRATIFICATION_QUERY_HANDLERS } from './gratification-queries';
import { GratificationsController } from './gratifications.controller';

@Module({
  controllers: [GratificationsController],
  providers: [GratificationPersonalData, GratificationFiguresHandler, ...GRATIFICATION_QUERY_HANDLERS],
})
export class GratificationsModule {}
