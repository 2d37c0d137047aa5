import { emptyScorecardParts, rankScorecards, Scorecard, ScorecardParts, scorecardOf, ScorecardSettings } from '@app/domain/dashboard';
import { Projections } from '@app/projections';
import { opdReadModel, scorecardReadModel } from '@app/read-models';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ScorecardParticipation, ScorecardParticipationQuery } from './scorecard-participation.query';
import { SCORECARD_SETTINGS } from './scorecard-settings';
import { ScorecardZiQuery, ScorecardZiUnit } from './scorecard-zi.query';

/** One unit's year as of `today`; null when no such unit is registered. */
export class ScorecardQuery extends Query<Scorecard | null> {
  constructor(
    readonly opdCode: string,
    readonly year: number,
    readonly today: string,
  ) {
    super();
  }
}

@QueryHandler(ScorecardQuery)
export class ScorecardHandler implements IQueryHandler<ScorecardQuery> {
  constructor(
    private readonly projections: Projections,
    @Inject(SCORECARD_SETTINGS) private readonly settings: ScorecardSettings,
  ) {}

  /** One read by key; the registry is asked only when the unit has nothing for that year. */
  async execute({ opdCode, year, today }: ScorecardQuery): Promise<Scorecard | null> {
    const row = await this.projections.findByKey(scorecardReadModel, { opdCode, year });
    if (row) return scorecardOf(row as ScorecardParts, today, this.settings);
    const registered = await (await this.projections.reader(opdReadModel)).existsBy({ code: opdCode });
    return registered ? scorecardOf(emptyScorecardParts(opdCode, year), today, this.settings) : null;
  }
}

/**
 * Every unit's scorecard for the year, ranked (docs/api.md, Dashboards): every active unit, with zeros when it has
 * nothing yet, and a dissolved one only when it has something for that year.
 */
export class RegencyQuery extends Query<Scorecard[]> {
  constructor(
    readonly year: number,
    readonly today: string,
  ) {
    super();
  }
}

@QueryHandler(RegencyQuery)
export class RegencyHandler implements IQueryHandler<RegencyQuery> {
  constructor(
    private readonly projections: Projections,
    @Inject(SCORECARD_SETTINGS) private readonly settings: ScorecardSettings,
  ) {}

  async execute({ year, today }: RegencyQuery): Promise<Scorecard[]> {
    const [units, rows] = await Promise.all([
      (await this.projections.reader(opdReadModel)).find({ select: { code: true, status: true } }),
      (await this.projections.reader(scorecardReadModel)).findBy({ year }),
    ]);
    const parts = new Map<string, ScorecardParts>(rows.map((row) => [row.opdCode, row as ScorecardParts]));
    for (const unit of units) if (unit.status === 'ACTIVE' && !parts.has(unit.code)) parts.set(unit.code, emptyScorecardParts(unit.code, year));
    return rankScorecards([...parts.values()].map((part) => scorecardOf(part, today, this.settings)));
  }
}

export const SCORECARD_QUERY_HANDLERS = [ScorecardHandler, RegencyHandler];

/** A unit's scorecard as its own endpoints answer it: the ledger's figures, the participation contexts' and its ZI units. */
export type UnitScorecard = Scorecard & { participation: ScorecardParticipation; zi: ScorecardZiUnit[] };

export async function unitScorecard(queries: QueryBus, opdCode: string, year: number, today: string): Promise<UnitScorecard | null> {
  const [scorecard, participation, zi] = await Promise.all([
    queries.execute(new ScorecardQuery(opdCode, year, today)),
    queries.execute(new ScorecardParticipationQuery(opdCode, year)),
    queries.execute(new ScorecardZiQuery(opdCode, year)),
  ]);
  return scorecard && { ...scorecard, participation, zi };
}
