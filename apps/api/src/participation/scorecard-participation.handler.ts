import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ComplaintFiguresQuery } from '../complaints';
import { ScorecardParticipation, ScorecardParticipationQuery } from '../dashboards';
import { GratificationFiguresQuery } from '../gratifications';
import { ClosedSurveysQuery, SurveyAnswer } from '../surveys';

/** The scorecard's participation figures, from the registers this slice already combines for the public. */
@QueryHandler(ScorecardParticipationQuery)
export class ScorecardParticipationHandler implements IQueryHandler<ScorecardParticipationQuery> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ opdCode, year }: ScorecardParticipationQuery): Promise<ScorecardParticipation> {
    const [gratification, complaints, surveys] = await Promise.all([
      this.queries.execute(new GratificationFiguresQuery(opdCode, year)),
      this.queries.execute(new ComplaintFiguresQuery(opdCode, year)),
      this.queries.execute(new ClosedSurveysQuery({ opd: opdCode, year })) as Promise<SurveyAnswer[]>,
    ]);
    const skm = surveys.filter((survey) => survey.kind === 'SKM');
    // Newest first, as the query orders them: the latest quarter's survey is what the year stands at.
    const latest = skm[0];
    const results = latest && 'ikm' in latest.results ? latest.results : null;
    return {
      gratification: {
        reports: gratification.reports,
        reportedOnTime: gratification.reportedOnTime,
        reportedOnTimePercent: gratification.reportedOnTimePercent,
      },
      complaints,
      serviceSurveys: { closed: skm.length, ikm: results?.ikm ?? null, mutu: results?.mutu ?? null, quarter: results ? latest.quarter : null },
    };
  }
}
