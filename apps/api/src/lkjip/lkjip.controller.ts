import { LkjipCommand, lkjipDecider, lkjipStream, freezeFigures } from '@app/domain/lkjip';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { requireActsForOpd, requireMayReadPastStates } from '../auth/policies';
import { Principal, Role } from '../auth/principal';
import { DecideCommand } from '../commands/decide.command';
import { CommandBody, Today, Write, WriteContext } from '../commands/write-context';
import { parseAsOf } from '../http/as-of';
import { problem, ProblemException } from '../http/problem';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { setLocation, tagRevision, WriteResult, writeResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { planAddress, PlanDocumentQuery } from '../plans';
import { sectionKeyFrom } from './lkjip-address';
import { PdfEndpoint, sendLkjipPdf } from './lkjip-pdf.response';
import { GetLkjipQuery, SealedLkjipQuery } from './lkjip-queries';
import { LKJIP_SETTINGS, LkjipSettings } from './lkjip-settings';
import { LkjipView } from '@app/domain/lkjip';
import { ReviewLkjipDto, WriteSectionDto } from './lkjip.dto';
import { LkjipViewDto } from './lkjip.views';

type Address = { opdCode: string; year: number };

/** The unit's own roles act only for the unit; the inspectorate reviews every unit's report. */
const unitRole = (role: Role) => (principal: Principal, opdCode: string) => requireActsForOpd(principal, opdCode, [role]);
const inspectorate = () => undefined;

/** A unit's annual performance report (docs/api.md, LKjIP). */
@ApiTags('LKjIP')
@ApiBearerAuth()
@Controller('api/v1/opds/:code/lkjip')
export class LkjipController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(LKJIP_SETTINGS) private readonly settings: LkjipSettings,
  ) {}

  @Post(':year')
  @Roles('opd_operator')
  @WriteEndpoint(201)
  async compile(@Param('code') code: string, @Param('year') year: string, @Write() write: WriteContext, @Res({ passthrough: true }) response: FastifyReply) {
    const result = await this.act(unitRole('opd_operator'), code, year, write, response, async (address) => ({
      type: 'CompileLkjip',
      data: { opd: await this.queries.execute(new OpdStatusQuery(address.opdCode)), year: address.year, figures: await this.figures(address) },
    }));
    setLocation(response, `/api/v1/opds/${code}/lkjip/${year}`);
    return result;
  }

  @Post(':year/recompile')
  @Roles('opd_operator')
  @WriteEndpoint(200)
  recompile(@Param('code') code: string, @Param('year') year: string, @Write() write: WriteContext, @Res({ passthrough: true }) response: FastifyReply) {
    return this.act(unitRole('opd_operator'), code, year, write, response, async (address) => ({
      type: 'RecompileLkjip',
      data: { figures: await this.figures(address) },
    }));
  }

  @Put(':year/sections/:key')
  @Roles('opd_operator')
  @WriteEndpoint(200)
  writeSection(
    @Param('code') code: string,
    @Param('year') year: string,
    @Param('key') key: string,
    @Body() body: WriteSectionDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const section = sectionKeyFrom(key);
    return this.act(unitRole('opd_operator'), code, year, write, response, () => ({ type: 'WriteLkjipSection', data: { key: section, text: body.text } }));
  }

  @Post(':year/submit')
  @Roles('opd_head')
  @WriteEndpoint(200)
  submit(@Param('code') code: string, @Param('year') year: string, @Write() write: WriteContext, @Res({ passthrough: true }) response: FastifyReply) {
    return this.act(unitRole('opd_head'), code, year, write, response, () => ({ type: 'SubmitLkjip', data: {} }));
  }

  @Post(':year/review')
  @Roles('inspector')
  @WriteEndpoint(200)
  review(
    @Param('code') code: string,
    @Param('year') year: string,
    @Body() body: ReviewLkjipDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.act(inspectorate, code, year, write, response, () => ({ type: 'ReviewLkjip', data: { outcome: body.outcome, notes: body.notes ?? '' } }));
  }

  @Post(':year/publish')
  @Roles('opd_head')
  @WriteEndpoint(200)
  publish(@Param('code') code: string, @Param('year') year: string, @Write() write: WriteContext, @Res({ passthrough: true }) response: FastifyReply) {
    return this.act(unitRole('opd_head'), code, year, write, response, () => ({ type: 'PublishLkjip', data: {} }));
  }

  @Get(':year.pdf')
  @PdfEndpoint()
  async pdf(
    @Param('code') code: string,
    @Param('year') year: string,
    @Today() today: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<Buffer> {
    const { opdCode, year: reportYear } = planAddress(code, year, today);
    return sendLkjipPdf(response, await this.queries.execute(new SealedLkjipQuery(opdCode, reportYear)), `No LKjIP of ${opdCode} for ${reportYear}`);
  }

  @Get(':year')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: LkjipViewDto })
  async get(
    @Param('code') code: string,
    @Param('year') yearParameter: string,
    @Query('asOf') asOfParameter: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Today() today: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<LkjipView> {
    const { opdCode, year } = planAddress(code, yearParameter, today);
    const asOf = parseAsOf(asOfParameter);
    if (asOf) requireMayReadPastStates(principal, opdCode);
    const report = await this.queries.execute(new GetLkjipQuery(opdCode, year, today, asOf));
    if (!report) throw new ProblemException(problem(404, 'NOT_FOUND', `No LKjIP of ${opdCode} for ${year}`));
    tagRevision(response, report.revision);
    return report;
  }

  /**
   * The figures a compile or recompile freezes: the plan folded from its stream, measured by the
   * plan's own rules, stamped with the position of the plan's last event.
   */
  private async figures({ opdCode, year }: Address) {
    const { document, position } = await this.queries.execute(new PlanDocumentQuery(opdCode, year));
    return position === null ? null : freezeFigures(document, this.settings.achievement, position);
  }

  /** Who may act, on which stream, then the command: the one way every report write goes. */
  private async act(
    authorize: (principal: Principal, opdCode: string) => void,
    code: string,
    yearParameter: string,
    write: WriteContext,
    response: FastifyReply,
    commandFor: (address: Address) => CommandBody<LkjipCommand> | Promise<CommandBody<LkjipCommand>>,
  ): Promise<WriteResult> {
    const address = planAddress(code, yearParameter, write.metadata.today);
    authorize(write.principal, address.opdCode);
    const command = { ...(await commandFor(address)), metadata: write.metadata };
    const result = await this.commands.execute(new DecideCommand(lkjipStream(address.opdCode, address.year), lkjipDecider, command, write.options));
    return writeResult(response, `${address.opdCode}-${address.year}`, result);
  }
}
