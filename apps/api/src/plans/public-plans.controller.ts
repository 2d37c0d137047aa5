import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { Today } from '../http/request-clock';
import { notFound } from '../http/problem';
import { sendCacheable } from '../http/public-cache';
import { opdYearAddress } from '../http/opd-year-address';
import { PublicPlanQuery } from './public-plan.query';
import { PublicPlanView } from './public-plan.views';

/**
 * A unit's approved plan for anyone: its indicators, targets and quarterly delivery, and the
 * reason categories of its revisions. A plan never approved answers the same 404 as none.
 */
@ApiTags('Public')
@Public()
@Controller('public/v1/opds/:code/plans')
export class PublicPlansController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':year')
  @ApiOkResponse({ type: PublicPlanView })
  async plan(
    @Param('code') code: string,
    @Param('year') yearParameter: string,
    @Today() today: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { opdCode, year } = opdYearAddress(code, yearParameter, today);
    const plan = await this.queries.execute(new PublicPlanQuery(opdCode, year));
    if (!plan) throw notFound(`No approved plan of ${opdCode} for ${year}`);
    await sendCacheable(request, reply, JSON.stringify(plan), 'application/json; charset=utf-8');
  }
}
