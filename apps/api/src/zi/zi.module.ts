import { Environment } from '@app/config';
import { Module } from '@nestjs/common';
import { LedgerSources } from './ledger-sources';
import { BuiltInLedgerSources } from './ledger-sources.provider';
import { LkeSheetCache } from './lke-sheet-cache';
import { ScorecardZiHandler } from './scorecard-zi.handler';
import { ZI_QUERY_HANDLERS } from './zi-queries';
import { ZI_SETTINGS, ziSettingsFrom } from './zi-settings';
import { ZiController } from './zi.controller';
import { PublicZiController } from './public-zi.controller';

@Module({
  controllers: [ZiController, PublicZiController],
  providers: [
    ...ZI_QUERY_HANDLERS,
    { provide: ZI_SETTINGS, inject: [Environment], useFactory: ziSettingsFrom },
    LedgerSources,
    BuiltInLedgerSources,
    ScorecardZiHandler,
    LkeSheetCache,
  ],
  exports: [LedgerSources],
})
export class ZiModule {}
