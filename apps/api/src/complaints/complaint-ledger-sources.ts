import { Injectable, OnModuleInit } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { LedgerSources } from '../zi';
import { ComplaintFigures, ComplaintFiguresQuery } from './complaint-figures.query';

/**
 * What the unit's complaints answer of the LKE (docs/domain.md, ZI 5): of the complaints
 * verified for it in the year whose first response came or is overdue, the share answered by
 * its deadline (COMPLAINTS_ON_TIME). A year with none says nothing either way.
 */
@Injectable()
export class ComplaintLedgerSources implements OnModuleInit {
  constructor(
    private readonly sources: LedgerSources,
    private readonly queries: QueryBus,
  ) {}

  onModuleInit(): void {
    this.sources.register({
      name: 'COMPLAINTS_ON_TIME',
      read: async ({ opdCode, year }) => {
        const figures: ComplaintFigures = await this.queries.execute(new ComplaintFiguresQuery(opdCode, year));
        if (figures.responsesDue === 0) return null;
        return {
          figure: { kind: 'SHARE', numerator: figures.respondedOnTime, denominator: figures.responsesDue },
          links: [`/public/v1/participation/${opdCode}/${year}`],
          basis: `${figures.respondedOnTime} of ${figures.responsesDue} complaints responded to by their deadline`,
        };
      },
    });
  }
}
