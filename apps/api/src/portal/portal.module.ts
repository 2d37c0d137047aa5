import { Module } from '@nestjs/common';

import { PageCache } from './page-cache';
import { PortalAssetsController } from './portal-assets.controller';
import { PortalController } from './portal.controller';

@Module({
  controllers: [PortalController, PortalAssetsController],
  providers: [PageCache],
})
export class PortalModule {}
