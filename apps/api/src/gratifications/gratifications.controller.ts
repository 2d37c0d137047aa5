import { Exportable } from '../http/sheets/exportable';
import { gratificationSheet } from './gratification.sheet';
import { Environment } from '@app/config';
import { WorkingCalendar } from '@app/domain';
import { FORWARD_DUE_WORKING_DAYS, GIFT_OCCASIONS, GratificationExemptions, parseExemptions } from '@app/domain/gratification';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { newResourceId, Write, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { Page } from '../http/pagination';
import { forbidden } from '../http/problem';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { WriteResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { GratificationPersonalData } from './gratification-personal-data';
import { requireIsReporter, requireIsUpg } from './gratification-policies';
import { GratificationAnswer, ListGratificationsQuery } from './gratification-queries';
import { gratificationId, gratificationTarget, newGratificationTarget } from './gratification-target';
import {
  CloseExemptDto,
  ForwardGratificationDto,
  HandOverDto,
  KpkDecisionDto,
  ListGratificationsQuery as ListParameters,
  ReportGratificationDto,
} from './gratification.dto';
import { GratificationPageView, GratificationReportedView } from './gratification.views';

const KPK_WARNING = 'Dilaporkan lebih dari 30 hari kerja sejak diterima: KPK dapat menetapkan gratifikasi ini menjadi milik negara (UU 20/2001 pasal 12C).';

/** Gifts reported to the UPG and the UPG's handling of them (docs/api.md, Gratification). */
@ApiTags('Gratification')
@ApiBearerAuth()
@Controller('api/v1/gratifications')
export class GratificationsController {
  private readonly exemptions: GratificationExemptions;

  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
    private readonly personalData: GratificationPersonalData,
    private readonly calendar: WorkingCalendar,
    environment: Environment,
  ) {
    // The setting's shape was checked at start-up (libs/config), so this parses.
    this.exemptions = parseExemptions(environment.GRATIFICATION_EXEMPTIONS, GIFT_OCCASIONS)!;
  }

  @Post()
  @Roles('employee')
  @WriteEndpoint(201, GratificationReportedView)
  async report(
    @Body() body: ReportGratificationDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult & Omit<GratificationReportedView, keyof WriteResult>> {
    const nip = write.principal.nip;
    if (!nip) throw forbidden('Only an employee whose token carries a NIP may report a gift');
    const id = newResourceId(write, 'gratification');
    const { today } = write.metadata;
    const { opdCode, ...gift } = body;
    const data = {
      ...gift,
      gratificationId: id,
      nip,
      opd: await this.queries.execute(new OpdStatusQuery(opdCode)),
      exemptions: this.exemptions,
      workingDaysToReport: this.calendar.workingDaysBetween(body.receivedOn, today),
      forwardDueOn: this.calendar.addWorkingDays(today, FORWARD_DUE_WORKING_DAYS),
    };
    return this.writer.decide(
      reply,
      write,
      newGratificationTarget(id, this.personalData.codec, nip),
      requireIsReporter,
      { type: 'ReportGratification', data },
      (state) => {
        const verdict = state.status === 'NONE' ? null : state.verdict;
        return { ...verdict!, warning: verdict?.kpkMaySeize ? KPK_WARNING : null };
      },
    );
  }

  @Post(':id/forward')
  @Roles('upg')
  @WriteEndpoint(200)
  forward(
    @Param('id') id: string,
    @Body() body: ForwardGratificationDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.writer.decide(reply, write, gratificationTarget(gratificationId(id), this.personalData.codec), requireIsUpg, {
      type: 'ForwardGratification',
      data: { ...body },
    });
  }

  @Post(':id/close-exempt')
  @Roles('upg')
  @WriteEndpoint(200)
  closeExempt(
    @Param('id') id: string,
    @Body() body: CloseExemptDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.writer.decide(reply, write, gratificationTarget(gratificationId(id), this.personalData.codec), requireIsUpg, {
      type: 'CloseGratificationExempt',
      data: { reason: body.reason },
    });
  }

  @Post(':id/decision')
  @Roles('upg')
  @WriteEndpoint(200)
  decision(
    @Param('id') id: string,
    @Body() body: KpkDecisionDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.writer.decide(reply, write, gratificationTarget(gratificationId(id), this.personalData.codec), requireIsUpg, {
      type: 'RecordKpkDecision',
      data: { ...body },
    });
  }

  @Post(':id/hand-over')
  @Roles('upg')
  @WriteEndpoint(200)
  handOver(
    @Param('id') id: string,
    @Body() body: HandOverDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.writer.decide(reply, write, gratificationTarget(gratificationId(id), this.personalData.codec), requireIsUpg, {
      type: 'RecordHandOver',
      data: { ...body },
    });
  }

  @Get()
  @Roles('upg', 'employee')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: GratificationPageView })
  @Exportable(gratificationSheet)
  async list(@Query() parameters: ListParameters, @CurrentPrincipal() principal: Principal): Promise<Page<GratificationAnswer>> {
    const { limit, cursor, ...filter } = parameters;
    if (principal.roles.includes('upg')) return this.queries.execute(new ListGratificationsQuery(filter, limit, cursor));
    // An employee lists their own reports only: by their subject id, never by NIP.
    const subject = principal.nip ? await this.personalData.subjectOf(principal.nip) : null;
    if (!subject) return { items: [], nextCursor: null };
    return this.queries.execute(new ListGratificationsQuery({ ...filter, reporterSubject: subject }, limit, cursor));
  }
}
