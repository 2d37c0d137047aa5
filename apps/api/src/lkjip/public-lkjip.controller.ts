import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { Today } from '../http/request-clock';
import { opdYearAddress } from '../http/opd-year-address';
import { PdfEndpoint, sendLkjipPdf } from './lkjip-pdf.response';
import { SealedLkjipQuery } from './lkjip-queries';

/**
 * A published report, for anyone (docs/domain.md, Privacy: published LKjIPs are public). Anything not
 * yet published answers the same 404 as a report that does not exist, so the public cannot even
 * tell that a draft is there.
 */
@ApiTags('Public')
@Public()
@Controller('public/v1/opds/:code/lkjip')
export class PublicLkjipController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':year.pdf')
  @PdfEndpoint()
  async pdf(
    @Param('code') code: string,
    @Param('year') year: string,
    @Today() today: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<Buffer> {
    const { opdCode, year: reportYear } = opdYearAddress(code, year, today);
    const sealed = await this.queries.execute(new SealedLkjipQuery(opdCode, reportYear));
    return sendLkjipPdf(response, sealed?.document.status === 'PUBLISHED' ? sealed : null, `No published LKjIP of ${opdCode} for ${reportYear}`);
  }
}
