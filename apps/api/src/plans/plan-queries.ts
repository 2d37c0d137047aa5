import { evolvePlanDocument, planStream, PlanView, planView, PlanViewSettings } from '@app/domain/plan';
import { EVENT_STORE, EventStore, foldStream } from '@app/event-store';
import { Projections, RowView } from '@app/projections';
import { PlanRow, planReadModel } from '@app/read-models';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { MoreThan } from 'typeorm';
import { decodeCursor, encodeCursor, Page } from '../http/pagination';
import { PLAN_VIEW_SETTINGS } from './plan-view-settings';

export class GetPlanQuery extends Query<PlanView | null> {
  /** `asOf`: the plan as its events up to that instant left it, straight from the log. */
  constructor(
    readonly opdCode: string,
    readonly year: number,
    readonly asOf?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetPlanQuery)
export class GetPlanHandler implements IQueryHandler<GetPlanQuery> {
  /** Worked out once per revision of the row, not once per read: the settings are the process's. */
  private readonly view: RowView<PlanRow, PlanView> = { name: 'plan-view', of: (row) => planView(row.document, this.settings) };

  constructor(
    private readonly projections: Projections,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PLAN_VIEW_SETTINGS) private readonly settings: PlanViewSettings,
  ) {}

  async execute({ opdCode, year, asOf }: GetPlanQuery): Promise<PlanView | null> {
    if (!asOf) return this.projections.viewByKey(planReadModel, { opdCode, year }, this.view);
    const { folded } = await foldStream(this.store, planStream(opdCode, year), evolvePlanDocument, asOf);
    return folded && planView(folded, this.settings);
  }
}

export class ListPlansQuery extends Query<Page<PlanView>> {
  constructor(
    readonly opdCode: string,
    readonly year: number | undefined,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

/** One unit's plans, oldest year first; the cursor is the last year shown. */
@QueryHandler(ListPlansQuery)
export class ListPlansHandler implements IQueryHandler<ListPlansQuery> {
  constructor(
    private readonly projections: Projections,
    @Inject(PLAN_VIEW_SETTINGS) private readonly settings: PlanViewSettings,
  ) {}

  async execute({ opdCode, year, limit, cursor }: ListPlansQuery): Promise<Page<PlanView>> {
    const after = decodeCursor(cursor, /^\d{4}$/);
    const rows = await (
      await this.projections.reader(planReadModel)
    ).find({
      where: { opdCode, ...(year !== undefined ? { year } : after !== undefined ? { year: MoreThan(Number(after)) } : {}) },
      order: { year: 'ASC' },
      take: limit + 1,
    });
    const items = rows.slice(0, limit);
    return {
      items: items.map((row) => planView(row.document, this.settings)),
      nextCursor: rows.length > limit ? encodeCursor(String(items[items.length - 1].year)) : null,
    };
  }
}

export const PLAN_QUERY_HANDLERS = [GetPlanHandler, ListPlansHandler];
