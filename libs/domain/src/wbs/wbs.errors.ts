import { CommonErrors, DomainError } from '../shared/domain-error';

/** Everything a WBS report can refuse. No allegation or identity in messages: they reach logs. */
export const WbsErrors = {
  alreadyFiled: () => CommonErrors.alreadyExists('A report with this tracking code exists'),
  // The same answer as a wrong follow secret: a tracking code is no proof a report exists.
  notFound: () => CommonErrors.notFound('No such report'),
  invalidTransition: (from: string, to: string) => CommonErrors.invalidTransition(`A ${from} report cannot move to ${to}`),
  closed: () => CommonErrors.invalidTransition('A CLOSED report takes no more messages'),
  blank: (field: string) => CommonErrors.invalidInput(`${field} must not be blank`),
  referenceNeeded: () => CommonErrors.invalidInput('A referral names the reference of the case at law enforcement or KPK'),
  noIdentity: () => new DomainError('RULE_VIOLATED', 'NO_IDENTITY', 'The reporter gave no identity'),
};
