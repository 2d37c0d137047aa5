import { Body, Controller, Get, Headers, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { Write, WriteContext } from '../commands/write-context';
import { AnonymousWrite } from '../http/anonymous-writes';
import { Today } from '../http/request-clock';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { WriteResult } from '../http/write-result';
import { ShownOnce } from '../idempotency/shown-once';
import { ComplaintFiled, ComplaintFiling } from './complaint-filing';
import { ComplaintReporter } from './complaint-reporter';
import { FileComplaintDto, ReporterMessageDto } from './complaint.dto';
import { ComplaintFiledView, complaintFollowView, ComplaintFollowView } from './complaint.views';

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
    private readonly filing: ComplaintFiling,
    private readonly reporter: ComplaintReporter,
  ) {}

  @Post()
  @AnonymousWrite('complaint')
  @WriteEndpoint(201, ComplaintFiledView)
  @ShownOnce('followSecret')
  @ApiTooManyRequestsResponse({ description: 'More than ANONYMOUS_WRITES_PER_MINUTE complaints from this address in a minute' })
  file(@Body() body: FileComplaintDto, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ComplaintFiled> {
    return this.filing.file(reply, write, body);
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
  message(
    @Param('trackingCode') trackingCode: string,
    @Headers('x-follow-secret') followSecret: string | undefined,
    @Body() body: ReporterMessageDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.filing.message(reply, write, trackingCode, followSecret, body);
  }
}
