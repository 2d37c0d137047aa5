import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AGGREGATOR_DATABASE, AggregatorDatabase } from '../database/aggregator-database';
import { notFound } from '../public/problem';
import { rankingOf, rankingYear } from '../public/ranking-query';
import { sourceViews } from '../public/source-views';
import { langOf } from './portal-text';
import { provincePage } from './province-page';

/**
 * The regency portal's own stylesheet, so the province's page looks like the regencies' pages.
 * The same relative path holds from the sources (ts-node) and from dist/, where the build copies
 * the API's assets.
 */
const STYLESHEET = join(__dirname, '../../../api/src/portal/assets/portal.css');

/** As the regency portal's pages: this origin only, no script at all, no framing. */
const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};

/** The aggregator's page for people: `/` (Indonesian) and `/?lang=en`, made only of its public API's answers. */
@Controller()
export class PortalController {
  private stylesheet?: Promise<string>;

  constructor(@Inject(AGGREGATOR_DATABASE) private readonly database: AggregatorDatabase) {}

  @Get()
  async home(@Query('year') given: unknown, @Query('lang') lang: unknown, @Res() reply: FastifyReply) {
    const year = await rankingYear(this.database.pool, given);
    const [ranking, sources] = await Promise.all([rankingOf(this.database.pool, year), sourceViews(this.database.pool, new Date())]);
    return reply
      .headers(PAGE_HEADERS)
      .type('text/html; charset=utf-8')
      .send(provincePage({ lang: langOf(lang), year, ranking, sources }));
  }

  @Get('assets/portal.css')
  async styles(@Res() reply: FastifyReply) {
    this.stylesheet ??= readFile(STYLESHEET, 'utf8');
    const css = await this.stylesheet.catch(() => {
      this.stylesheet = undefined;
      throw notFound('The stylesheet is not installed');
    });
    return reply.headers({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=300' }).type('text/css; charset=utf-8').send(css);
  }
}
