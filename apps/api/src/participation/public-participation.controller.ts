import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { ComplaintFiguresQuery, ComplaintFiguresView } from '../complaints';
import { GratificationFigures, GratificationFiguresQuery } from '../gratifications';
import { opdYearAddress } from '../http/opd-year-address';
import { sendCacheable } from '../http/public-cache';
import { Today } from '../http/request-clock';
import { ClosedSurveysQuery, PublicSurveyView, publicSurvey } from '../surveys';

class GratificationFiguresView implements GratificationFigures {
  @ApiProperty() reports: number;
  @ApiProperty() totalValueIdr: number;
  @ApiProperty({ description: 'Reports made within 10 working days of receipt' }) reportedOnTime: number;
  @ApiProperty({ nullable: true, type: Number }) reportedOnTimePercent: number | null;
}

class ParticipationView {
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: GratificationFiguresView }) gratification: GratificationFiguresView;
  @ApiProperty({ type: ComplaintFiguresView, description: 'Complaints concerning the unit, filed in the year' }) complaints: ComplaintFiguresView;
  @ApiProperty({ type: [PublicSurveyView], description: 'The unit’s closed surveys of the year' }) surveys: PublicSurveyView[];
}

/**
 * An OPD's participation figures for a year, for anyone: each part is a query of its own slice
 * (gratification counts, complaint figures, closed surveys), combined here.
 * Counts and amounts only: never a reporter, a respondent or a report's text.
 */
@ApiTags('Public')
@Public()
@Controller('public/v1/participation')
export class PublicParticipationController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':code/:year')
  @ApiOkResponse({ type: ParticipationView })
  async figures(
    @Param('code') code: string,
    @Param('year') yearParameter: string,
    @Today() today: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { opdCode, year } = opdYearAddress(code, yearParameter, today);
    const [gratification, complaints, surveys] = await Promise.all([
      this.queries.execute(new GratificationFiguresQuery(opdCode, year)),
      this.queries.execute(new ComplaintFiguresQuery(opdCode, year)),
      this.queries.execute(new ClosedSurveysQuery({ opd: opdCode, year })),
    ]);
    const body: ParticipationView = { opdCode, year, gratification, complaints, surveys: surveys.map(publicSurvey) };
    await sendCacheable(request, reply, JSON.stringify(body), 'application/json; charset=utf-8');
  }
}
