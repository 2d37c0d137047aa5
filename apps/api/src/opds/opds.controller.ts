import { opdDecider, opdStream } from '@app/domain/opd';
import type { OpdRow } from '@app/read-models';
import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { requireMayReadPastStates } from '../auth/policies';
import { Principal } from '../auth/principal';
import { DecideCommand } from '../commands/decide.command';
import { Write, WriteContext } from '../commands/write-context';
import { parseAsOf } from '../http/as-of';
import { Page, PageQuery } from '../http/pagination';
import { problem, ProblemException } from '../http/problem';
import { WriteEndpoint } from '../http/write-endpoint.decorator';
import { tagRevision, WriteResult, writeResult } from '../http/write-result';
import { GetOpdQuery, ListOpdsQuery } from './opd-queries';
import { OpdStatusQuery } from './opd-status.query';
import { DissolveOpdDto, OpdPageView, OpdView, RegisterOpdDto, RenameOpdDto } from './opds.dto';

const notFound = (code: string) => new ProblemException(problem(404, 'NOT_FOUND', `No OPD ${code}`));

@ApiTags('Organisation units (OPD)')
@ApiBearerAuth()
@Controller('api/v1/opds')
export class OpdsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('admin')
  @WriteEndpoint(201)
  async register(@Body() body: RegisterOpdDto, @Write() write: WriteContext, @Res({ passthrough: true }) response: FastifyReply): Promise<WriteResult> {
    const parent = body.parentCode ? await this.queries.execute(new OpdStatusQuery(body.parentCode)) : null;
    const command = { type: 'RegisterOpd' as const, data: { code: body.code, name: body.name, parent }, metadata: write.metadata };
    const result = await this.commands.execute(new DecideCommand(opdStream(body.code), opdDecider, command, write.options));
    return writeResult(response, body.code, result, `/api/v1/opds/${body.code}`);
  }

  @Patch(':code')
  @Roles('admin')
  @WriteEndpoint(200)
  async rename(
    @Param('code') code: string,
    @Body() body: RenameOpdDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<WriteResult> {
    const command = { type: 'RenameOpd' as const, data: { name: body.name, reason: body.reason }, metadata: write.metadata };
    return writeResult(response, code, await this.commands.execute(new DecideCommand(opdStream(code), opdDecider, command, write.options)));
  }

  @Post(':code/dissolve')
  @Roles('admin')
  @WriteEndpoint(200)
  async dissolve(
    @Param('code') code: string,
    @Body() body: DissolveOpdDto,
    @Write() write: WriteContext,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<WriteResult> {
    const successor = body.successorCode ? await this.queries.execute(new OpdStatusQuery(body.successorCode)) : null;
    const command = { type: 'DissolveOpd' as const, data: { successor, reason: body.reason }, metadata: write.metadata };
    return writeResult(response, code, await this.commands.execute(new DecideCommand(opdStream(code), opdDecider, command, write.options)));
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
    if (asOf) requireMayReadPastStates(principal, code);
    const row: OpdRow | null = await this.queries.execute(new GetOpdQuery(code, asOf));
    if (!row) throw notFound(code);
    tagRevision(response, row.revision);
    return row;
  }
}
