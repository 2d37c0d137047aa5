import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { newResourceId, Write, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { parseAsOf } from '../http/as-of';
import { Page } from '../http/pagination';
import { problem, ProblemException } from '../http/problem';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { tagRevision, WriteResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { FindingAnswer, FindingSummaryQuery, GetFindingQuery, ListFindingsQuery, OpdFindingFigures } from './audit-finding-queries';
import {
  AssessRecommendationDto,
  FindingScopeQuery,
  ListFindingsQuery as ListFindingsParameters,
  RecordAuditFindingDto,
  RecordDelayReasonDto,
  RecordFollowUpDto,
} from './audit-finding.dto';
import { FindingPageView, FindingSummaryView, FindingViewDto } from './audit-finding.views';
import { mayAnswerFinding, mayAssessFinding, mayReadFinding, mayRecordFinding, readableFindingsOpd } from './finding-policies';
import { findingId, findingTarget, newFindingTarget, noSuchFinding } from './finding-target';
import { Exportable } from '../http/sheets/exportable';
import { findingSheet, findingSummarySheet } from './finding.sheet';

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
    private readonly writer: Writer,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('inspector')
  @WriteEndpoint(201)
  async record(@Body() body: RecordAuditFindingDto, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<WriteResult> {
    const id = newResourceId(write, 'finding');
    const { opdCode, receivedDate, amountIdr, recommendations, ...finding } = body;
    const data = {
      ...finding,
      findingId: id,
      opd: await this.queries.execute(new OpdStatusQuery(opdCode)),
      receivedDate: receivedDate ?? null,
      amountIdr: amountIdr ?? null,
      recommendations: recommendations.map((recommendation) => ({ text: recommendation.text, amountIdr: recommendation.amountIdr ?? null })),
    };
    return this.writer.decide(reply, write, newFindingTarget(id, opdCode), mayRecordFinding, { type: 'RecordAuditFinding', data });
  }

  @Post(':id/recommendations/:no/follow-ups')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  followUp(
    @Param('id') id: string,
    @Param('no', recommendationNo) no: number,
    @Body() body: RecordFollowUpDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const data = {
      recommendationNo: no,
      description: body.description,
      evidenceUrl: body.evidenceUrl ?? null,
      amountSettledIdr: body.amountSettledIdr ?? null,
    };
    return this.writer.decide(reply, write, findingTarget(findingId(id)), mayAnswerFinding, { type: 'RecordFollowUp', data });
  }

  @Post(':id/recommendations/:no/assessments')
  @Roles('inspector')
  @WriteEndpoint(201)
  assess(
    @Param('id') id: string,
    @Param('no', recommendationNo) no: number,
    @Body() body: AssessRecommendationDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const data = { recommendationNo: no, status: body.status, note: body.note };
    return this.writer.decide(reply, write, findingTarget(findingId(id)), mayAssessFinding, { type: 'AssessRecommendation', data });
  }

  @Post(':id/recommendations/:no/delay-reasons')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  delayReason(
    @Param('id') id: string,
    @Param('no', recommendationNo) no: number,
    @Body() body: RecordDelayReasonDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const data = { recommendationNo: no, reasonCategory: body.reasonCategory, note: body.note };
    return this.writer.decide(reply, write, findingTarget(findingId(id)), mayAnswerFinding, { type: 'RecordDelayReason', data });
  }

  @Get()
  @Exportable(findingSheet)
  @Roles('inspector', 'opd_operator', 'opd_head')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: FindingPageView })
  list(@Query() parameters: ListFindingsParameters, @CurrentPrincipal() principal: Principal): Promise<Page<FindingAnswer>> {
    const { limit, cursor, opd, ...filter } = parameters;
    return this.queries.execute(new ListFindingsQuery({ ...filter, opd: readableFindingsOpd(principal, opd) }, limit, cursor));
  }

  // Declared before ':id', which would otherwise take "summary" for an id.
  @Get('summary')
  @Exportable(findingSummarySheet)
  @Roles('inspector', 'opd_operator', 'opd_head')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: FindingSummaryView })
  async summary(@Query() scope: FindingScopeQuery, @CurrentPrincipal() principal: Principal): Promise<{ year: number | null; items: OpdFindingFigures[] }> {
    const items = await this.queries.execute(new FindingSummaryQuery({ year: scope.year, opd: readableFindingsOpd(principal, scope.opd) }));
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
    const finding = await this.queries.execute(new GetFindingQuery(findingId(id), asOf));
    if (!finding) throw noSuchFinding(id);
    mayReadFinding(principal, finding);
    tagRevision(response, finding.revision);
    return finding;
  }
}
