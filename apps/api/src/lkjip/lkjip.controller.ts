import { freezeFigures, LkjipView } from '@app/domain/lkjip';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { Write, WriteContext } from '../commands/write-context';
import { Today } from '../http/request-clock';
import { Writer } from '../commands/writer';
import { parseAsOf } from '../http/as-of';
import { OpdYearAddress, OpdYearFromPath } from '../http/opd-year-address';
import { notFound } from '../http/problem';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { tagRevision, WriteResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { PlanDocumentQuery } from '../plans';
import { sectionKeyFrom } from './lkjip-address';
import { PdfEndpoint, sendLkjipPdf } from './lkjip-pdf.response';
import { mayCompileLkjip, mayReadPastLkjip, mayReviewLkjip, maySignLkjip } from './lkjip-policies';
import { GetLkjipQuery, SealedLkjipQuery } from './lkjip-queries';
import { LKJIP_SETTINGS, LkjipSettings } from './lkjip-settings';
import { lkjipLocation, lkjipTarget } from './lkjip-target';
import { ReviewLkjipDto, WriteSectionDto } from './lkjip.dto';
import { LkjipViewDto } from './lkjip.views';

/** A unit's annual performance report (docs/api.md, LKjIP). */
@ApiTags('LKjIP')
@ApiBearerAuth()
@Controller('api/v1/opds/:code/lkjip')
export class LkjipController {
  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
    @Inject(LKJIP_SETTINGS) private readonly settings: LkjipSettings,
  ) {}

  @Post(':year')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  async compile(
    @OpdYearFromPath() address: OpdYearAddress,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const [opd, figures] = await Promise.all([this.queries.execute(new OpdStatusQuery(address.opdCode)), this.figures(address)]);
    const target = { ...lkjipTarget(address), location: lkjipLocation(address) };
    return this.writer.decide(reply, write, target, mayCompileLkjip, { type: 'CompileLkjip', data: { opd, year: address.year, figures } });
  }

  @Post(':year/recompile')
  @Roles('opd_operator')
  @WriteEndpoint(200)
  async recompile(
    @OpdYearFromPath() address: OpdYearAddress,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const figures = await this.figures(address);
    return this.writer.decide(reply, write, lkjipTarget(address), mayCompileLkjip, { type: 'RecompileLkjip', data: { figures } });
  }

  @Put(':year/sections/:key')
  @Roles('opd_operator')
  @WriteEndpoint(200)
  writeSection(
    @OpdYearFromPath() address: OpdYearAddress,
    @Param('key') key: string,
    @Body() body: WriteSectionDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.writer.decide(reply, write, lkjipTarget(address), mayCompileLkjip, {
      type: 'WriteLkjipSection',
      data: { key: sectionKeyFrom(key), text: body.text },
    });
  }

  @Post(':year/submit')
  @Roles('opd_head')
  @WriteEndpoint(200)
  submit(@OpdYearFromPath() address: OpdYearAddress, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<WriteResult> {
    return this.writer.decide(reply, write, lkjipTarget(address), maySignLkjip, { type: 'SubmitLkjip', data: {} });
  }

  @Post(':year/review')
  @Roles('inspector')
  @WriteEndpoint(200)
  review(
    @OpdYearFromPath() address: OpdYearAddress,
    @Body() body: ReviewLkjipDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.writer.decide(reply, write, lkjipTarget(address), mayReviewLkjip, {
      type: 'ReviewLkjip',
      data: { outcome: body.outcome, notes: body.notes ?? '' },
    });
  }

  @Post(':year/publish')
  @Roles('opd_head')
  @WriteEndpoint(200)
  publish(@OpdYearFromPath() address: OpdYearAddress, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<WriteResult> {
    return this.writer.decide(reply, write, lkjipTarget(address), maySignLkjip, { type: 'PublishLkjip', data: {} });
  }

  @Get(':year.pdf')
  @PdfEndpoint()
  async pdf(@OpdYearFromPath() address: OpdYearAddress, @Res({ passthrough: true }) response: FastifyReply): Promise<Buffer> {
    const { opdCode, year } = address;
    return sendLkjipPdf(response, await this.queries.execute(new SealedLkjipQuery(opdCode, year)), `No LKjIP of ${opdCode} for ${year}`);
  }

  @Get(':year')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: LkjipViewDto })
  async get(
    @OpdYearFromPath() address: OpdYearAddress,
    @Query('asOf') asOfParameter: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Today() today: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<LkjipView> {
    const asOf = parseAsOf(asOfParameter);
    if (asOf) mayReadPastLkjip(principal, address);
    const report = await this.queries.execute(new GetLkjipQuery(address.opdCode, address.year, today, asOf));
    if (!report) throw notFound(`No LKjIP of ${address.opdCode} for ${address.year}`);
    tagRevision(response, report.revision);
    return report;
  }

  /**
   * The figures a compile or recompile freezes: the plan folded from its stream, measured by the
   * plan's own rules, stamped with the position of the plan's last event.
   */
  private async figures({ opdCode, year }: OpdYearAddress) {
    const { document, position } = await this.queries.execute(new PlanDocumentQuery(opdCode, year));
    return position === null ? null : freezeFigures(document, this.settings.achievement, position);
  }
}
