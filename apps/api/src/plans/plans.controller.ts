import { PlanView } from '@app/domain/plan';
import { Clock } from '@app/platform';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { actorOf, actsForOpd, Principal, Role } from '../auth/principal';
import { parseAsOf } from '../http/as-of';
import { Page } from '../http/pagination';
import { problem, ProblemException } from '../http/problem';
import { expectedRevisionFrom, WriteResult, writeResult } from '../http/write-result';
import { WriteResultView } from '../opds/opds.dto';
import { opdCodeFrom, planAddress, quarterFrom } from './plan-address';
import { ActOnPlanCommand, PlanAction } from './plan-commands';
import { GetPlanQuery, ListPlansQuery } from './plan-queries';
import { CorrectRealisationDto, ListPlansParameters, PlanContentDto, ReportRealisationDto, ReturnPlanDto, StartRevisionDto } from './plan.dto';
import { PlanPageView, PlanViewDto } from './plan.views';

/** A unit's yearly performance agreements (API.md, Performance plans). */
@ApiTags('Performance plans')
@ApiBearerAuth()
@Controller('api/v1/opds/:code/plans')
export class PlansController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Post(':year')
  @Roles('opd_operator')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: WriteResultView })
  async draft(@Param('code') code: string, @Param('year') year: string, @Body() body: PlanContentDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const result = await this.act(principal, ['opd_operator'], code, year, { type: 'DraftPlan', data: { goals: goalsOf(body) } }, undefined, response);
    response.location(`/api/v1/opds/${code}/plans/${year}`);
    return result;
  }

  @Put(':year')
  @Roles('opd_operator')
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: WriteResultView })
  replace(
    @Param('code') code: string,
    @Param('year') year: string,
    @Body() body: PlanContentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(principal, ['opd_operator'], code, year, { type: 'ReplacePlanContent', data: { goals: goalsOf(body) } }, ifMatch, response);
  }

  @Post(':year/submit')
  @HttpCode(200)
  @Roles('opd_operator')
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: WriteResultView })
  submit(@Param('code') code: string, @Param('year') year: string, @Headers('if-match') ifMatch: string | undefined, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    return this.act(principal, ['opd_operator'], code, year, { type: 'SubmitPlan', data: {} }, ifMatch, response);
  }

  @Post(':year/approve')
  @HttpCode(200)
  @Roles('opd_head')
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: WriteResultView })
  approve(@Param('code') code: string, @Param('year') year: string, @Headers('if-match') ifMatch: string | undefined, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    return this.act(principal, ['opd_head'], code, year, { type: 'ApprovePlan', data: {} }, ifMatch, response);
  }

  @Post(':year/return')
  @HttpCode(200)
  @Roles('opd_head')
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: WriteResultView })
  returnPlan(
    @Param('code') code: string,
    @Param('year') year: string,
    @Body() body: ReturnPlanDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.act(principal, ['opd_head'], code, year, { type: 'ReturnPlan', data: { reason: body.reason } }, ifMatch, response);
  }

  @Post(':year/revisions')
  @Roles('opd_operator')
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiCreatedResponse({ type: WriteResultView })
  revise(
    @Param('code') code: string,
    @Param('year') year: string,
    @Body() body: StartRevisionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const action: PlanAction = { type: 'StartRevision', data: { reasonCategory: body.reasonCategory, reason: body.reason, goals: goalsOf(body) } };
    return this.act(principal, ['opd_operator'], code, year, action, ifMatch, response);
  }

  @Post(':year/realisations/:quarter')
  @Roles('opd_operator')
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiCreatedResponse({ type: WriteResultView })
  report(
    @Param('code') code: string,
    @Param('year') year: string,
    @Param('quarter') quarter: string,
    @Body() body: ReportRealisationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const action: PlanAction = { type: 'ReportRealisation', data: { quarter: quarterFrom(quarter), values: valuesOf(body) } };
    return this.act(principal, ['opd_operator'], code, year, action, ifMatch, response);
  }

  @Post(':year/realisations/:quarter/corrections')
  @Roles('opd_operator')
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiCreatedResponse({ type: WriteResultView })
  correct(
    @Param('code') code: string,
    @Param('year') year: string,
    @Param('quarter') quarter: string,
    @Body() body: CorrectRealisationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const action: PlanAction = { type: 'CorrectRealisation', data: { quarter: quarterFrom(quarter), values: valuesOf(body), reason: body.reason } };
    return this.act(principal, ['opd_operator'], code, year, action, ifMatch, response);
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
    @Res({ passthrough: true }) response: Response,
  ): Promise<PlanView> {
    const { opdCode, year } = planAddress(code, yearParameter, this.clock.today());
    const asOf = parseAsOf(asOfParameter);
    if (asOf && !principal.roles.includes('inspector') && !actsForOpd(principal, opdCode)) {
      throw new ProblemException(problem(403, 'FORBIDDEN', 'Only the inspectorate and the unit itself may read its past states'));
    }
    const plan = await this.queries.execute(new GetPlanQuery(opdCode, year, asOf));
    if (!plan) throw new ProblemException(problem(404, 'NOT_FOUND', `No plan of ${opdCode} for ${year}`));
    response.setHeader('ETag', `"${plan.revision}"`);
    return plan;
  }

  private async act(principal: Principal, roles: Role[], code: string, yearParameter: string, action: PlanAction, ifMatch: string | undefined, response: Response): Promise<WriteResult> {
    const { opdCode, year } = planAddress(code, yearParameter, this.clock.today());
    if (!actsForOpd(principal, opdCode, roles)) throw new ProblemException(problem(403, 'FORBIDDEN', `Only the ${roles.join(' or ')} of ${opdCode} may do this`));
    const result = await this.commands.execute(new ActOnPlanCommand(opdCode, year, action, expectedRevisionFrom(ifMatch), actorOf(principal)));
    return writeResult(response, `${opdCode}-${year}`, result);
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
  return body.values.map((value) => ({ indicatorCode: value.indicatorCode, value: value.value, evidenceUrl: value.evidenceUrl ?? null, note: value.note ?? null }));
}
