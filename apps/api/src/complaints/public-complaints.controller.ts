import { ComplaintCommand, ComplaintState } from '@app/domain/complaint';
import { requireActiveOpd } from '@app/domain/opd';
import { Body, Controller, Get, Headers, Param, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { CommandBody, Write, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { AnonymousWrite } from '../http/anonymous-writes';
import { invalidParameter } from '../http/problem';
import { Today } from '../http/request-clock';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { WriteResult } from '../http/write-result';
import { ShownOnce } from '../idempotency/shown-once';
import { OpdStatusQuery } from '../opds';
import { WorkingCalendar } from '@app/domain';
import { ComplaintPersonalData } from './complaint-personal-data';
import { theFollowSecretSuffices } from './complaint-policies';
import { ComplaintReporter } from './complaint-reporter';
import { complaintTarget, newComplaintTarget } from './complaint-target';
import { FileComplaintDto, ReporterMessageDto } from './complaint.dto';
import { ComplaintFiledView, complaintFollowView, ComplaintFollowView } from './complaint.views';
import { fileFollowable } from '../auth/followable-filing';

const FOLLOW_SECRET = { name: 'X-Follow-Secret', required: true, description: 'The follow secret the filing answered' };

/**
 * Complaints for anyone (docs/api.md, Participation): filed without a token, followed and
 * answered with the tracking code and follow secret. A stranger learns nothing: an unknown code
 * and a wrong secret are the same 404, after the same work.
 */
@ApiTags('Public')
@Public()
@Controller('public/v1/complaints')
export class PublicComplaintsController {
  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
    private readonly personalData: ComplaintPersonalData,
    private readonly reporter: ComplaintReporter,
    private readonly calendar: WorkingCalendar,
  ) {}

  @Post()
  @AnonymousWrite('complaint')
  @WriteEndpoint(201, ComplaintFiledView)
  @ShownOnce('followSecret')
  @ApiTooManyRequestsResponse({ description: 'More than ANONYMOUS_WRITES_PER_MINUTE complaints from this address in a minute' })
  async file(
    @Body() body: FileComplaintDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult & { trackingCode: string; followSecret: string | null }> {
    if (body.opdCode) requireActiveOpd(await this.queries.execute(new OpdStatusQuery(body.opdCode)));
    const contact = body.contact ? { name: body.contact.name ?? null, email: body.contact.email ?? null, phone: body.contact.phone ?? null } : null;
    return fileFollowable(write.options.requestId, (trackingCode, secret) =>
      this.writer.decide(
        reply,
        write,
        newComplaintTarget(trackingCode, this.personalData.codec),
        theFollowSecretSuffices,
        {
          type: 'FileComplaint',
          data: {
            calendar: this.calendar,
            trackingCode,
            followSecretHash: secret.followSecretHash,
            kind: body.kind,
            opdCode: body.opdCode ?? null,
            subject: body.subject,
            text: body.text,
            location: body.location ?? null,
            contact,
            publicText: body.publicText,
          },
        },
        (state: ComplaintState) => secret.answer(trackingCode, state.status === 'NONE' ? null : state.followSecretHash),
      ),
    );
  }

  @Get(':trackingCode')
  @AnonymousWrite('complaint-follow')
  @ApiHeader(FOLLOW_SECRET)
  @ApiOkResponse({ type: ComplaintFollowView })
  @ApiNotFoundResponse({ description: 'No such complaint, or not this secret: the same answer' })
  async follow(
    @Param('trackingCode') trackingCode: string,
    @Headers('x-follow-secret') followSecret: string | undefined,
    @Today() today: string,
  ): Promise<ComplaintFollowView> {
    return complaintFollowView(await this.reporter.open(trackingCode, followSecret), today);
  }

  @Post(':trackingCode/messages')
  @AnonymousWrite('complaint')
  @WriteEndpoint(200)
  @ApiHeader(FOLLOW_SECRET)
  @ApiNotFoundResponse({ description: 'No such complaint, or not this secret: the same answer' })
  async message(
    @Param('trackingCode') trackingCodeParameter: string,
    @Headers('x-follow-secret') followSecret: string | undefined,
    @Body() body: ReporterMessageDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const { trackingCode } = await this.reporter.open(trackingCodeParameter, followSecret);
    return this.writer.decide(reply, write, complaintTarget(trackingCode, this.personalData.codec), theFollowSecretSuffices, this.reporterCommand(body));
  }

  /** `{ text }` answers a question, `{ confirm: true }` accepts the response, `{ object: true, text }` objects once. */
  private reporterCommand({ text, confirm, object }: ReporterMessageDto): CommandBody<ComplaintCommand> {
    if (confirm && text === undefined && !object) return { type: 'ConfirmComplaint', data: {} };
    if (object && text !== undefined && !confirm) return { type: 'ObjectToComplaint', data: { calendar: this.calendar, text } };
    if (text !== undefined && !confirm && !object) return { type: 'AnswerComplaintQuestion', data: { calendar: this.calendar, text } };
    throw invalidParameter('body', 'send { text }, { confirm: true } or { object: true, text }');
  }
}
