import { ComplaintFigures } from '@app/domain/complaint';
import { Mutu } from '@app/domain/survey';
import { Query } from '@nestjs/cqrs';

/**
 * What the participation contexts add to a unit's scorecard (docs/api.md, Dashboards): counts and
 * indices only, never a reporter or a respondent. Asked here, answered by the participation
 * slice, which reads the gratification and survey registers: the dashboards know the question,
 * not those registers.
 */
export interface ScorecardParticipation {
  gratification: {
    /** Gifts reported by the unit's staff, received in the year. */
    reports: number;
    /** Of them, reported within 10 working days of receipt. */
    reportedOnTime: number;
    reportedOnTimePercent: number | null;
  };
  /** docs/domain.md, Complaints 5: the unit's complaints filed in the year. */
  complaints: ComplaintFigures;
  serviceSurveys: {
    /** SKM surveys of the year that are closed (their results frozen). */
    closed: number;
    /** The latest closed SKM's IKM and mutu (by quarter); null without one. */
    ikm: number | null;
    mutu: Mutu | null;
    quarter: number | null;
  };
}

export class ScorecardParticipationQuery extends Query<ScorecardParticipation> {
  constructor(
    readonly opdCode: string,
    readonly year: number,
  ) {
    super();
  }
}
