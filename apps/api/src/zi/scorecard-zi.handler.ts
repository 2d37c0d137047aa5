import { PublicZiRecord } from '@app/domain/zi';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ScorecardZiQuery, ScorecardZiUnit } from '../dashboards';
import { PublicZiQuery } from './zi-queries';

/** The OPD's ZI units on its scorecard, from the same allow-listed records the public sees. */
@QueryHandler(ScorecardZiQuery)
export class ScorecardZiHandler implements IQueryHandler<ScorecardZiQuery> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ opdCode, year }: ScorecardZiQuery): Promise<ScorecardZiUnit[]> {
    const records: PublicZiRecord[] = await this.queries.execute(new PublicZiQuery(year));
    return records
      .filter((record) => record.opdCode === opdCode)
      .map((record) => ({
        unit: record.unit,
        target: record.target,
        stage: record.stage,
        tpiTotal: record.scores?.total ?? null,
        meets: record.scores?.meets ?? null,
        predikat: record.award && !record.revokedOn ? record.award.predikat : null,
      }));
  }
}
