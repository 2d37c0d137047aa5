import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { actorOf, actsForOpd, Principal } from '../auth/principal';
import { parseAsOf } from '../http/as-of';
import { Page, PageQuery } from '../http/pagination';
import { problem, ProblemException } from '../http/problem';
import { expectedRevisionFrom, WriteResult, writeResult } from '../http/write-result';
import { DissolveOpdCommand, RegisterOpdCommand, RenameOpdCommand } from './opd-commands';
import { GetOpdQuery, ListOpdsQuery } from './opd-queries';
import { DissolveOpdDto, OpdView, RegisterOpdDto, RenameOpdDto, WriteResultView } from './opds.dto';
import type { OpdRow } from '@app/read-models';

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
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: WriteResultView })
  async register(@Body() body: RegisterOpdDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response): Promise<WriteResult> {
    const result = await this.commands.execute(new RegisterOpdCommand(body.code, body.name, body.parentCode, actorOf(principal)));
    response.location(`/api/v1/opds/${body.code}`);
    return writeResult(response, body.code, result);
  }

  @Patch(':code')
  @Roles('admin')
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: WriteResultView })
  async rename(
    @Param('code') code: string,
    @Body() body: RenameOpdDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    const result = await this.commands.execute(new RenameOpdCommand(code, body.name, body.reason, expectedRevisionFrom(ifMatch), actorOf(principal)));
    return writeResult(response, code, result);
  }

  @Post(':code/dissolve')
  @HttpCode(200)
  @Roles('admin')
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: WriteResultView })
  async dissolve(
    @Param('code') code: string,
    @Body() body: DissolveOpdDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    const result = await this.commands.execute(
      new DissolveOpdCommand(code, body.reason, body.successorCode, expectedRevisionFrom(ifMatch), actorOf(principal)),
    );
    return writeResult(response, code, result);
  }

  @Get()
  @ApiHeader({ name: 'X-Min-Position', required: false })
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
    @Res({ passthrough: true }) response: Response,
  ): Promise<OpdView> {
    const asOf = parseAsOf(asOfParameter);
    if (asOf && !principal.roles.includes('inspector') && !actsForOpd(principal, code)) {
      throw new ProblemException(problem(403, 'FORBIDDEN', 'Only the inspectorate and the unit itself may read its past states'));
    }
    const row: OpdRow | null = await this.queries.execute(new GetOpdQuery(code, asOf));
    if (!row) throw notFound(code);
    response.setHeader('ETag', `"${row.revision}"`);
    return row;
  }
}
