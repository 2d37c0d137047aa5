export * from './survey-results';
export * from './survey.events';
export * from './survey-questions';
export * from './survey.errors';
export * from './survey.decider';
export * from './survey-response.decider';
export * from './survey-view';
