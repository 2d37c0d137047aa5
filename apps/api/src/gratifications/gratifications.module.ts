import { Module } from '@nestjs/common';
import { ZiModule } from '../zi';
import { GratificationLedgerSources } from './gratification-ledger-sources';
import { GratificationPersonalData } from './gratification-personal-data';
import { GratificationFiguresHandler } from './gratification-figures.query';
import { GRATIFICATION_QUERY_HANDLERS } from './gratification-queries';
import { GratificationsController } from './gratifications.controller';

@Module({
  imports: [ZiModule],
  controllers: [GratificationsController],
  providers: [GratificationLedgerSources, GratificationPersonalData, GratificationFiguresHandler, ...GRATIFICATION_QUERY_HANDLERS],
})
export class GratificationsModule {}
