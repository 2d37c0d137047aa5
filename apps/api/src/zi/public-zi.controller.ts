import { PublicZiRecord } from '@app/domain/zi';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { yearFrom } from '../http/opd-year-address';
import { invalidParameter } from '../http/problem';
import { Today } from '../http/request-clock';
import { PublicZiQuery } from './zi-queries';
import { PublicZiPageView } from './zi.views';

/** Zona Integritas for anyone: each unit's public record of a year, through publicZiRecord's allow-list. */
@ApiTags('Public')
@Public()
@Controller('public/v1/zi')
export class PublicZiController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiQuery({ name: 'year', required: true, type: Number })
  @ApiOkResponse({ type: PublicZiPageView })
  async list(@Query('year') year: unknown, @Today() today: string): Promise<{ items: PublicZiRecord[] }> {
    if (typeof year !== 'string') throw invalidParameter('year', 'is required, once');
    return { items: await this.queries.execute(new PublicZiQuery(yearFrom(year, today))) };
  }
}
