import { Injectable, OnModuleInit } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { LedgerSources } from '../zi';
import { GratificationFigures, GratificationFiguresQuery } from './gratification-figures.query';

/**
 * What the unit's gratification reports answer of the LKE (docs/domain.md, ZI 5): of the gifts
 * its staff reported in the year, the share reported within 10 working days of receipt
 * (GRATIFICATION_ON_TIME). A year without reports says nothing either way.
 */
@Injectable()
export class GratificationLedgerSources implements OnModuleInit {
  constructor(
    private readonly sources: LedgerSources,
    private readonly queries: QueryBus,
  ) {}

  onModuleInit(): void {
    this.sources.register({
      name: 'GRATIFICATION_ON_TIME',
      read: async ({ opdCode, year }) => {
        const figures: GratificationFigures = await this.queries.execute(new GratificationFiguresQuery(opdCode, year));
        if (figures.reports === 0) return null;
        return {
          figure: { kind: 'SHARE', numerator: figures.reportedOnTime, denominator: figures.reports },
          links: [`/public/v1/participation/${opdCode}/${year}`],
          basis: `${figures.reportedOnTime} of ${figures.reports} gratification reports made within 10 working days`,
        };
      },
    });
  }
}
