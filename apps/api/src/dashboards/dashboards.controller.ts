import { Scorecard } from '@app/domain/dashboard';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { readableOpd } from '../auth/policies';
import { Principal } from '../auth/principal';
import { Today } from '../http/request-clock';
import { Page } from '../http/pagination';
import { notFound } from '../http/problem';
import { opdYearAddress, yearFrom } from '../http/opd-year-address';
import { RedFlag, RedFlagsQuery } from './red-flag-queries';
import { RedFlagListQuery } from './red-flag.dto';
import { RedFlagPageView } from './red-flag.views';
import { RegencyQuery, unitScorecard, UnitScorecard } from './scorecard-queries';
import { RegencyView, UnitScorecardView } from './scorecard.views';
import { Exportable } from '../http/sheets/exportable';
import { redFlagSheet } from './red-flag.sheet';
import { regencySheet } from './scorecard.sheet';

/** Scorecards for any signed-in user, and the inspectorate's register of red flags (docs/api.md, Dashboards). */
@ApiTags('Dashboards')
@ApiBearerAuth()
@Controller('api/v1/dashboards')
export class DashboardsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('opds/:code/:year')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: UnitScorecardView })
  async scorecard(@Param('code') code: string, @Param('year') yearParameter: string, @Today() today: string): Promise<UnitScorecard> {
    const { opdCode, year } = opdYearAddress(code, yearParameter, today);
    const scorecard = await unitScorecard(this.queries, opdCode, year, today);
    if (!scorecard) throw notFound(`No OPD ${opdCode}`);
    return scorecard;
  }

  @Get('regency/:year')
  @Exportable(regencySheet)
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: RegencyView })
  async regency(@Param('year') yearParameter: string, @Today() today: string): Promise<{ year: number; items: Scorecard[] }> {
    const year = yearFrom(yearParameter, today);
    return { year, items: await this.queries.execute(new RegencyQuery(year, today)) };
  }

  /**
   * The inspectorate's register. A unit's operator and head may read their own unit's part:
   * each flag is already on their own plan, LKjIP or finding, and they are the ones to answer it.
   */
  @Get('red-flags')
  @Exportable(redFlagSheet)
  @Roles('inspector', 'opd_operator', 'opd_head')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: RedFlagPageView })
  redFlags(@Query() parameters: RedFlagListQuery, @CurrentPrincipal() principal: Principal, @Today() today: string): Promise<Page<RedFlag>> {
    const { limit, cursor, opd, ...filter } = parameters;
    return this.queries.execute(new RedFlagsQuery({ ...filter, opd: readableOpd(principal, opd, 'red flags') }, today, limit, cursor));
  }
}
