/** What other slices may use of the survey slice (the participation figures, the portal's survey pages). */
export { ClosedSurveysQuery, GetSurveyQuery, SurveyAnswer } from './survey-queries';
export { surveyPageHref } from './survey-page-href';
export { PublicSurveyView, publicSurvey } from './survey.views';
