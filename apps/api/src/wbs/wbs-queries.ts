import { WBS_STATUSES, WbsDocument, WbsStatus } from '@app/domain/wbs';
import { Projections } from '@app/projections';
import { wbsReadModel, WbsRow } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor, Page } from '../http/pagination';
import { WbsPersonalData } from './wbs-personal-data';

/** A report as the officers read it: opened, without its identity (a reading opens that) or its secret's hash. */
export type WbsAnswer = Omit<WbsDocument, 'identity' | 'followSecretHash'>;

export interface WbsFilter {
  state?: WbsStatus;
  year?: number;
  trackingCode?: string;
}

export class ListWbsReportsQuery extends Query<Page<WbsAnswer>> {
  constructor(
    readonly filter: WbsFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

/** Newest report first; the cursor is the last item's (filedOn, trackingCode). */
@QueryHandler(ListWbsReportsQuery)
export class ListWbsReportsHandler implements IQueryHandler<ListWbsReportsQuery> {
  constructor(
    private readonly projections: Projections,
    private readonly personalData: WbsPersonalData,
  ) {}

  async execute({ filter, limit, cursor }: ListWbsReportsQuery): Promise<Page<WbsAnswer>> {
    const query = (await this.projections.reader(wbsReadModel)).createQueryBuilder('w');
    if (filter.state) query.andWhere('w.status = :state', { state: filter.state });
    if (filter.year) query.andWhere('w.year = :year', { year: filter.year });
    if (filter.trackingCode) query.andWhere('w.trackingCode = :code', { code: filter.trackingCode });
    const after = decodeCursor(cursor, /^\d{4}-\d{2}-\d{2}\|[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    if (after !== undefined) {
      const [filedOn, trackingCode] = after.split('|');
      query.andWhere('(w.filedOn, w.trackingCode) < (:filedOn, :trackingCode)', { filedOn, trackingCode });
    }
    const rows: WbsRow[] = await query
      .orderBy('w.filedOn', 'DESC')
      .addOrderBy('w.trackingCode', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: await Promise.all(items.map(({ document: { identity: _identity, followSecretHash: _hash, ...report } }) => this.personalData.reveal(report))),
      nextCursor: rows.length > limit && last ? encodeCursor(`${last.filedOn}|${last.trackingCode}`) : null,
    };
  }
}

/** docs/domain.md, Whistleblowing 4: counts per year by state, regency-wide only. */
export interface WbsFigures {
  year: number;
  total: number;
  byState: Record<WbsStatus, number>;
}

export class WbsFiguresQuery extends Query<WbsFigures> {
  constructor(readonly year: number) {
    super();
  }
}

@QueryHandler(WbsFiguresQuery)
export class WbsFiguresHandler implements IQueryHandler<WbsFiguresQuery> {
  constructor(private readonly projections: Projections) {}

  async execute({ year }: WbsFiguresQuery): Promise<WbsFigures> {
    const counts = await (
      await this.projections.reader(wbsReadModel)
    )
      .createQueryBuilder('w')
      .select('w.status', 'status')
      .addSelect('count(*)', 'count')
      .where('w.year = :year', { year })
      .groupBy('w.status')
      .getRawMany<{ status: WbsStatus; count: string }>();
    const byState = Object.fromEntries(WBS_STATUSES.map((status) => [status, 0])) as Record<WbsStatus, number>;
    for (const { status, count } of counts) byState[status] = Number(count);
    return { year, total: Object.values(byState).reduce((sum, count) => sum + count, 0), byState };
  }
}

export const WBS_QUERY_HANDLERS = [ListWbsReportsHandler, WbsFiguresHandler];
