/** What other slices may use of the dashboards slice: the public portal serves the same scorecards. */
export { RegencyQuery, ScorecardQuery } from './scorecard-queries';
export { ScorecardParticipation, ScorecardParticipationQuery } from './scorecard-participation.query';
export { ScorecardZiQuery, ScorecardZiUnit } from './scorecard-zi.query';
