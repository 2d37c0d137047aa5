import { Module } from '@nestjs/common';
import { CascadeLookupHandler } from './cascade-lookup.query';
import { CascadeTreeHandler } from './cascade-tree.query';
import { GetSkpHandler, ListAppraisalsHandler, ListUnitSkpHandler, SkpPartiesHandler } from './skp-queries';
import { SkpListsController } from './skp-lists.controller';
import { SkpController } from './skp.controller';
import { SkpPersonalData } from './skp-personal-data';

@Module({
  controllers: [SkpController, SkpListsController],
  providers: [SkpPersonalData, GetSkpHandler, SkpPartiesHandler, ListUnitSkpHandler, ListAppraisalsHandler, CascadeLookupHandler, CascadeTreeHandler],
  exports: [SkpPersonalData],
})
export class SkpModule {}
