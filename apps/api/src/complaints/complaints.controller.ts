import { Exportable } from '../http/sheets/exportable';
import { ARCHIVE_REASONS, ArchiveReason } from '@app/domain/complaint';
import { WorkingCalendar } from '@app/domain';
import { requireActiveOpd } from '@app/domain/opd';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { Write, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { Page } from '../http/pagination';
import { forbidden, invalidParameter } from '../http/problem';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { WriteResult } from '../http/write-result';
import { OpdStatusQuery } from '../opds';
import { ComplaintPersonalData } from './complaint-personal-data';
import { requireIsComplaintAdmin, respondsForTheUnit } from './complaint-policies';
import { ComplaintAnswer, ComplaintFilter, ListComplaintsQuery } from './complaint-queries';
import { complaintTarget, noSuchComplaint, trackingCodeFrom } from './complaint-target';
import { ListComplaintsQuery as ListParameters, RespondToComplaintDto, VerifyComplaintDto } from './complaint.dto';
import { complaintSheet } from './complaint.sheet';
import { ComplaintPageView, ComplaintView } from './complaint.views';

/** The complaint desk's verification, the units' responses and their lists (docs/api.md, Participation). */
@ApiTags('Complaints')
@ApiBearerAuth()
@Controller('api/v1/complaints')
export class ComplaintsController {
  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
    private readonly personalData: ComplaintPersonalData,
    private readonly calendar: WorkingCalendar,
  ) {}

  @Post(':trackingCode/verify')
  @Roles('complaint_admin')
  @WriteEndpoint(200)
  async verify(
    @Param('trackingCode') trackingCode: string,
    @Body() body: VerifyComplaintDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const target = complaintTarget(trackingCodeFrom(trackingCode), this.personalData.codec);
    return this.writer.decide(reply, write, target, requireIsComplaintAdmin, { type: 'VerifyComplaint', data: await this.decision(body) });
  }

  @Post(':trackingCode/responses')
  @Roles('opd_operator', 'opd_head')
  @WriteEndpoint(200)
  respond(
    @Param('trackingCode') trackingCode: string,
    @Body() body: RespondToComplaintDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    // The OPD is the caller's: the policy has checked it is the one the complaint was verified for.
    const opdCode = write.principal.opd ?? '';
    const target = complaintTarget(trackingCodeFrom(trackingCode), this.personalData.codec);
    return this.writer.decide(reply, write, target, respondsForTheUnit, {
      type: 'RespondToComplaint',
      data: { calendar: this.calendar, opdCode, text: body.text },
    });
  }

  @Get()
  @Roles('complaint_admin', 'opd_operator', 'opd_head')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: ComplaintPageView })
  @Exportable(complaintSheet)
  list(@Query() parameters: ListParameters, @CurrentPrincipal() principal: Principal): Promise<Page<ComplaintAnswer>> {
    const { limit, cursor, ...filter } = parameters;
    return this.queries.execute(new ListComplaintsQuery(this.readable(principal, filter), principal.roles.includes('complaint_admin'), limit, cursor));
  }

  @Get(':trackingCode')
  @Roles('complaint_admin', 'opd_operator', 'opd_head')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: ComplaintView })
  async get(@Param('trackingCode') trackingCode: string, @CurrentPrincipal() principal: Principal): Promise<ComplaintAnswer> {
    const filter = { trackingCode: trackingCodeFrom(trackingCode) };
    const admin = principal.roles.includes('complaint_admin');
    // A unit reads the complaints that concern it; another unit's is no business of its own, and reads as none.
    const page = await this.queries.execute(new ListComplaintsQuery(admin ? filter : { ...filter, opd: principal.opd ?? '' }, admin, 1));
    const [complaint] = page.items;
    if (!complaint) throw noSuchComplaint();
    return complaint;
  }

  /** The desk sees every unit's complaints; a unit's operator and head their own unit's only. */
  private readable(principal: Principal, filter: ComplaintFilter): ComplaintFilter {
    if (principal.roles.includes('complaint_admin')) return filter;
    if (!principal.opd || (filter.opd !== undefined && filter.opd !== principal.opd)) throw forbidden('OPD roles see their own unit’s complaints only');
    return { ...filter, opd: principal.opd };
  }

  private async decision(body: VerifyComplaintDto) {
    const calendar = this.calendar;
    switch (body.decision) {
      case 'VERIFIED':
        requireActiveOpd(await this.queries.execute(new OpdStatusQuery(body.opdCode!)));
        return { calendar, decision: body.decision, opdCode: body.opdCode!, responseClass: body.responseClass!, withholdFromPublic: body.withholdFromPublic };
      case 'NEEDS_INFO':
        return { calendar, decision: body.decision, question: body.question! };
      case 'NOT_AUTHORITY':
        return { calendar, decision: body.decision, reason: body.reason!, referral: body.referral ?? null };
      case 'ARCHIVED':
        if (!(ARCHIVE_REASONS as readonly string[]).includes(body.reason!)) throw invalidParameter('reason', `must be one of ${ARCHIVE_REASONS.join(', ')}`);
        return { calendar, decision: body.decision, reason: body.reason as ArchiveReason, note: body.note ?? null };
    }
  }
}
