import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AggregatorEnvironment } from './config/aggregator-environment';
import { AGGREGATOR_DATABASE, AggregatorDatabase } from './database/aggregator-database';
import { Followers } from './follow/followers';
import { PortalController } from './portal/portal.controller';
import { ProblemFilter } from './public/problem';
import { RankingController } from './public/ranking.controller';
import { SourcesController } from './public/sources.controller';

/**
 * The provincial aggregator (docs/aggregator.md): it follows regency ledgers' public feeds and
 * integrity heads, and answers what it gathered. It is given its settings and its opened
 * database, so main.ts and the tests decide where those come from.
 */
@Module({})
export class AggregatorModule {
  static with(environment: AggregatorEnvironment, database: AggregatorDatabase): DynamicModule {
    return {
      module: AggregatorModule,
      controllers: [SourcesController, RankingController, PortalController],
      providers: [
        { provide: AggregatorEnvironment, useValue: environment },
        { provide: AGGREGATOR_DATABASE, useValue: database },
        { provide: APP_FILTER, useClass: ProblemFilter },
        Followers,
      ],
    };
  }
}
