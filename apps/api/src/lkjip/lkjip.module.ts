import { Environment } from '@app/config';
import { Module } from '@nestjs/common';
import { LKJIP_QUERY_HANDLERS } from './lkjip-queries';
import { LKJIP_SETTINGS, lkjipSettingsFrom } from './lkjip-settings';
import { LkjipController } from './lkjip.controller';
import { PublicLkjipController } from './public-lkjip.controller';

@Module({
  controllers: [LkjipController, PublicLkjipController],
  providers: [...LKJIP_QUERY_HANDLERS, { provide: LKJIP_SETTINGS, inject: [Environment], useFactory: lkjipSettingsFrom }],
})
export class LkjipModule {}
