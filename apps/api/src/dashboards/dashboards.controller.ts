import { Scorecard } from '@app/domain/dashboard';
import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Today } from '../commands/write-context';
import { problem, ProblemException } from '../http/problem';
import { planAddress, yearFrom } from '../plans';
import { RegencyQuery, ScorecardQuery } from './scorecard-queries';
import { RegencyView, ScorecardView } from './scorecard.views';

/** Scorecards for any signed-in user (docs/api.md, Dashboards). */
@ApiTags('Dashboards')
@ApiBearerAuth()
@Controller('api/v1/dashboards')
export class DashboardsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('opds/:code/:year')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: ScorecardView })
  async scorecard(@Param('code') code: string, @Param('year') yearParameter: string, @Today() today: string): Promise<Scorecard> {
    const { opdCode, year } = planAddress(code, yearParameter, today);
    const scorecard = await this.queries.execute(new ScorecardQuery(opdCode, year, today));
    if (!scorecard) throw new ProblemException(problem(404, 'NOT_FOUND', `No OPD ${opdCode}`));
    return scorecard;
  }

  @Get('regency/:year')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: RegencyView })
  async regency(@Param('year') yearParameter: string, @Today() today: string): Promise<{ year: number; items: Scorecard[] }> {
    const year = yearFrom(yearParameter, today);
    return { year, items: await this.queries.execute(new RegencyQuery(year, today)) };
  }
}
