import { CommonErrors, DomainError } from '../shared/domain-error';

/** Everything a gratification report can refuse. */
export const GratificationErrors = {
  alreadyReported: (id: string) => CommonErrors.alreadyExists(`Gratification report ${id} exists`),
  notReported: () => CommonErrors.notFound('No such gratification report'),
  receivedInFuture: (today: string) => new DomainError('RULE_VIOLATED', 'DATE_IN_FUTURE', `A gift cannot be received after today (${today})`),
  forwardedBeforeReport: () => new DomainError('RULE_VIOLATED', 'DATE_BEFORE_REPORT', 'A report cannot be forwarded before it was made'),
  forwardedInFuture: (today: string) => new DomainError('RULE_VIOLATED', 'DATE_IN_FUTURE', `A report cannot be forwarded after today (${today})`),
  invalidTransition: (status: string, action: string) => CommonErrors.invalidTransition(`A report that is ${status} cannot be ${action}`),
};
