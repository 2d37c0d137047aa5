import { BehaviourNotes, CascadeSource, SkpCommand, skpDecider, SkpEvent, SkpParties, SkpResult, skpStream, SkpView } from '@app/domain/skp';
import { CommandResult } from '@app/event-store';
import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { DecideCommand } from '../commands/decide.command';
import { CommandBody, Today, Write, WriteContext } from '../commands/write-context';
import { parseAsOf } from '../http/as-of';
import { Page } from '../http/pagination';
import { problem, ProblemException } from '../http/problem';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { tagRevision, WriteResult, writeResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { CascadeLookupQuery } from './cascade-lookup.query';
import { periodFrom, quarterFrom, SkpAddress, skpAddress, skpId } from './skp-address';
import { appraiserToList, requireIsAppraiser, requireIsEmployee, requireMayDraft, requireMayRead, requireMayReadPast, SkpPolicy } from './skp-policies';
import { GetSkpQuery, ListAppraisalsQuery, SkpPartiesQuery } from './skp-queries';
import { ReportRealisationDto } from '../http/realisation-value.dto';
import { CascadeSourceDto, DraftSkpDto, EvaluateSkpDto, ListAppraisalsParameters, ReturnSkpDto, SkpResultsDto } from './skp.dto';
import { SkpEvaluationResultView, SkpPageView, SkpViewDto } from './skp.views';

// Never the NIP: problem details reach logs (docs/domain.md, Privacy).
const notFound = () => new ProblemException(problem(404, 'NOT_FOUND', 'No such SKP'));

/** One employee's yearly performance targets (docs/api.md, SKP). */
@ApiTags('SKP')
@ApiBearerAuth()
@Controller('api/v1/skp')
export class SkpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':nip/:year')
  @Roles('employee', 'opd_operator')
  @WriteEndpoint(201)
  async draft(
    @Param('nip') nip: string,
    @Param('year') year: string,
    @Body() body: DraftSkpDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<WriteResult> {
    const address = skpAddress(nip, year, write.metadata.today);
    requireMayDraft(write.principal, { ...address, opdCode: body.opdCode, appraiserNip: body.appraiserNip });
    const results = resultsOf(body);
    const [opd, cascade] = await Promise.all([
      this.queries.execute(new OpdStatusQuery(body.opdCode)),
      this.queries.execute(new CascadeLookupQuery(address, results)),
    ]);
    const data = { ...address, name: body.name, position: body.position, opd, appraiserNip: body.appraiserNip, results, cascade };
    const result = await this.decide(address, write, { type: 'DraftSkp', data });
    return writeResult(response, skpId(address), result, `/api/v1/skp/${address.nip}/${address.year}`);
  }

  @Put(':nip/:year')
  @Roles('employee')
  @WriteEndpoint(200)
  replace(
    @Param('nip') nip: string,
    @Param('year') year: string,
    @Body() body: SkpResultsDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.act(nip, year, write, response, requireIsEmployee, async (address) => {
      const results = resultsOf(body);
      return { type: 'ReplaceSkpResults', data: { results, cascade: await this.queries.execute(new CascadeLookupQuery(address, results)) } };
    });
  }

  @Post(':nip/:year/submit')
  @Roles('employee')
  @WriteEndpoint(200)
  submit(@Param('nip') nip: string, @Param('year') year: string, @Write() write: WriteContext, @Res({ passthrough: true }) response: FastifyReply) {
    return this.act(nip, year, write, response, requireIsEmployee, () => ({ type: 'SubmitSkp', data: {} }));
  }

  @Post(':nip/:year/agree')
  @Roles('appraiser', 'employee')
  @WriteEndpoint(200)
  agree(@Param('nip') nip: string, @Param('year') year: string, @Write() write: WriteContext, @Res({ passthrough: true }) response: FastifyReply) {
    return this.act(nip, year, write, response, requireIsAppraiser, () => ({ type: 'AgreeSkp', data: {} }));
  }

  @Post(':nip/:year/return')
  @Roles('appraiser', 'employee')
  @WriteEndpoint(200)
  returnSkp(
    @Param('nip') nip: string,
    @Param('year') year: string,
    @Body() body: ReturnSkpDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.act(nip, year, write, response, requireIsAppraiser, () => ({ type: 'ReturnSkp', data: { reason: body.reason } }));
  }

  @Post(':nip/:year/realisations/:period')
  @Roles('employee')
  @WriteEndpoint(201)
  report(
    @Param('nip') nip: string,
    @Param('year') year: string,
    @Param('period') period: string,
    @Body() body: ReportRealisationDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const values = body.values.map((value) => ({
      indicatorCode: value.indicatorCode,
      value: value.value,
      evidenceUrl: value.evidenceUrl ?? null,
      note: value.note ?? null,
    }));
    return this.act(nip, year, write, response, requireIsEmployee, () => ({ type: 'ReportSkpRealisation', data: { period: quarterFrom(period), values } }));
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
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<WriteResult & { predikat: string | null }> {
    const data = {
      period: periodFrom(period),
      resultRating: body.resultRating,
      behaviourRating: body.behaviourRating,
      note: body.note ?? null,
      behaviourNotes: notesOf(body),
      reason: body.reason ?? null,
    };
    return this.act(nip, year, write, response, requireIsAppraiser, () => ({ type: 'EvaluateSkp', data }), predikatOf);
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
      const parties = await this.parties(address);
      requireMayRead(principal, parties);
      requireMayReadPast(principal, parties);
    }
    const skp = await this.queries.execute(new GetSkpQuery(address, asOf));
    if (!skp) throw notFound();
    requireMayRead(principal, skp);
    tagRevision(response, skp.revision);
    return skp;
  }

  /**
   * The address, the SKP's parties, who may act, then the command: the one way every write to
   * an SKP goes. `extra` adds to the answer what the events say (an evaluation's predikat).
   */
  private async act<Extra extends object = object>(
    nip: string,
    year: string,
    write: WriteContext,
    response: FastifyReply,
    policy: SkpPolicy,
    commandFor: (address: SkpAddress) => CommandBody<SkpCommand> | Promise<CommandBody<SkpCommand>>,
    extra: (result: CommandResult<unknown, SkpEvent>) => Extra = () => ({}) as Extra,
  ): Promise<WriteResult & Extra> {
    const address = skpAddress(nip, year, write.metadata.today);
    policy(write.principal, await this.parties(address));
    const result = await this.decide(address, write, await commandFor(address));
    return { ...writeResult(response, skpId(address), result), ...extra(result) };
  }

  private decide(address: SkpAddress, write: WriteContext, command: CommandBody<SkpCommand>): Promise<CommandResult<unknown, SkpEvent>> {
    const complete = { ...command, metadata: write.metadata } as SkpCommand;
    return this.commands.execute(new DecideCommand(skpStream(address.nip, address.year), skpDecider, complete, write.options));
  }

  /** Who the SKP names, or 404 before any other check: nothing is decided about an SKP that is not there. */
  private async parties(address: SkpAddress): Promise<SkpParties> {
    const parties = await this.queries.execute(new SkpPartiesQuery(address));
    if (!parties) throw notFound();
    return parties;
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

/** The predikat the rating recorded (also when an Idempotency-Key replays it). */
function predikatOf(result: CommandResult<unknown, SkpEvent>): { predikat: string | null } {
  const [rated] = result.newEvents;
  return { predikat: rated?.type === 'SkpEvaluated' || rated?.type === 'SkpReevaluated' ? rated.data.predikat : null };
}
