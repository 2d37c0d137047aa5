import { Controller, Get, Inject, Query } from '@nestjs/common';
import { AGGREGATOR_DATABASE, AggregatorDatabase } from '../database/aggregator-database';
import { IntegrityState } from '../integrity/head-store';
import { invalidParameter } from './problem';
import { RankedItem, rankSources } from './ranking';

const RANKED_TYPES = ['PLAN_APPROVED', 'PLAN_REVISION_APPROVED', 'LKJIP_PUBLISHED', 'FINDING_RECORDED', 'RECOMMENDATION_ASSESSED'];

/** The cross-regency ranking of one year (docs/aggregator.md, The ranking). */
@Controller('public/v1/ranking')
export class RankingController {
  constructor(@Inject(AGGREGATOR_DATABASE) private readonly database: AggregatorDatabase) {}

  /** `year` defaults to the latest year any source has items for. */
  @Get()
  async ranking(@Query('year') yearParameter?: string) {
    const year = yearParameter === undefined ? await this.latestYear() : Number(yearParameter);
    if (!/^\d{4}$/.test(String(year)) || year < 1900 || year > 2200) throw invalidParameter('year', 'must be a year from 1900 to 2200, like 2026');
    const { rows: sources } = await this.database.pool.query<{ name: string; integrity: IntegrityState }>(
      'SELECT name, integrity_state AS integrity FROM aggregator.sources ORDER BY name',
    );
    const { rows: items } = await this.database.pool.query<RankedItem>(
      `SELECT source, type, opd_code AS "opdCode", details FROM aggregator.items WHERE year = $1 AND type = ANY($2) ORDER BY source, position`,
      [year, RANKED_TYPES],
    );
    return { year, items: rankSources(sources, items) };
  }

  private async latestYear(): Promise<number> {
    const { rows } = await this.database.pool.query<{ year: number | null }>('SELECT max(year) AS year FROM aggregator.items');
    return rows[0].year ?? new Date().getUTCFullYear();
  }
}
