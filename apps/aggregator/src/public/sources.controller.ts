import { Controller, Get, Inject, Param } from '@nestjs/common';
import { AGGREGATOR_DATABASE, AggregatorDatabase } from '../database/aggregator-database';
import { invalidParameter, notFound } from './problem';
import { sourceViews } from './source-views';

const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** The sources followed: freshness and integrity each (docs/aggregator.md). */
@Controller('public/v1/sources')
export class SourcesController {
  constructor(@Inject(AGGREGATOR_DATABASE) private readonly database: AggregatorDatabase) {}

  @Get()
  async list() {
    return { items: await sourceViews(this.database.pool, new Date()) };
  }

  @Get(':name')
  async one(@Param('name') name: string) {
    if (!NAME.test(name)) throw invalidParameter('name', 'must be a source name (lower-case letters, digits and dashes)');
    const [source] = await sourceViews(this.database.pool, new Date(), name);
    if (!source) throw notFound(`No source is named ${name}`);
    return source;
  }

  /** Every head the source has shown, oldest first, with the verdict on each. */
  @Get(':name/heads')
  async heads(@Param('name') name: string) {
    const source = await this.one(name);
    const { rows } = await this.database.pool.query(
      `SELECT sequence::int, position, events, hash, previous_hash AS "previousHash", recorded_at AS "recordedAt",
              first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt", verdict
         FROM aggregator.heads WHERE source = $1 ORDER BY id`,
      [source.name],
    );
    return { items: rows };
  }
}
