import { evolvePlanDocument, PlanDocument, planStream, PlanView, planView, PlanViewSettings, withCorrectionMarks } from '@app/domain/plan';
import { EVENT_STORE, EventStore, foldStream } from '@app/event-store';
import { Projections } from '@app/projections';
import { planCorrectionReadModel, PlanRow, planReadModel } from '@app/read-models';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { In, MoreThan, QueryFailedError } from 'typeorm';
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

/**
 * The documents of these rows (one unit's plans) as the fold gives them: each row's, with the
 * marks of its corrections, which the register keeps in rows of their own, put back. Read after
 * the rows, the marks may include later ones; withCorrectionMarks leaves those out.
 */
async function documentsOf(projections: Projections, rows: readonly PlanRow[]): Promise<PlanDocument[]> {
  if (rows.length === 0) return [];
  const marks = await (
    await projections.reader(planCorrectionReadModel)
  )
    .find({ where: { opdCode: rows[0].opdCode, year: In(rows.map((row) => row.year)) }, order: { year: 'ASC', revision: 'ASC' } })
    .catch((error: unknown) => {
      // While version 3 of the register is built beside it, version 2 serves: its documents
      // hold their marks, and it has no table of them.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNDEFINED_TABLE) return [];
      throw error;
    });
  return rows.map((row) =>
    withCorrectionMarks(
      row.document,
      marks.filter((mark) => mark.year === row.year),
    ),
  );
}

const UNDEFINED_TABLE = '42P01';

@QueryHandler(GetPlanQuery)
export class GetPlanHandler implements IQueryHandler<GetPlanQuery> {
  constructor(
    private readonly projections: Projections,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PLAN_VIEW_SETTINGS) private readonly settings: PlanViewSettings,
  ) {}

  async execute({ opdCode, year, asOf }: GetPlanQuery): Promise<PlanView | null> {
    if (!asOf) {
      // Worked out once per state of the register, not once per read: the settings are the process's.
      return this.projections.cachedRead(planReadModel, `plan-view\u0000${opdCode}\u0000${year}`, async () => {
        const row = await this.projections.findByKey(planReadModel, { opdCode, year });
        if (!row) return null;
        const [document] = await documentsOf(this.projections, [row]);
        return planView(document, this.settings);
      });
    }
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
      items: (await documentsOf(this.projections, items)).map((document) => planView(document, this.settings)),
      nextCursor: rows.length > limit ? encodeCursor(String(items[items.length - 1].year)) : null,
    };
  }
}

export const PLAN_QUERY_HANDLERS = [GetPlanHandler, ListPlansHandler];
