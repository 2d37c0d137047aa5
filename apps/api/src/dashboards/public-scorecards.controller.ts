import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { IntegrityCheckpoints } from '@app/event-store';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { Today } from '../http/request-clock';
import { notFound } from '../http/problem';
import { sendCacheable } from '../http/public-cache';
import { opdYearAddress, yearFrom } from '../http/opd-year-address';
import { sendPublicCsv } from '../http/sheets/public-csv';
import { regencySheet, scorecardSheet } from './scorecard.sheet';
import { RegencyQuery, ScorecardQuery, unitScorecard } from './scorecard-queries';
import { RegencyView, UnitScorecardView } from './scorecard.views';

/**
 * The scorecards for anyone (docs/domain.md, Privacy: "scorecard"). They are the signed-in ones: a
 * scorecard holds counts and figures only, never a NIP, a name, one person's rating or a note.
 * Cacheable by a CDN; a client holding the current ETag gets a 304.
 */
@ApiTags('Public')
@Public()
@Controller('public/v1')
export class PublicScorecardsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly checkpoints: IntegrityCheckpoints,
  ) {}

  @Get('opds/:code/:year')
  @ApiOkResponse({ type: UnitScorecardView })
  async scorecard(
    @Param('code') code: string,
    @Param('year') yearParameter: string,
    @Today() today: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { opdCode, year } = opdYearAddress(code, yearParameter, today);
    const scorecard = await unitScorecard(this.queries, opdCode, year, today);
    if (!scorecard) throw notFound(`No OPD ${opdCode}`);
    await sendCacheable(request, reply, JSON.stringify(scorecard), 'application/json; charset=utf-8');
  }

  @Get('regency/:year')
  @ApiOkResponse({ type: RegencyView })
  async regency(@Param('year') yearParameter: string, @Today() today: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const year = yearFrom(yearParameter, today);
    const items = await this.queries.execute(new RegencyQuery(year, today));
    await sendCacheable(request, reply, JSON.stringify({ year, items }), 'application/json; charset=utf-8');
  }

  /** The scorecard as open data (docs/api.md, Public): the same figures, a row. */
  @Get('opds/:code/:year.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    content: { 'text/csv': { schema: { type: 'string' } } },
    description: 'The scorecard, one row, after two # lines naming its source and the integrity head',
  })
  async scorecardCsv(
    @Param('code') code: string,
    @Param('year') yearParameter: string,
    @Today() today: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { opdCode, year } = opdYearAddress(code, yearParameter, today);
    const [scorecard, head] = await Promise.all([this.queries.execute(new ScorecardQuery(opdCode, year, today)), this.checkpoints.head()]);
    if (!scorecard) throw notFound(`No OPD ${opdCode}`);
    await sendPublicCsv(request, reply, scorecardSheet, scorecard, { path: `/public/v1/opds/${opdCode}/${year}`, fileName: [opdCode, year] }, head);
  }

  /** The ranking as open data: its rank, then each unit's scorecard. */
  @Get('regency/:year.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    content: { 'text/csv': { schema: { type: 'string' } } },
    description: 'The ranking, a unit a row, after two # lines naming its source and the integrity head',
  })
  async regencyCsv(@Param('year') yearParameter: string, @Today() today: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const year = yearFrom(yearParameter, today);
    const [items, head] = await Promise.all([this.queries.execute(new RegencyQuery(year, today)), this.checkpoints.head()]);
    await sendPublicCsv(request, reply, regencySheet, { year, items }, { path: `/public/v1/regency/${year}`, fileName: [year] }, head);
  }
}
