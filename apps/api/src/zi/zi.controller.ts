import { Exportable } from '../http/sheets/exportable';
import { ziSheet } from './zi.sheet';
import { ledgerSuggestions, LkeSheet, lkeSheet, LoadedLkeTemplate, ZiView, ziView } from '@app/domain/zi';
import { Clock } from '@app/platform';
import { Projections } from '@app/projections';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { Write, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { parseAsOf } from '../http/as-of';
import { Page } from '../http/pagination';
import { notFound } from '../http/problem';
import { Today } from '../http/request-clock';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { tagRevision, WriteResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { LedgerSources } from './ledger-sources';
import { LkeSheetCache } from './lke-sheet-cache';
import { activityCodeFrom, ZiAddress, ZiAddressFromPath, ZiYearFromPath } from './zi-address';
import { mayDeclareZi, mayDecideForTheRegency, mayEvaluateZi, mayReadPastZi, mayReadZi, maySubmitZi, mayWorkOnZi } from './zi-policies';
import { ListZiQuery, StandingWbkQuery, ZiDocumentQuery, ZiPrerequisitesQuery } from './zi-queries';
import { ZI_SETTINGS, ZiSettings } from './zi-settings';
import { ziLocation, ziPrerequisitesTarget, ziTarget } from './zi-target';
import {
  ZiActionPlanDto,
  ZiAnswersDto,
  DeclareZiDto,
  ListZiParameters,
  ZiProgressDto,
  ReturnZiDto,
  RevokeZiDto,
  ZiOutcomeDto,
  ZiPrerequisitesDto,
} from './zi.dto';
import { EvaluatedAnswerView, LkeSheetView, LkeTemplateView, ZiPageView, ZiViewDto } from './zi.views';

const answersOf = ({ answers }: ZiAnswersDto) => answers.map(({ itemCode, value, note }) => ({ itemCode, value, note: note || null }));

/** Zona Integritas, one record per ZI unit per year (docs/api.md, Zona Integritas). */
@ApiTags('Zona Integritas')
@ApiBearerAuth()
@Controller('api/v1/zi')
export class ZiController {
  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
    @Inject(ZI_SETTINGS) private readonly settings: ZiSettings,
    private readonly clock: Clock,
    private readonly ledger: LedgerSources,
    private readonly projections: Projections,
    private readonly sheets: LkeSheetCache,
  ) {}

  /** The ledger's suggestions for the template's items, as of the request (docs/domain.md, ZI 5). */
  private async suggestions(address: ZiAddress, today: string) {
    const { template } = this.settings;
    const readings = await this.ledger.read(
      template.items.flatMap((item) => (item.ledgerSource ? [item.ledgerSource] : [])),
      address,
      today,
    );
    return ledgerSuggestions(template, readings);
  }

  @Get('templates/current')
  @ApiOkResponse({ type: LkeTemplateView })
  template(): LoadedLkeTemplate {
    return this.settings.template;
  }

  @Get()
  @Roles('inspector', 'admin')
  @ApiOkResponse({ type: ZiPageView })
  @Exportable(ziSheet)
  list(@Query() { year, stage, limit, cursor }: ListZiParameters): Promise<Page<ZiView>> {
    return this.queries.execute(new ListZiQuery(year, stage, limit, cursor));
  }

  @Put('prerequisites/:year')
  @Roles('admin')
  @WriteEndpoint(200)
  prerequisites(
    @ZiYearFromPath() year: number,
    @Body() body: ZiPrerequisitesDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const { bpkOpinion, sakipGrade, indeksRbGrade } = body;
    return this.writer.decide(reply, write, ziPrerequisitesTarget(year), mayDecideForTheRegency, {
      type: 'RecordZiPrerequisites',
      data: { year, bpkOpinion, sakipGrade, indeksRbGrade },
    });
  }

  @Post(':unit/:year')
  @Roles('opd_head')
  @WriteEndpoint(201)
  async declare(
    @ZiAddressFromPath() address: ZiAddress,
    @Body() body: DeclareZiDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const [opd, standingWbk] = await Promise.all([
      this.queries.execute(new OpdStatusQuery(address.opdCode)),
      this.queries.execute(new StandingWbkQuery(address.unit, address.year)),
    ]);
    const { target, declaredOn, documentUrl, documentSha256, team } = body;
    return this.writer.decide(reply, write, { ...ziTarget(address), location: ziLocation(address) }, mayDeclareZi, {
      type: 'DeclareZi',
      data: { opd, unit: address.unit, year: address.year, standingWbk, target, declaredOn, documentUrl, documentSha256, team },
    });
  }

  @Put(':unit/:year/action-plan')
  @Roles('opd_operator', 'opd_head')
  @WriteEndpoint(200)
  actionPlan(
    @ZiAddressFromPath() address: ZiAddress,
    @Body() body: ZiActionPlanDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const activities = body.activities.map(({ code, area, description, output, dueDate }) => ({ code, area, description, output, dueDate }));
    return this.writer.decide(reply, write, ziTarget(address), mayWorkOnZi, { type: 'SetZiActionPlan', data: { activities } });
  }

  @Post(':unit/:year/action-plan/:activityCode/progress')
  @Roles('opd_operator', 'opd_head')
  @WriteEndpoint(201)
  progress(
    @ZiAddressFromPath() address: ZiAddress,
    @Param('activityCode') activityCode: string,
    @Body() body: ZiProgressDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const evidence = body.evidence.map(({ url, sha256 }) => ({ url, sha256 }));
    return this.writer.decide(reply, write, ziTarget(address), mayWorkOnZi, {
      type: 'ReportZiProgress',
      data: { activityCode: activityCodeFrom(activityCode), date: body.date, status: body.status, evidence, note: body.note || null },
    });
  }

  @Put(':unit/:year/lke/answers')
  @Roles('opd_operator', 'opd_head')
  @WriteEndpoint(200)
  async answer(
    @ZiAddressFromPath() address: ZiAddress,
    @Body() body: ZiAnswersDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const suggestions = await this.suggestions(address, write.metadata.today);
    return this.writer.decide(reply, write, ziTarget(address), mayWorkOnZi, {
      type: 'AnswerZiSelf',
      data: {
        template: this.settings.template,
        answers: answersOf(body),
        suggestions: Object.fromEntries([...suggestions].map(([code, { value }]) => [code, value])),
      },
    });
  }

  @Post(':unit/:year/submit')
  @Roles('opd_head')
  @WriteEndpoint(200)
  submit(@ZiAddressFromPath() address: ZiAddress, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<WriteResult> {
    return this.writer.decide(reply, write, ziTarget(address), maySubmitZi, { type: 'SubmitZiSelfAssessment', data: { template: this.settings.template } });
  }

  @Put(':unit/:year/tpi/answers')
  @Roles('inspector')
  @WriteEndpoint(200)
  tpiAnswer(
    @ZiAddressFromPath() address: ZiAddress,
    @Body() body: ZiAnswersDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.writer.decide(reply, write, ziTarget(address), mayEvaluateZi, {
      type: 'AnswerZiTpi',
      data: { template: this.settings.template, answers: answersOf(body) },
    });
  }

  @Post(':unit/:year/tpi/evaluate')
  @Roles('inspector')
  @WriteEndpoint(200, EvaluatedAnswerView)
  evaluate(@ZiAddressFromPath() address: ZiAddress, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.writer.decide(reply, write, ziTarget(address), mayEvaluateZi, { type: 'EvaluateZi', data: { template: this.settings.template } }, (state) => {
      // After an evaluation (or its retry) the state holds it; a retry after a return finds none.
      const judgement = state.stage === 'NONE' ? null : state.judgement;
      return judgement ? { scores: judgement.scores, meets: judgement.meets, shortfalls: judgement.shortfalls } : {};
    });
  }

  @Post(':unit/:year/tpi/return')
  @Roles('inspector')
  @WriteEndpoint(200)
  giveBack(
    @ZiAddressFromPath() address: ZiAddress,
    @Body() body: ReturnZiDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.writer.decide(reply, write, ziTarget(address), mayEvaluateZi, { type: 'ReturnZi', data: { notes: body.notes } });
  }

  @Post(':unit/:year/propose')
  @Roles('admin')
  @WriteEndpoint(200)
  async propose(@ZiAddressFromPath() address: ZiAddress, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<WriteResult> {
    const prerequisites = await this.queries.execute(new ZiPrerequisitesQuery(address.year));
    return this.writer.decide(reply, write, ziTarget(address), mayDecideForTheRegency, {
      type: 'ProposeZi',
      data: { prerequisites, rules: this.settings.prerequisiteRules },
    });
  }

  @Post(':unit/:year/outcome')
  @Roles('admin')
  @WriteEndpoint(200)
  outcome(
    @ZiAddressFromPath() address: ZiAddress,
    @Body() body: ZiOutcomeDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const { outcome, predikat, decreeNumber, decreeDate, reason } = body;
    return this.writer.decide(reply, write, ziTarget(address), mayDecideForTheRegency, {
      type: 'RecordZiOutcome',
      data: { outcome, predikat, decreeNumber, decreeDate, reason },
    });
  }

  @Post(':unit/:year/revoke')
  @Roles('admin')
  @WriteEndpoint(200)
  revoke(
    @ZiAddressFromPath() address: ZiAddress,
    @Body() body: RevokeZiDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.writer.decide(reply, write, ziTarget(address), mayDecideForTheRegency, { type: 'RevokeZi', data: { reason: body.reason } });
  }

  @Get(':unit/:year/lke')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: LkeSheetView })
  async sheet(
    @ZiAddressFromPath() address: ZiAddress,
    @CurrentPrincipal() principal: Principal,
    @Today() today: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<LkeSheet> {
    mayReadZi(principal, address);
    const state = await this.projections.servingCheckpoints();
    const kept = await this.sheets.get(`${address.unit}|${address.year}|${today}|${state}`, async () => {
      const document = await this.queries.execute(new ZiDocumentQuery(address.unit, address.year));
      return document && { sheet: lkeSheet(this.settings.template, document, await this.suggestions(address, today)), revision: document.revision };
    });
    if (!kept) throw notFound(`No Zona Integritas record of ${address.unit} for ${address.year}`);
    tagRevision(response, kept.revision);
    return kept.sheet;
  }

  @Get(':unit/:year')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: ZiViewDto })
  async get(
    @ZiAddressFromPath() address: ZiAddress,
    @Query('asOf') asOfParameter: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Today() today: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ZiView> {
    mayReadZi(principal, address);
    const asOf = parseAsOf(asOfParameter);
    if (asOf) mayReadPastZi(principal, address);
    const document = await this.queries.execute(new ZiDocumentQuery(address.unit, address.year, asOf));
    if (!document) throw notFound(`No Zona Integritas record of ${address.unit} for ${address.year}`);
    tagRevision(response, document.revision);
    // A past state is judged on its own day: an activity overdue now may not have been then.
    return ziView(document, asOf ? this.clock.dayOf(asOf) : today);
  }
}
