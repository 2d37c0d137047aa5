import { questionsOf, resultsOf, SurveyFigures, SurveyKind, SurveyQuestion, SurveyResults, surveyDecider, SurveyState, surveyStream } from '@app/domain/survey';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Projections } from '@app/projections';
import { surveyReadModel, SurveyRow } from '@app/read-models';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/** A survey as its answers show it: what was asked, its status and its results so far. */
export interface SurveyAnswer {
  surveyCode: string;
  kind: SurveyKind;
  opdCode: string;
  service: string;
  year: number;
  quarter: number;
  population: number;
  status: 'OPEN' | 'CLOSED';
  openedOn: string;
  closedOn: string | null;
  questions: SurveyQuestion[];
  results: SurveyResults;
  /** Respondents per band (`gender` → `P` → 12): counts, never one answer. */
  respondents: Record<string, Record<string, number>>;
}

export function surveyAnswer(figures: SurveyFigures): SurveyAnswer {
  const { surveyCode, kind, opdCode, service, year, quarter, population, status, openedOn, closedOn, respondents } = figures;
  return {
    surveyCode,
    kind,
    opdCode,
    service,
    year,
    quarter,
    population,
    status,
    openedOn,
    closedOn,
    questions: questionsOf(figures),
    results: resultsOf(figures),
    respondents,
  };
}

export class GetSurveyQuery extends Query<SurveyAnswer | null> {
  constructor(readonly surveyCode: string) {
    super();
  }
}

/** From the read model's running sums: nine additions' worth of work, however many answered. */
@QueryHandler(GetSurveyQuery)
export class GetSurveyHandler implements IQueryHandler<GetSurveyQuery> {
  constructor(private readonly projections: Projections) {}

  async execute({ surveyCode }: GetSurveyQuery): Promise<SurveyAnswer | null> {
    const row = await this.projections.findByKey(surveyReadModel, { surveyCode });
    return row && surveyAnswer(row);
  }
}

/**
 * The survey as its own stream has it, for an answer's decision: never the read model, which
 * may trail, so an answer to a survey just closed is refused rather than counted.
 */
export class SurveyStateQuery extends Query<SurveyState> {
  constructor(readonly surveyCode: string) {
    super();
  }
}

@QueryHandler(SurveyStateQuery)
export class SurveyStateHandler implements IQueryHandler<SurveyStateQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ surveyCode }: SurveyStateQuery): Promise<SurveyState> {
    const events = await this.store.readStream(surveyStream(surveyCode));
    return events.reduce((state, event) => surveyDecider.evolve(state, event as never), surveyDecider.initialState());
  }
}

export class ClosedSurveysQuery extends Query<SurveyAnswer[]> {
  constructor(readonly filter: { opd?: string; year?: number }) {
    super();
  }
}

/** Closed surveys only: an open one's figures still move, and the public sees frozen results. */
@QueryHandler(ClosedSurveysQuery)
export class ClosedSurveysHandler implements IQueryHandler<ClosedSurveysQuery> {
  constructor(private readonly projections: Projections) {}

  async execute({ filter }: ClosedSurveysQuery): Promise<SurveyAnswer[]> {
    const query = (await this.projections.reader(surveyReadModel)).createQueryBuilder('survey').where('survey.status = :status', { status: 'CLOSED' });
    if (filter.opd) query.andWhere('survey.opdCode = :opd', { opd: filter.opd });
    if (filter.year) query.andWhere('survey.year = :year', { year: filter.year });
    const rows: SurveyRow[] = await query
      .orderBy('survey.year', 'DESC')
      .addOrderBy('survey.quarter', 'DESC')
      .addOrderBy('survey.opdCode')
      .addOrderBy('survey.surveyCode')
      .take(500)
      .getMany();
    return rows.map(surveyAnswer);
  }
}

export const SURVEY_QUERY_HANDLERS = [GetSurveyHandler, SurveyStateHandler, ClosedSurveysHandler];
