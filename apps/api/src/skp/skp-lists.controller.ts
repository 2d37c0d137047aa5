import { SkpView } from '@app/domain/skp';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { Today } from '../http/request-clock';
import { CODE } from '../http/input-rules';
import { Page } from '../http/pagination';
import { problem, ProblemException } from '../http/problem';
import { opdCodeFrom, opdYearAddress } from '../http/opd-year-address';
import { CascadeNode, CascadeTreeQuery } from './cascade-tree.query';
import { requireMayReadUnit } from './skp-policies';
import { ListUnitSkpQuery } from './skp-queries';
import { ListUnitSkpParameters } from './skp.dto';
import { CascadeTreeView, SkpPageView } from './skp.views';
import { Exportable } from '../http/sheets/exportable';
import { skpSheet } from './skp.sheet';

/**
 * The SKPs seen from a unit (docs/api.md, SKP): its list, and the tree of SKPs serving one of
 * its plan's indicators. Under the unit's path, since that is what they are read by.
 */
@ApiTags('SKP')
@ApiBearerAuth()
@Controller('api/v1/opds/:code')
export class SkpListsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('skp')
  @Exportable(skpSheet)
  @Roles('inspector', 'opd_operator', 'opd_head')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: SkpPageView })
  list(@Param('code') code: string, @Query() parameters: ListUnitSkpParameters, @CurrentPrincipal() principal: Principal): Promise<Page<SkpView>> {
    const opdCode = opdCodeFrom(code);
    requireMayReadUnit(principal, opdCode);
    const { limit, cursor, ...filter } = parameters;
    return this.queries.execute(new ListUnitSkpQuery(opdCode, filter, limit, cursor));
  }

  @Get('plans/:year/indicators/:indicatorCode/skp')
  @Roles('inspector', 'opd_operator', 'opd_head')
  @ApiHeader({ name: 'X-Min-Position', required: false })
  @ApiOkResponse({ type: CascadeTreeView })
  async cascade(
    @Param('code') code: string,
    @Param('year') yearParameter: string,
    @Param('indicatorCode') indicatorCode: string,
    @CurrentPrincipal() principal: Principal,
    @Today() today: string,
  ): Promise<{ opdCode: string; year: number; indicatorCode: string; items: CascadeNode[] }> {
    const { opdCode, year } = opdYearAddress(code, yearParameter, today);
    if (!CODE.test(indicatorCode)) {
      throw new ProblemException(
        problem(400, 'VALIDATION_FAILED', 'indicatorCode must be an indicator code', {
          errors: [{ field: 'indicatorCode', message: 'must be an indicator code' }],
        }),
      );
    }
    requireMayReadUnit(principal, opdCode);
    return { opdCode, year, indicatorCode, items: await this.queries.execute(new CascadeTreeQuery(opdCode, year, indicatorCode, principal)) };
  }
}
