import { Controller, Get, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { sendCacheable } from '../http/public-cache';
import { PublicOpd, PublicOpdsQuery } from './public-opds.query';

class PublicOpdView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) parentCode: string | null;
  @ApiProperty({ enum: ['ACTIVE', 'DISSOLVED'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) successorCode: string | null;
}

class PublicOpdListView {
  @ApiProperty({ type: [PublicOpdView], description: 'Every registered unit, in code order' }) items: PublicOpdView[];
}

/** The registry for anyone: which units there are and what they are called (the portal names them). */
@ApiTags('Public')
@Public()
@Controller('public/v1/opds')
export class PublicOpdsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: PublicOpdListView })
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const items: PublicOpd[] = await this.queries.execute(new PublicOpdsQuery());
    await sendCacheable(request, reply, JSON.stringify({ items }), 'application/json; charset=utf-8');
  }
}
