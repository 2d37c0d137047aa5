import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { actorOf, Principal } from '../auth/principal';
import { parseAsOf } from '../http/as-of';
import { Page } from '../http/pagination';
import { problem, ProblemException } from '../http/problem';
import { expectedRevisionFrom, WriteResult, writeResult } from '../http/write-result';
import { WriteResultView } from '../opds/opds.dto';
import { ActOnRecommendationCommand, RecordAuditFindingCommand } from './audit-finding-commands';
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
  exceptionFactory: () => new ProblemException(problem(400, 'VALIDATION_FAILED', 'The recommendation number must be a whole number', { errors: [{ field: 'no', message: 'must be a whole number' }] })),
});

/** The inspectorate's findings and the audited unit's answers to them (API.md, Audit findings). */
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
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: WriteResultView })
  async record(@Body() body: RecordAuditFindingDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<WriteResult> {
    const findingId = randomUUID();
    const { receivedDate, amountIdr, recommendations, ...finding } = body;
    const result = await this.commands.execute(
      new RecordAuditFindingCommand(
        {
          ...finding,
          findingId,
          receivedDate: receivedDate ?? null,
          amountIdr: amountIdr ?? null,
          recommendations: recommendations.map((recommendation) => ({ text: recommendation.text, amountIdr: recommendation.amountIdr ?? null })),
        },
        actorOf(principal),
      ),
    );
    response.location(`/api/v1/audit-findings/${findingId}`);
    return writeResult(response, findingId, result);
  }

  @Post(':id/recommendations/:no/follow-ups')
  @Roles('opd_operator')
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiCreatedResponse({ type: WriteResultView })
  async followUp(
    @Param('id') id: string,
    @Param('no', recommendationNo) no: number,
    @Body() body: RecordFollowUpDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    requireMayFollowUp(principal, await this.owner(id));
    const action = {
      type: 'RecordFollowUp' as const,
      data: { recommendationNo: no, description: body.description, evidenceUrl: body.evidenceUrl ?? null, amountSettledIdr: body.amountSettledIdr ?? null },
    };
    return writeResult(response, id, await this.commands.execute(new ActOnRecommendationCommand(id, action, expectedRevisionFrom(ifMatch), actorOf(principal))));
  }

  @Post(':id/recommendations/:no/assessments')
  @Roles('inspector')
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiCreatedResponse({ type: WriteResultView })
  async assess(
    @Param('id') id: string,
    @Param('no', recommendationNo) no: number,
    @Body() body: AssessRecommendationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    // No owner to check: the decision itself answers 404 for a finding that is not there.
    if (!FINDING_ID.test(id)) throw notFound(id);
    const action = { type: 'AssessRecommendation' as const, data: { recommendationNo: no, status: body.status, note: body.note } };
    return writeResult(response, id, await this.commands.execute(new ActOnRecommendationCommand(id, action, expectedRevisionFrom(ifMatch), actorOf(principal))));
  }

  @Post(':id/recommendations/:no/delay-reasons')
  @Roles('opd_operator')
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiCreatedResponse({ type: WriteResultView })
  async delayReason(
    @Param('id') id: string,
    @Param('no', recommendationNo) no: number,
    @Body() body: RecordDelayReasonDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    requireMayFollowUp(principal, await this.owner(id));
    const action = { type: 'RecordDelayReason' as const, data: { recommendationNo: no, reasonCategory: body.reasonCategory, note: body.note } };
    return writeResult(response, id, await this.commands.execute(new ActOnRecommendationCommand(id, action, expectedRevisionFrom(ifMatch), actorOf(principal))));
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
    @Res({ passthrough: true }) response: Response,
  ): Promise<FindingAnswer> {
    const asOf = parseAsOf(asOfParameter);
    if (!FINDING_ID.test(id)) throw notFound(id);
    const finding = await this.queries.execute(new GetFindingQuery(id, asOf));
    if (!finding) throw notFound(id);
    requireMayRead(principal, finding.opdCode);
    response.setHeader('ETag', `"${finding.revision}"`);
    return finding;
  }

  /** The audited unit, or 404 before any other check: nothing is decided about a finding that is not there. */
  private async owner(id: string): Promise<string> {
    const opdCode = FINDING_ID.test(id) ? await this.queries.execute(new FindingOwnerQuery(id)) : null;
    if (!opdCode) throw notFound(id);
    return opdCode;
  }
}
