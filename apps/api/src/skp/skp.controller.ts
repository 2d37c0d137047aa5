import { BehaviourNotes, CascadeSource, Predikat, predikatIn, SkpResult, SkpView } from '@app/domain/skp';
import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { Write, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { parseAsOf } from '../http/as-of';
import { Page } from '../http/pagination';
import { problem, ProblemException } from '../http/problem';
import { ReportRealisationDto } from '../http/realisation-value.dto';
import { realisationValuesOf } from '../http/realisation-values';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { tagRevision, WriteResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { CascadeLookupQuery } from './cascade-lookup.query';
import { periodFrom, quarterFrom, SkpAddress, SkpAddressFromPath } from './skp-address';
import { appraiserToList, requireIsAppraiser, requireIsEmployee, requireMayDraft, requireMayRead, requireMayReadPast } from './skp-policies';
import { GetSkpQuery, ListAppraisalsQuery, SkpPartiesQuery } from './skp-queries';
import { newSkpTarget, noSuchSkp, skpTarget } from './skp-target';
import { CascadeSourceDto, DraftSkpDto, EvaluateSkpDto, ListAppraisalsParameters, ReturnSkpDto, SkpResultsDto } from './skp.dto';
import { SkpEvaluationResultView, SkpPageView, SkpViewDto } from './skp.views';
import { SkpPersonalData } from './skp-personal-data';
import { Exportable } from '../http/sheets/exportable';
import { skpSheet } from './skp.sheet';

/** One employee's yearly performance targets (docs/api.md, SKP). */
@ApiTags('SKP')
@ApiBearerAuth()
@Controller('api/v1/skp')
export class SkpController {
  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
    private readonly personal: SkpPersonalData,
  ) {}

  /** Where a write to the SKP a path names lands: its employee's subject's stream; 404 when nothing was ever drafted for the NIP. */
  private async target(address: SkpAddress) {
    return skpTarget(await this.personal.key(address), this.personal.codec);
  }

  @Post(':nip/:year')
  @Roles('employee', 'opd_operator')
  @WriteEndpoint(201)
  async draft(
    @SkpAddressFromPath() address: SkpAddress,
    @Body() body: DraftSkpDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const key = await this.personal.key(address, { create: true });
    const target = newSkpTarget(key, this.personal.codec, { nip: address.nip, opdCode: body.opdCode, appraiserNip: body.appraiserNip });
    const results = resultsOf(body);
    const [opd, cascade] = await Promise.all([
      this.queries.execute(new OpdStatusQuery(body.opdCode)),
      this.queries.execute(new CascadeLookupQuery(address, results)),
    ]);
    const data = { ...address, name: body.name, position: body.position, opd, appraiserNip: body.appraiserNip, results, cascade };
    return this.writer.decide(reply, write, target, requireMayDraft, { type: 'DraftSkp', data });
  }

  @Put(':nip/:year')
  @Roles('employee')
  @WriteEndpoint(200)
  async replace(
    @SkpAddressFromPath() address: SkpAddress,
    @Body() body: SkpResultsDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const results = resultsOf(body);
    const target = await this.target(address);
    const cascade = await this.queries.execute(new CascadeLookupQuery(address, results));
    return this.writer.decide(reply, write, target, requireIsEmployee, { type: 'ReplaceSkpResults', data: { results, cascade } });
  }

  @Post(':nip/:year/submit')
  @Roles('employee')
  @WriteEndpoint(200)
  async submit(@SkpAddressFromPath() address: SkpAddress, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<WriteResult> {
    return this.writer.decide(reply, write, await this.target(address), requireIsEmployee, { type: 'SubmitSkp', data: {} });
  }

  @Post(':nip/:year/agree')
  @Roles('appraiser', 'employee')
  @WriteEndpoint(200)
  async agree(@SkpAddressFromPath() address: SkpAddress, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<WriteResult> {
    return this.writer.decide(reply, write, await this.target(address), requireIsAppraiser, { type: 'AgreeSkp', data: {} });
  }

  @Post(':nip/:year/return')
  @Roles('appraiser', 'employee')
  @WriteEndpoint(200)
  async returnSkp(
    @SkpAddressFromPath() address: SkpAddress,
    @Body() body: ReturnSkpDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.writer.decide(reply, write, await this.target(address), requireIsAppraiser, { type: 'ReturnSkp', data: { reason: body.reason } });
  }

  @Post(':nip/:year/realisations/:period')
  @Roles('employee')
  @WriteEndpoint(201)
  async report(
    @SkpAddressFromPath() address: SkpAddress,
    @Param('period') period: string,
    @Body() body: ReportRealisationDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const data = { period: quarterFrom(period), values: realisationValuesOf(body) };
    return this.writer.decide(reply, write, await this.target(address), requireIsEmployee, { type: 'ReportSkpRealisation', data });
  }

  @Post(':nip/:year/evaluations/:period')
  @Roles('appraiser', 'employee')
  @WriteEndpoint(201, SkpEvaluationResultView)
  async evaluate(
    @SkpAddressFromPath() address: SkpAddress,
    @Param('period') period: string,
    @Body() body: EvaluateSkpDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult & { predikat: Predikat | null }> {
    const data = {
      period: periodFrom(period),
      resultRating: body.resultRating,
      behaviourRating: body.behaviourRating,
      note: body.note ?? null,
      behaviourNotes: notesOf(body),
      reason: body.reason ?? null,
    };
    return this.writer.decide(reply, write, await this.target(address), requireIsAppraiser, { type: 'EvaluateSkp', data }, (state) => ({
      predikat: predikatIn(state, data.period),
    }));
  }

  @Get()
  @Exportable(skpSheet)
  @Roles('appraiser', 'employee', 'inspector')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: SkpPageView })
  appraisals(@Query() parameters: ListAppraisalsParameters, @CurrentPrincipal() principal: Principal): Promise<Page<SkpView>> {
    const { limit, cursor, appraiserNip, ...filter } = parameters;
    const appraiser = appraiserToList(principal, appraiserNip);
    if (!appraiser) {
      throw new ProblemException(
        problem(400, 'VALIDATION_FAILED', 'appraiserNip is required', { errors: [{ field: 'appraiserNip', message: 'required without a nip in the token' }] }),
      );
    }
    return this.queries.execute(new ListAppraisalsQuery(appraiser, filter, limit, cursor));
  }

  @Get(':nip/:year')
  @Roles('employee', 'appraiser', 'opd_operator', 'opd_head', 'inspector')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: SkpViewDto })
  async get(
    @SkpAddressFromPath() address: SkpAddress,
    @Query('asOf') asOfParameter: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<SkpView> {
    const asOf = parseAsOf(asOfParameter);
    if (asOf) {
      // Who may see the past is settled before anything of it is read.
      const parties = await this.queries.execute(new SkpPartiesQuery(address));
      if (!parties) throw noSuchSkp();
      requireMayRead(principal, parties);
      requireMayReadPast(principal, parties);
    }
    const skp = await this.queries.execute(new GetSkpQuery(address, asOf));
    if (!skp) throw noSuchSkp();
    requireMayRead(principal, skp);
    tagRevision(response, skp.revision);
    return skp;
  }
}

/** DTO instances to plain domain values: each link with the fields of its kind only. */
function resultsOf(body: SkpResultsDto): SkpResult[] {
  return body.results.map((result) => ({
    code: result.code,
    statement: result.statement,
    cascadedFrom: sourceOf(result.cascadedFrom),
    indicators: result.indicators.map(({ code, name, unit, polarity, target }) => ({ code, name, unit, polarity, target })),
  }));
}

function sourceOf(source: CascadeSourceDto): CascadeSource {
  return source.kind === 'PLAN_INDICATOR'
    ? { kind: 'PLAN_INDICATOR', opdCode: source.opdCode!, year: source.year!, indicatorCode: source.indicatorCode! }
    : { kind: 'SKP_RESULT', nip: source.nip!, resultCode: source.resultCode! };
}

/** The notes given, without the values left out (a DTO instance has them as undefined). */
function notesOf(body: EvaluateSkpDto): BehaviourNotes {
  return Object.fromEntries(Object.entries(body.behaviourNotes ?? {}).filter(([, note]) => note !== undefined));
}
