import type { OpdRow } from '@app/read-models';
import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { Write, WriteContext } from '../commands/write-context';
import { Writer } from '../commands/writer';
import { parseAsOf } from '../http/as-of';
import { Page, PageQuery } from '../http/pagination';
import { notFound } from '../http/problem';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { tagRevision, WriteResult } from '../http/write-result';
import { mayKeepRegistry, mayReadPastOpd } from './opd-policies';
import { GetOpdQuery, ListOpdsQuery } from './opd-queries';
import { OpdStatusQuery } from './opd-status.query';
import { newOpdTarget, opdTarget } from './opd-target';
import { DissolveOpdDto, OpdPageView, OpdView, RegisterOpdDto, RenameOpdDto } from './opds.dto';

@ApiTags('Organisation units (OPD)')
@ApiBearerAuth()
@Controller('api/v1/opds')
export class OpdsController {
  constructor(
    private readonly writer: Writer,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('admin')
  @WriteEndpoint(201)
  async register(@Body() body: RegisterOpdDto, @Write() write: WriteContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<WriteResult> {
    const parent = body.parentCode ? await this.queries.execute(new OpdStatusQuery(body.parentCode)) : null;
    return this.writer.decide(reply, write, newOpdTarget(body.code), mayKeepRegistry, {
      type: 'RegisterOpd',
      data: { code: body.code, name: body.name, parent },
    });
  }

  @Patch(':code')
  @Roles('admin')
  @WriteEndpoint(200)
  async rename(
    @Param('code') code: string,
    @Body() body: RenameOpdDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.writer.decide(reply, write, opdTarget(code), mayKeepRegistry, { type: 'RenameOpd', data: { name: body.name, reason: body.reason } });
  }

  @Post(':code/dissolve')
  @Roles('admin')
  @WriteEndpoint(200)
  async dissolve(
    @Param('code') code: string,
    @Body() body: DissolveOpdDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const successor = body.successorCode ? await this.queries.execute(new OpdStatusQuery(body.successorCode)) : null;
    return this.writer.decide(reply, write, opdTarget(code), mayKeepRegistry, { type: 'DissolveOpd', data: { successor, reason: body.reason } });
  }

  @Get()
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: OpdPageView })
  async list(@Query() page: PageQuery): Promise<Page<OpdView>> {
    return this.queries.execute(new ListOpdsQuery(page.limit, page.cursor));
  }

  @Get(':code')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: OpdView })
  async get(
    @Param('code') code: string,
    @Query('asOf') asOfParameter: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<OpdView> {
    const asOf = parseAsOf(asOfParameter);
    if (asOf) mayReadPastOpd(principal, { opdCode: code });
    const row: OpdRow | null = await this.queries.execute(new GetOpdQuery(code, asOf));
    if (!row) throw notFound(`No OPD ${code}`);
    tagRevision(response, row.revision);
    return row;
  }
}
