import { Environment } from '@app/config';
import { Module } from '@nestjs/common';
import { PlanDocumentHandler } from './plan-document.query';
import { PLAN_QUERY_HANDLERS } from './plan-queries';
import { PLAN_VIEW_SETTINGS, planViewSettingsFrom } from './plan-view-settings';
import { PlanImportController } from './plan-import.controller';
import { PlansController } from './plans.controller';
import { PublicPlanHandler } from './public-plan.query';
import { PublicPlansController } from './public-plans.controller';

@Module({
  controllers: [PlanImportController, PlansController, PublicPlansController],
  providers: [
    ...PLAN_QUERY_HANDLERS,
    PlanDocumentHandler,
    PublicPlanHandler,
    { provide: PLAN_VIEW_SETTINGS, inject: [Environment], useFactory: planViewSettingsFrom },
  ],
})
export class PlansModule {}
