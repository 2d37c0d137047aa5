import { PlanCommand, planDecider, planStream, PlanView } from '@app/domain/plan';
import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { requireActsForOpd, requireMayReadPastStates } from '../auth/policies';
import { Principal, Role } from '../auth/principal';
import { DecideCommand } from '../commands/decide.command';
import { CommandBody, Today, Write, WriteContext } from '../commands/write-context';
import { parseAsOf } from '../http/as-of';
import { Page } from '../http/pagination';
import { problem, ProblemException } from '../http/problem';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { setLocation, tagRevision, WriteResult, writeResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { opdCodeFrom, planAddress, quarterFrom } from './plan-address';
import { GetPlanQuery, ListPlansQuery } from './plan-queries';
import { ReportRealisationDto } from '../http/realisation-value.dto';
import { CorrectRealisationDto, ListPlansParameters, PlanContentDto, ReturnPlanDto, StartRevisionDto } from './plan.dto';
import { PlanPageView, PlanViewDto } from './plan.views';

/** A unit's yearly performance agreements (docs/api.md, Performance plans). */
@ApiTags('Performance plans')
@ApiBearerAuth()
@Controller('api/v1/opds/:code/plans')
export class PlansController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':year')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  async draft(
    @Param('code') code: string,
    @Param('year') year: string,
    @Body() body: PlanContentDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const result = await this.act(['opd_operator'], code, year, write, response, async ({ opdCode, year }) => ({
      type: 'DraftPlan',
      data: { opd: await this.queries.execute(new OpdStatusQuery(opdCode)), year, goals: goalsOf(body) },
    }));
    setLocation(response, `/api/v1/opds/${code}/plans/${year}`);
    return result;
  }

  @Put(':year')
  @Roles('opd_operator')
  @WriteEndpoint(200)
  replace(
    @Param('code') code: string,
    @Param('year') year: string,
    @Body() body: PlanContentDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.act(['opd_operator'], code, year, write, response, () => ({ type: 'ReplacePlanContent', data: { goals: goalsOf(body) } }));
  }

  @Post(':year/submit')
  @Roles('opd_operator')
  @WriteEndpoint(200)
  submit(@Param('code') code: string, @Param('year') year: string, @Write() write: WriteContext, @Res({ passthrough: true }) response: FastifyReply) {
    return this.act(['opd_operator'], code, year, write, response, () => ({ type: 'SubmitPlan', data: {} }));
  }

  @Post(':year/approve')
  @Roles('opd_head')
  @WriteEndpoint(200)
  approve(@Param('code') code: string, @Param('year') year: string, @Write() write: WriteContext, @Res({ passthrough: true }) response: FastifyReply) {
    return this.act(['opd_head'], code, year, write, response, () => ({ type: 'ApprovePlan', data: {} }));
  }

  @Post(':year/return')
  @Roles('opd_head')
  @WriteEndpoint(200)
  returnPlan(
    @Param('code') code: string,
    @Param('year') year: string,
    @Body() body: ReturnPlanDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.act(['opd_head'], code, year, write, response, () => ({ type: 'ReturnPlan', data: { reason: body.reason } }));
  }

  @Post(':year/revisions')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  revise(
    @Param('code') code: string,
    @Param('year') year: string,
    @Body() body: StartRevisionDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.act(['opd_operator'], code, year, write, response, () => ({
      type: 'StartRevision',
      data: { reasonCategory: body.reasonCategory, reason: body.reason, goals: goalsOf(body) },
    }));
  }

  @Post(':year/realisations/:quarter')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  report(
    @Param('code') code: string,
    @Param('year') year: string,
    @Param('quarter') quarter: string,
    @Body() body: ReportRealisationDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.act(['opd_operator'], code, year, write, response, () => ({
      type: 'ReportRealisation',
      data: { quarter: quarterFrom(quarter), values: valuesOf(body) },
    }));
  }

  @Post(':year/realisations/:quarter/corrections')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  correct(
    @Param('code') code: string,
    @Param('year') year: string,
    @Param('quarter') quarter: string,
    @Body() body: CorrectRealisationDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.act(['opd_operator'], code, year, write, response, () => ({
      type: 'CorrectRealisation',
      data: { quarter: quarterFrom(quarter), values: valuesOf(body), reason: body.reason },
    }));
  }

  @Get()
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: PlanPageView })
  list(@Param('code') code: string, @Query() parameters: ListPlansParameters): Promise<Page<PlanView>> {
    return this.queries.execute(new ListPlansQuery(opdCodeFrom(code), parameters.year, parameters.limit, parameters.cursor));
  }

  @Get(':year')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: PlanViewDto })
  async get(
    @Param('code') code: string,
    @Param('year') yearParameter: string,
    @Query('asOf') asOfParameter: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Today() today: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<PlanView> {
    const { opdCode, year } = planAddress(code, yearParameter, today);
    const asOf = parseAsOf(asOfParameter);
    if (asOf) requireMayReadPastStates(principal, opdCode);
    const plan = await this.queries.execute(new GetPlanQuery(opdCode, year, asOf));
    if (!plan) throw new ProblemException(problem(404, 'NOT_FOUND', `No plan of ${opdCode} for ${year}`));
    tagRevision(response, plan.revision);
    return plan;
  }

  /** Who may act, on which stream, then the command: the one way every plan write goes. */
  private async act(
    roles: Role[],
    code: string,
    yearParameter: string,
    write: WriteContext,
    response: FastifyReply,
    commandFor: (address: { opdCode: string; year: number }) => CommandBody<PlanCommand> | Promise<CommandBody<PlanCommand>>,
  ): Promise<WriteResult> {
    const address = planAddress(code, yearParameter, write.metadata.today);
    requireActsForOpd(write.principal, address.opdCode, roles);
    const command = { ...(await commandFor(address)), metadata: write.metadata };
    const result = await this.commands.execute(new DecideCommand(planStream(address.opdCode, address.year), planDecider, command, write.options));
    return writeResult(response, `${address.opdCode}-${address.year}`, result);
  }
}

/** DTO instances to plain domain values (optional fields made explicit). */
function goalsOf(body: PlanContentDto) {
  return body.goals.map((goal) => ({
    code: goal.code,
    statement: goal.statement,
    indicators: goal.indicators.map((indicator) => ({
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      polarity: indicator.polarity,
      aggregation: indicator.aggregation,
      annualTarget: indicator.annualTarget,
      quarterlyTargets: indicator.quarterlyTargets ?? null,
    })),
  }));
}

function valuesOf(body: ReportRealisationDto) {
  return body.values.map((value) => ({
    indicatorCode: value.indicatorCode,
    value: value.value,
    evidenceUrl: value.evidenceUrl ?? null,
    note: value.note ?? null,
  }));
}
