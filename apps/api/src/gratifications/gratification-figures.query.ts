import { Projections } from '@app/projections';
import { gratificationReadModel } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** DOMAIN.md, Gratification rule 4: counts and amounts only, never who reported. */
export interface GratificationFigures {
  reports: number;
  totalValueIdr: number;
  /** Reports made within 10 working days of receipt. */
  reportedOnTime: number;
  /** Reports made within 10 working days of receipt, in percent (2 decimals); null without reports. */
  reportedOnTimePercent: number | null;
}

export class GratificationFiguresQuery extends Query<GratificationFigures> {
  constructor(
    readonly opdCode: string,
    readonly year: number,
  ) {
    super();
  }
}

@QueryHandler(GratificationFiguresQuery)
export class GratificationFiguresHandler implements IQueryHandler<GratificationFiguresQuery> {
  constructor(private readonly projections: Projections) {}

  async execute({ opdCode, year }: GratificationFiguresQuery): Promise<GratificationFigures> {
    const figures = await (
      await this.projections.reader(gratificationReadModel)
    )
      .createQueryBuilder('g')
      .select('count(*)', 'reports')
      .addSelect("coalesce(sum((g.document->>'valueIdr')::numeric), 0)", 'total')
      .addSelect('count(*) FILTER (WHERE NOT g.late)', 'onTime')
      .where('g.opdCode = :opdCode AND g.year = :year', { opdCode, year })
      .getRawOne<{ reports: string; total: string; onTime: string }>();
    const reports = Number(figures?.reports ?? 0);
    const onTime = Number(figures?.onTime ?? 0);
    return {
      reports,
      totalValueIdr: Number(figures?.total ?? 0),
      reportedOnTime: onTime,
      // onTime × 100 / reports to 2 decimals half up, in integers: 2 of 3 is 66.67, never 66.66.
      reportedOnTimePercent: reports === 0 ? null : Math.floor((2 * onTime * 10_000 + reports) / (2 * reports)) / 100,
    };
  }
}
