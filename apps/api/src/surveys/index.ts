/** What other slices may use of the survey slice (the participation figures). */
export { ClosedSurveysQuery, SurveyAnswer } from './survey-queries';
export { PublicSurveyView, publicSurvey } from './survey.views';
