import {
  evolveFindingDocument,
  FindingDocument,
  FindingFigures,
  findingStream,
  FindingView,
  findingView,
  RecommendationStatus,
} from '@app/domain/audit-finding';
import { addFindingTally, FindingTally, noFindingTally, tallyFigures } from '@app/domain/dashboard';
import { EVENT_STORE, EventStore, foldStream } from '@app/event-store';
import { Clock } from '@app/platform';
import { Projections } from '@app/projections';
import { findingReadModel, FindingRow } from '@app/read-models';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor, Page } from '../http/pagination';

/** The finding as read today: overdue flags are evaluated now; `overdue` is true when any recommendation is. */
export type FindingAnswer = FindingView & { overdue: boolean };

function answer(document: FindingDocument, today: string): FindingAnswer {
  const view = findingView(document, today);
  return { ...view, overdue: view.recommendations.some((recommendation) => recommendation.overdue) };
}

export class GetFindingQuery extends Query<FindingAnswer | null> {
  /** `asOf`: the finding as its events up to that instant left it, judged on that day. */
  constructor(
    readonly id: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetFindingQuery)
export class GetFindingHandler implements IQueryHandler<GetFindingQuery> {
  constructor(
    private readonly projections: Projections,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ id, asOf }: GetFindingQuery): Promise<FindingAnswer | null> {
    if (!asOf) {
      const row = await this.projections.findByKey(findingReadModel, { id });
      return row && answer(row.document, this.clock.today());
    }
    const { folded } = await foldStream(this.store, findingStream(id), evolveFindingDocument, asOf);
    return folded && answer(folded, this.clock.dayOf(asOf));
  }
}

export interface FindingFilter {
  opd?: string;
  year?: number;
  status?: RecommendationStatus;
  overdue?: boolean;
}

export class ListFindingsQuery extends Query<Page<FindingAnswer>> {
  constructor(
    readonly filter: FindingFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

/** Newest report first; the cursor is the last item's (reportDate, id). */
@QueryHandler(ListFindingsQuery)
export class ListFindingsHandler implements IQueryHandler<ListFindingsQuery> {
  constructor(
    private readonly projections: Projections,
    private readonly clock: Clock,
  ) {}

  async execute({ filter, limit, cursor }: ListFindingsQuery): Promise<Page<FindingAnswer>> {
    const today = this.clock.today();
    const query = (await this.projections.reader(findingReadModel)).createQueryBuilder('finding');
    if (filter.opd) query.andWhere('finding.opdCode = :opd', { opd: filter.opd });
    if (filter.year) query.andWhere('finding.year = :year', { year: filter.year });
    if (filter.status) query.andWhere(':status = ANY(finding.statuses)', { status: filter.status });
    // Overdue needs today: a stored flag says a recommendation would be overdue once the due date passes.
    const overdue = '(finding.mayBecomeOverdue AND finding.dueDate < :today)';
    if (filter.overdue === true) query.andWhere(overdue, { today });
    if (filter.overdue === false) query.andWhere(`NOT ${overdue}`, { today });
    const after = decodeCursor(cursor, /^\d{4}-\d{2}-\d{2}\|[0-9a-f-]{36}$/);
    if (after !== undefined) {
      const [reportDate, id] = after.split('|');
      query.andWhere('(finding.reportDate, finding.id) < (:reportDate, :id)', { reportDate, id });
    }
    const rows: FindingRow[] = await query
      .orderBy('finding.reportDate', 'DESC')
      .addOrderBy('finding.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => answer(row.document, today)),
      nextCursor: rows.length > limit && last ? encodeCursor(`${last.reportDate}|${last.id}`) : null,
    };
  }
}

export type OpdFindingFigures = FindingFigures & { opdCode: string };

export class FindingSummaryQuery extends Query<OpdFindingFigures[]> {
  constructor(readonly filter: Pick<FindingFilter, 'opd' | 'year'>) {
    super();
  }
}

/** docs/domain.md's per-OPD figures, for one unit (zeros when it has no findings) or every unit that has some. */
@QueryHandler(FindingSummaryQuery)
export class FindingSummaryHandler implements IQueryHandler<FindingSummaryQuery> {
  constructor(
    private readonly projections: Projections,
    private readonly clock: Clock,
  ) {}

  async execute({ filter }: FindingSummaryQuery): Promise<OpdFindingFigures[]> {
    // The tallies do not depend on the day, so they are kept until the register moves; only
    // what is overdue is counted against today, on each read.
    const tallies = await this.projections.cachedRead(findingReadModel, `finding-tallies\u0000${filter.opd ?? ''}\u0000${filter.year ?? ''}`, () =>
      this.talliesByOpd(filter),
    );
    const today = this.clock.today();
    return tallies.map(([opdCode, tally]) => ({ opdCode, ...tallyFigures(tally, today) }));
  }

  /** Each row's tally, not its document: a year's findings added up without parsing their follow-ups. */
  private async talliesByOpd(filter: Pick<FindingFilter, 'opd' | 'year'>): Promise<Array<[string, FindingTally]>> {
    const rows = await (
      await this.projections.reader(findingReadModel)
    ).find({
      where: { ...(filter.opd ? { opdCode: filter.opd } : {}), ...(filter.year ? { year: filter.year } : {}) },
      select: { opdCode: true, tally: true },
    });
    const byOpd = new Map<string, FindingTally>(filter.opd ? [[filter.opd, noFindingTally()]] : []);
    for (const row of rows) byOpd.set(row.opdCode, addFindingTally(byOpd.get(row.opdCode) ?? noFindingTally(), row.tally, 1));
    return [...byOpd.entries()].sort(([a], [b]) => a.localeCompare(b));
  }
}

export const AUDIT_FINDING_QUERY_HANDLERS = [GetFindingHandler, ListFindingsHandler, FindingSummaryHandler];
