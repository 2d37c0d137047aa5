import { CommonErrors, DomainError } from '../shared/domain-error';

/** Everything a survey and its answers can refuse. */
export const SurveyErrors = {
  alreadyOpened: (surveyCode: string) => CommonErrors.alreadyExists(`Survey ${surveyCode} exists`),
  notOpened: () => CommonErrors.notFound('No such survey'),
  closed: () => new DomainError('RULE_VIOLATED', 'SURVEY_CLOSED', 'The survey is closed: it takes no more answers'),
  alreadyClosed: () => CommonErrors.invalidTransition('The survey is closed already'),
  badPeriod: (year: number, today: string) => CommonErrors.invalidInput(`A survey's year must be at most the current year (${today.slice(0, 4)}), not ${year}`),
  missingAnswers: (codes: string[]) => CommonErrors.invalidInput(`Answers are missing for ${codes.join(', ')}`),
  unknownQuestions: (codes: string[]) => CommonErrors.invalidInput(`The survey asks no question ${codes.join(', ')}`),
  answerOutOfRange: (code: string) => CommonErrors.invalidInput(`The answer to ${code} must be a whole number from 1 to 4`),
  answeredAlready: () => CommonErrors.alreadyExists('This answer is recorded'),
};
