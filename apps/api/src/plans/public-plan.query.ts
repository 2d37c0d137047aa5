import { PlanViewSettings, PublicPlan, publicPlanOf } from '@app/domain/plan';
import { Projections } from '@app/projections';
import { planReadModel } from '@app/read-models';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PLAN_VIEW_SETTINGS } from './plan-view-settings';

/** A unit's plan as the public reads it; null when there is none or none is approved yet. */
export class PublicPlanQuery extends Query<PublicPlan | null> {
  constructor(
    readonly opdCode: string,
    readonly year: number,
  ) {
    super();
  }
}

@QueryHandler(PublicPlanQuery)
export class PublicPlanHandler implements IQueryHandler<PublicPlanQuery> {
  constructor(
    private readonly projections: Projections,
    @Inject(PLAN_VIEW_SETTINGS) private readonly settings: PlanViewSettings,
  ) {}

  async execute({ opdCode, year }: PublicPlanQuery): Promise<PublicPlan | null> {
    const row = await (await this.projections.reader(planReadModel)).findOneBy({ opdCode, year });
    return row && publicPlanOf(row.document, this.settings);
  }
}
