export * from './survey-results';
