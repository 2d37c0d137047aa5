import { Controller, Get, Inject, Query } from '@nestjs/common';
import { AGGREGATOR_DATABASE, AggregatorDatabase } from '../database/aggregator-database';
import { rankingOf, rankingYear } from './ranking-query';

/** The cross-regency ranking of one year (docs/aggregator.md, The ranking). */
@Controller('public/v1/ranking')
export class RankingController {
  constructor(@Inject(AGGREGATOR_DATABASE) private readonly database: AggregatorDatabase) {}

  @Get()
  async ranking(@Query('year') given?: unknown) {
    const year = await rankingYear(this.database.pool, given);
    return { year, items: await rankingOf(this.database.pool, year) };
  }
}
