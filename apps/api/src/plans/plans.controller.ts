import { PlanView } from '@app/domain/plan';
import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { Write, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { parseAsOf } from '../http/as-of';
import { opdCodeFrom, OpdYearAddress, OpdYearFromPath } from '../http/opd-year-address';
import { Page } from '../http/pagination';
import { notFound } from '../http/problem';
import { ReportRealisationDto } from '../http/realisation-value.dto';
import { realisationValuesOf } from '../http/realisation-values';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { tagRevision, WriteResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { mayDecideOnPlan, mayReadPastPlan, mayWritePlan } from './plan-policies';
import { quarterFrom } from './plan-quarter';
import { GetPlanQuery, ListPlansQuery } from './plan-queries';
import { planLocation, planTarget } from './plan-target';
import { CorrectRealisationDto, ListPlansParameters, PlanContentDto, ReturnPlanDto, StartRevisionDto } from './plan.dto';
import { PlanPageView, PlanViewDto } from './plan.views';
import { goalsOf } from './plan-goals';
import { Exportable } from '../http/sheets/exportable';
import { planListSheet, planSheet } from './plan.sheet';

/** A unit's yearly performance agreements (docs/api.md, Performance plans). */
@ApiTags('Performance plans')
@ApiBearerAuth()
@Controller('api/v1/opds/:code/plans')
export class PlansController {
  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
  ) {}

  @Post(':year')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  async draft(
    @OpdYearFromPath() address: OpdYearAddress,
    @Body() body: PlanContentDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const data = { opd: await this.queries.execute(new OpdStatusQuery(address.opdCode)), year: address.year, goals: goalsOf(body) };
    return this.writer.decide(reply, write, { ...planTarget(address), location: planLocation(address) }, mayWritePlan, { type: 'DraftPlan', data });
  }

  @Put(':year')
  @Roles('opd_operator')
  @WriteEndpoint(200)
  replace(
    @OpdYearFromPath() address: OpdYearAddress,
    @Body() body: PlanContentDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.writer.decide(reply, write, planTarget(address), mayWritePlan, { type: 'ReplacePlanContent', data: { goals: goalsOf(body) } });
  }

  @Post(':year/submit')
  @Roles('opd_operator')
  @WriteEndpoint(200)
  submit(@OpdYearFromPath() address: OpdYearAddress, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<WriteResult> {
    return this.writer.decide(reply, write, planTarget(address), mayWritePlan, { type: 'SubmitPlan', data: {} });
  }

  @Post(':year/approve')
  @Roles('opd_head')
  @WriteEndpoint(200)
  approve(@OpdYearFromPath() address: OpdYearAddress, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<WriteResult> {
    return this.writer.decide(reply, write, planTarget(address), mayDecideOnPlan, { type: 'ApprovePlan', data: {} });
  }

  @Post(':year/return')
  @Roles('opd_head')
  @WriteEndpoint(200)
  returnPlan(
    @OpdYearFromPath() address: OpdYearAddress,
    @Body() body: ReturnPlanDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.writer.decide(reply, write, planTarget(address), mayDecideOnPlan, { type: 'ReturnPlan', data: { reason: body.reason } });
  }

  @Post(':year/revisions')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  revise(
    @OpdYearFromPath() address: OpdYearAddress,
    @Body() body: StartRevisionDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const data = { reasonCategory: body.reasonCategory, reason: body.reason, goals: goalsOf(body) };
    return this.writer.decide(reply, write, planTarget(address), mayWritePlan, { type: 'StartRevision', data });
  }

  @Post(':year/realisations/:quarter')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  report(
    @OpdYearFromPath() address: OpdYearAddress,
    @Param('quarter') quarter: string,
    @Body() body: ReportRealisationDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const data = { quarter: quarterFrom(quarter), values: realisationValuesOf(body) };
    return this.writer.decide(reply, write, planTarget(address), mayWritePlan, { type: 'ReportRealisation', data });
  }

  @Post(':year/realisations/:quarter/corrections')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  correct(
    @OpdYearFromPath() address: OpdYearAddress,
    @Param('quarter') quarter: string,
    @Body() body: CorrectRealisationDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const data = { quarter: quarterFrom(quarter), values: realisationValuesOf(body), reason: body.reason };
    return this.writer.decide(reply, write, planTarget(address), mayWritePlan, { type: 'CorrectRealisation', data });
  }

  @Get()
  @Exportable(planListSheet)
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: PlanPageView })
  list(@Param('code') code: string, @Query() parameters: ListPlansParameters): Promise<Page<PlanView>> {
    return this.queries.execute(new ListPlansQuery(opdCodeFrom(code), parameters.year, parameters.limit, parameters.cursor));
  }

  @Get(':year')
  @Exportable(planSheet)
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: PlanViewDto })
  async get(
    @OpdYearFromPath() address: OpdYearAddress,
    @Query('asOf') asOfParameter: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<PlanView> {
    const asOf = parseAsOf(asOfParameter);
    if (asOf) mayReadPastPlan(principal, address);
    const plan = await this.queries.execute(new GetPlanQuery(address.opdCode, address.year, asOf));
    if (!plan) throw notFound(`No plan of ${address.opdCode} for ${address.year}`);
    tagRevision(response, plan.revision);
    return plan;
  }
}
