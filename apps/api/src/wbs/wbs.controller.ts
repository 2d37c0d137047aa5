import { WbsState } from '@app/domain/wbs';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { Write, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { Page } from '../http/pagination';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { WriteResult } from '../http/write-result';
import { ShownOnce } from '../idempotency/shown-once';
import { requireIsWbsOfficer } from './wbs-policies';
import { WbsPersonalData } from './wbs-personal-data';
import { ListWbsReportsQuery, WbsAnswer } from './wbs-queries';
import { noSuchReport, trackingCodeFrom, wbsTarget } from './wbs-target';
import { ListWbsQuery, MoveWbsReportDto, ReadWbsIdentityDto, WbsMessageDto } from './wbs.dto';
import { WbsIdentityReadView, WbsPageView, WbsReportView } from './wbs.views';

/**
 * The WBS officers' desk (docs/api.md, Participation): only `wbs_officer` reads or acts on a
 * report; no OPD role, not the admin, not another inspector. The identity is opened only by a
 * reading, which records that it happened and why. Not exportable: a register of allegations
 * leaves the desk only by decision, not by a query parameter.
 */
@ApiTags('Whistleblowing')
@ApiBearerAuth()
@Roles('wbs_officer')
@Controller('api/v1/wbs')
export class WbsController {
  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
    private readonly personalData: WbsPersonalData,
  ) {}

  @Get()
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: WbsPageView })
  list(@Query() parameters: ListWbsQuery): Promise<Page<WbsAnswer>> {
    const { limit, cursor, ...filter } = parameters;
    return this.queries.execute(new ListWbsReportsQuery(filter, limit, cursor));
  }

  @Get(':trackingCode')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: WbsReportView })
  async get(@Param('trackingCode') trackingCode: string): Promise<WbsAnswer> {
    const page = await this.queries.execute(new ListWbsReportsQuery({ trackingCode: trackingCodeFrom(trackingCode) }, 1));
    const [report] = page.items;
    if (!report) throw noSuchReport();
    return report;
  }

  @Post(':trackingCode/identity-readings')
  @WriteEndpoint(201, WbsIdentityReadView)
  @ShownOnce('identity')
  read(
    @Param('trackingCode') trackingCode: string,
    @Body() body: ReadWbsIdentityDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult & { identity: { name: string | null; contact: string | null } | null }> {
    const target = wbsTarget(trackingCodeFrom(trackingCode), this.personalData.codec);
    // The state is folded from opened events: its identity is the one the reading recorded, or null once erased.
    return this.writer.decide(reply, write, target, requireIsWbsOfficer, { type: 'ReadWbsIdentity', data: { reason: body.reason } }, (state: WbsState) => ({
      identity: state.status === 'NONE' ? null : state.identity,
    }));
  }

  @Post(':trackingCode/transitions')
  @WriteEndpoint(200)
  move(
    @Param('trackingCode') trackingCode: string,
    @Body() body: MoveWbsReportDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const target = wbsTarget(trackingCodeFrom(trackingCode), this.personalData.codec);
    return this.writer.decide(reply, write, target, requireIsWbsOfficer, {
      type: 'MoveWbsReport',
      data: { to: body.to, reason: body.reason, reference: body.reference ?? null },
    });
  }

  @Post(':trackingCode/messages')
  @WriteEndpoint(200)
  message(
    @Param('trackingCode') trackingCode: string,
    @Body() body: WbsMessageDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const target = wbsTarget(trackingCodeFrom(trackingCode), this.personalData.codec);
    return this.writer.decide(reply, write, target, requireIsWbsOfficer, { type: 'PostWbsMessage', data: { from: 'OFFICER', text: body.text } });
  }
}
