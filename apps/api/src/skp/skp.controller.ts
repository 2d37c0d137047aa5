import { BehaviourNotes, CascadeSource, Predikat, predikatIn, SkpResult, SkpView } from '@app/domain/skp';
import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { Write, WriteContext } from '../commands/write-context';
import { Today } from '../http/request-clock';
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
import { periodFrom, quarterFrom, skpAddress } from './skp-address';
import { appraiserToList, requireIsAppraiser, requireIsEmployee, requireMayDraft, requireMayRead, requireMayReadPast } from './skp-policies';
import { GetSkpQuery, ListAppraisalsQuery, SkpPartiesQuery } from './skp-queries';
import { newSkpTarget, noSuchSkp, skpTarget } from './skp-target';
import { CascadeSourceDto, DraftSkpDto, EvaluateSkpDto, ListAppraisalsParameters, ReturnSkpDto, SkpResultsDto } from './skp.dto';
import { SkpEvaluationResultView, SkpPageView, SkpViewDto } from './skp.views';
import { SkpPersonalData } from './skp-personal-data';

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

  /** The SKP a path names, with its employee's subject; 404 when nothing was ever drafted for the NIP. */
  private async target(nip: string, year: string, write: WriteContext) {
    return skpTarget(await this.personal.key(skpAddress(nip, year, write.metadata.today)), this.personal.codec);
  }

  @Post(':nip/:year')
  @Roles('employee', 'opd_operator')
  @WriteEndpoint(201)
  async draft(
    @Param('nip') nip: string,
    @Param('year') year: string,
    @Body() body: DraftSkpDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const address = await this.personal.key(skpAddress(nip, year, write.metadata.today), { create: true });
    const target = newSkpTarget(address, this.personal.codec, { nip: address.nip, opdCode: body.opdCode, appraiserNip: body.appraiserNip });
    const results = resultsOf(body);
    const [opd, cascade] = await Promise.all([
      this.queries.execute(new OpdStatusQuery(body.opdCode)),
      this.queries.execute(new CascadeLookupQuery(address, results)),
    ]);
    const data = { nip: address.nip, year: address.year, name: body.name, position: body.position, opd, appraiserNip: body.appraiserNip, results, cascade };
    return this.writer.decide(reply, write, target, requireMayDraft, { type: 'DraftSkp', data });
  }

  @Put(':nip/:year')
  @Roles('employee')
  @WriteEndpoint(200)
  async replace(
    @Param('nip') nip: string,
    @Param('year') year: string,
    @Body() body: SkpResultsDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const target = await this.target(nip, year, write);
    const results = resultsOf(body);
    const cascade = await this.queries.execute(new CascadeLookupQuery(skpAddress(nip, year, write.metadata.today), results));
    return this.writer.decide(reply, write, target, requireIsEmployee, { type: 'ReplaceSkpResults', data: { results, cascade } });
  }

  @Post(':nip/:year/submit')
  @Roles('employee')
  @WriteEndpoint(200)
  async submit(
    @Param('nip') nip: string,
    @Param('year') year: string,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const target = await this.target(nip, year, write);
    return this.writer.decide(reply, write, target, requireIsEmployee, { type: 'SubmitSkp', data: {} });
  }

  @Post(':nip/:year/agree')
  @Roles('appraiser', 'employee')
  @WriteEndpoint(200)
  async agree(
    @Param('nip') nip: string,
    @Param('year') year: string,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const target = await this.target(nip, year, write);
    return this.writer.decide(reply, write, target, requireIsAppraiser, { type: 'AgreeSkp', data: {} });
  }

  @Post(':nip/:year/return')
  @Roles('appraiser', 'employee')
  @WriteEndpoint(200)
  async returnSkp(
    @Param('nip') nip: string,
    @Param('year') year: string,
    @Body() body: ReturnSkpDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const target = await this.target(nip, year, write);
    return this.writer.decide(reply, write, target, requireIsAppraiser, { type: 'ReturnSkp', data: { reason: body.reason } });
  }

  @Post(':nip/:year/realisations/:period')
  @Roles('employee')
  @WriteEndpoint(201)
  async report(
    @Param('nip') nip: string,
    @Param('year') year: string,
    @Param('period') period: string,
    @Body() body: ReportRealisationDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const target = await this.target(nip, year, write);
    const data = { period: quarterFrom(period), values: realisationValuesOf(body) };
    return this.writer.decide(reply, write, target, requireIsEmployee, { type: 'ReportSkpRealisation', data });
  }

  @Post(':nip/:year/evaluations/:period')
  @Roles('appraiser', 'employee')
  @WriteEndpoint(201, SkpEvaluationResultView)
  async evaluate(
    @Param('nip') nip: string,
    @Param('year') year: string,
    @Param('period') period: string,
    @Body() body: EvaluateSkpDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult & { predikat: Predikat | null }> {
    const target = await this.target(nip, year, write);
    const data = {
      period: periodFrom(period),
      resultRating: body.resultRating,
      behaviourRating: body.behaviourRating,
      note: body.note ?? null,
      behaviourNotes: notesOf(body),
      reason: body.reason ?? null,
    };
    return this.writer.decide(reply, write, target, requireIsAppraiser, { type: 'EvaluateSkp', data }, (state) => ({
      predikat: predikatIn(state, data.period),
    }));
  }

  @Get()
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
    @Param('nip') nip: string,
    @Param('year') year: string,
    @Query('asOf') asOfParameter: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Today() today: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<SkpView> {
    const address = skpAddress(nip, year, today);
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
