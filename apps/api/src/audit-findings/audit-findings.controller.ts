import { AuditFindingCommand, auditFindingDecider, findingStream } from '@app/domain/audit-finding';
import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { DecideCommand } from '../commands/decide.command';
import { CommandBody, newResourceId, Write, WriteContext } from '../commands/write-context';
import { parseAsOf } from '../http/as-of';
import { Page } from '../http/pagination';
import { problem, ProblemException } from '../http/problem';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { tagRevision, WriteResult, writeResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { FindingAnswer, FindingOwnerQuery, FindingSummaryQuery, GetFindingQuery, ListFindingsQuery, OpdFindingFigures } from './audit-finding-queries';
import {
  AssessRecommendationDto,
  FindingScopeQuery,
  ListFindingsQuery as ListFindingsParameters,
  RecordAuditFindingDto,
  RecordDelayReasonDto,
  RecordFollowUpDto,
} from './audit-finding.dto';
import { FindingPageView, FindingSummaryView, FindingViewDto } from './audit-finding.views';
import { readableOpd, requireMayFollowUp, requireMayRead } from './finding-access';

const FINDING_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const notFound = (id: string) => new ProblemException(problem(404, 'NOT_FOUND', `No finding ${id}`));
const recommendationNo = new ParseIntPipe({
  exceptionFactory: () =>
    new ProblemException(
      problem(400, 'VALIDATION_FAILED', 'The recommendation number must be a whole number', { errors: [{ field: 'no', message: 'must be a whole number' }] }),
    ),
});

/** The inspectorate's findings and the audited unit's answers to them (docs/api.md, Audit findings). */
@ApiTags('Audit findings')
@ApiBearerAuth()
@Controller('api/v1/audit-findings')
export class AuditFindingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('inspector')
  @WriteEndpoint(201)
  async record(@Body() body: RecordAuditFindingDto, @Write() write: WriteContext, @Res({ passthrough: true }) response: FastifyReply): Promise<WriteResult> {
    const findingId = newResourceId(write, 'finding');
    const { opdCode, receivedDate, amountIdr, recommendations, ...finding } = body;
    const result = await this.decide(findingId, write, {
      type: 'RecordAuditFinding',
      data: {
        ...finding,
        findingId,
        opd: await this.queries.execute(new OpdStatusQuery(opdCode)),
        receivedDate: receivedDate ?? null,
        amountIdr: amountIdr ?? null,
        recommendations: recommendations.map((recommendation) => ({ text: recommendation.text, amountIdr: recommendation.amountIdr ?? null })),
      },
    });
    return writeResult(response, findingId, result, `/api/v1/audit-findings/${findingId}`);
  }

  @Post(':id/recommendations/:no/follow-ups')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  async followUp(
    @Param('id') id: string,
    @Param('no', recommendationNo) no: number,
    @Body() body: RecordFollowUpDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<WriteResult> {
    requireMayFollowUp(write.principal, await this.owner(id));
    const data = {
      recommendationNo: no,
      description: body.description,
      evidenceUrl: body.evidenceUrl ?? null,
      amountSettledIdr: body.amountSettledIdr ?? null,
    };
    return writeResult(response, id, await this.decide(id, write, { type: 'RecordFollowUp', data }));
  }

  @Post(':id/recommendations/:no/assessments')
  @Roles('inspector')
  @WriteEndpoint(201)
  async assess(
    @Param('id') id: string,
    @Param('no', recommendationNo) no: number,
    @Body() body: AssessRecommendationDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<WriteResult> {
    // No owner to check: the decision itself answers 404 for a finding that is not there.
    if (!FINDING_ID.test(id)) throw notFound(id);
    const data = { recommendationNo: no, status: body.status, note: body.note };
    return writeResult(response, id, await this.decide(id, write, { type: 'AssessRecommendation', data }));
  }

  @Post(':id/recommendations/:no/delay-reasons')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  async delayReason(
    @Param('id') id: string,
    @Param('no', recommendationNo) no: number,
    @Body() body: RecordDelayReasonDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<WriteResult> {
    requireMayFollowUp(write.principal, await this.owner(id));
    const data = { recommendationNo: no, reasonCategory: body.reasonCategory, note: body.note };
    return writeResult(response, id, await this.decide(id, write, { type: 'RecordDelayReason', data }));
  }

  @Get()
  @Roles('inspector', 'opd_operator', 'opd_head')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: FindingPageView })
  list(@Query() parameters: ListFindingsParameters, @CurrentPrincipal() principal: Principal): Promise<Page<FindingAnswer>> {
    const { limit, cursor, opd, ...filter } = parameters;
    return this.queries.execute(new ListFindingsQuery({ ...filter, opd: readableOpd(principal, opd) }, limit, cursor));
  }

  // Declared before ':id', which would otherwise take "summary" for an id.
  @Get('summary')
  @Roles('inspector', 'opd_operator', 'opd_head')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: FindingSummaryView })
  async summary(@Query() scope: FindingScopeQuery, @CurrentPrincipal() principal: Principal): Promise<{ year: number | null; items: OpdFindingFigures[] }> {
    const items = await this.queries.execute(new FindingSummaryQuery({ year: scope.year, opd: readableOpd(principal, scope.opd) }));
    return { year: scope.year ?? null, items };
  }

  @Get(':id')
  @Roles('inspector', 'opd_operator', 'opd_head')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: FindingViewDto })
  async get(
    @Param('id') id: string,
    @Query('asOf') asOfParameter: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<FindingAnswer> {
    const asOf = parseAsOf(asOfParameter);
    if (!FINDING_ID.test(id)) throw notFound(id);
    const finding = await this.queries.execute(new GetFindingQuery(id, asOf));
    if (!finding) throw notFound(id);
    requireMayRead(principal, finding.opdCode);
    tagRevision(response, finding.revision);
    return finding;
  }

  private decide(findingId: string, write: WriteContext, command: CommandBody<AuditFindingCommand>) {
    const complete = { ...command, metadata: write.metadata };
    return this.commands.execute(new DecideCommand(findingStream(findingId), auditFindingDecider, complete, write.options));
  }

  /** The audited unit, or 404 before any other check: nothing is decided about a finding that is not there. */
  private async owner(id: string): Promise<string> {
    const opdCode = FINDING_ID.test(id) ? await this.queries.execute(new FindingOwnerQuery(id)) : null;
    if (!opdCode) throw notFound(id);
    return opdCode;
  }
}
