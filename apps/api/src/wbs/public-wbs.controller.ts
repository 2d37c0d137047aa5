import { Body, Controller, Get, Headers, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { Write, WriteContext } from '../commands/write-context';
import { AnonymousWrite } from '../http/anonymous-writes';
import { yearFrom } from '../http/opd-year-address';
import { sendCacheable } from '../http/public-cache';
import { Today } from '../http/request-clock';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { WriteResult } from '../http/write-result';
import { ShownOnce } from '../idempotency/shown-once';
import { WbsFiled, WbsFiling } from './wbs-filing';
import { WbsFiguresQuery } from './wbs-queries';
import { WbsReporter } from './wbs-reporter';
import { FileWbsReportDto, WbsMessageDto } from './wbs.dto';
import { WbsFiguresView, WbsFiledView, wbsFollowView, WbsFollowView } from './wbs.views';

const FOLLOW_SECRET = { name: 'X-Follow-Secret', required: true, description: 'The follow secret the filing answered' };

/**
 * Whistleblowing for anyone (docs/api.md, Participation): filed without a token, followed and
 * answered with the tracking code and follow secret. The reporter sees the state, the messages
 * and when the identity was read, never an officer's name; a stranger learns nothing.
 */
@ApiTags('Public')
@Public()
@Controller('public/v1/wbs')
export class PublicWbsController {
  constructor(
    private readonly filing: WbsFiling,
    private readonly queries: QueryBus,
    private readonly reporter: WbsReporter,
  ) {}

  @Post()
  @AnonymousWrite('wbs')
  @WriteEndpoint(201, WbsFiledView)
  @ShownOnce('followSecret')
  @ApiTooManyRequestsResponse({ description: 'More than ANONYMOUS_WRITES_PER_MINUTE reports from this address in a minute' })
  file(@Body() body: FileWbsReportDto, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<WbsFiled> {
    return this.filing.file(reply, write, body);
  }

  /** Counts only, regency-wide: a unit's few reports would point at their reporters. */
  @Get('figures/:year')
  @ApiOkResponse({ type: WbsFiguresView })
  async figures(@Param('year') yearParameter: string, @Today() today: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const figures = await this.queries.execute(new WbsFiguresQuery(yearFrom(yearParameter, today)));
    await sendCacheable(request, reply, JSON.stringify(figures), 'application/json; charset=utf-8');
  }

  @Get(':trackingCode')
  @AnonymousWrite('wbs-follow')
  @ApiHeader(FOLLOW_SECRET)
  @ApiOkResponse({ type: WbsFollowView })
  @ApiNotFoundResponse({ description: 'No such report, or not this secret: the same answer' })
  async follow(@Param('trackingCode') trackingCode: string, @Headers('x-follow-secret') followSecret: string | undefined): Promise<WbsFollowView> {
    return wbsFollowView(await this.reporter.open(trackingCode, followSecret));
  }

  @Post(':trackingCode/messages')
  @AnonymousWrite('wbs')
  @WriteEndpoint(200)
  @ApiHeader(FOLLOW_SECRET)
  @ApiNotFoundResponse({ description: 'No such report, or not this secret: the same answer' })
  message(
    @Param('trackingCode') trackingCode: string,
    @Headers('x-follow-secret') followSecret: string | undefined,
    @Body() body: WbsMessageDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.filing.message(reply, write, trackingCode, followSecret, body.text);
  }
}
