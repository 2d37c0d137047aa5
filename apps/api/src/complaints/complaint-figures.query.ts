import { WorkingCalendar } from '@app/domain';
import { ComplaintFigures } from '@app/domain/complaint';
import { Clock } from '@app/platform';
import { Projections } from '@app/projections';
import { complaintReadModel } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

export { ComplaintFigures };

export class ComplaintFiguresQuery extends Query<ComplaintFigures> {
  constructor(
    readonly opdCode: string,
    readonly year: number,
  ) {
    super();
  }
}

@QueryHandler(ComplaintFiguresQuery)
export class ComplaintFiguresHandler implements IQueryHandler<ComplaintFiguresQuery> {
  constructor(
    private readonly projections: Projections,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  async execute({ opdCode, year }: ComplaintFiguresQuery): Promise<ComplaintFigures> {
    const today = this.clock.today();
    // A unit's complaints of a year are hundreds at most: the days are counted here, on the calendar.
    const rows = await (
      await this.projections.reader(complaintReadModel)
    )
      .createQueryBuilder('c')
      // With the key: TypeORM folds rows it cannot tell apart into one.
      .select(['c.trackingCode', 'c.verifiedOn', 'c.firstResponseOn', 'c.firstResponseLate', 'c.responseDue'])
      .where('c.opdCode = :opdCode AND c.year = :year', { opdCode, year })
      .getMany();
    const verified = rows.filter((row) => row.verifiedOn !== null);
    const responded = verified.filter((row) => row.firstResponseOn !== null);
    const overdue = verified.filter((row) => row.firstResponseOn === null && row.responseDue !== null && today > row.responseDue);
    const onTime = responded.filter((row) => row.firstResponseLate === false).length;
    const judged = responded.length + overdue.length;
    const days = responded.map((row) => this.calendar.workingDaysBetween(row.verifiedOn!, row.firstResponseOn!)).sort((a, b) => a - b);
    return {
      received: rows.length,
      verified: verified.length,
      responsesDue: judged,
      respondedOnTime: onTime,
      // onTime × 100 / judged to 2 decimals half up, in integers, as the gratification figures round.
      respondedOnTimePercent: judged === 0 ? null : Math.floor((2 * onTime * 10_000 + judged) / (2 * judged)) / 100,
      medianWorkingDaysToResponse: median(days),
    };
  }
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
