import { CommonErrors, DomainError } from '../shared/domain-error';

/** Everything a complaint can refuse. No text or contact in messages: they reach logs. */
export const ComplaintErrors = {
  alreadyFiled: () => CommonErrors.alreadyExists('A complaint with this tracking code exists'),
  // The same answer as a wrong follow secret: a tracking code is no proof a complaint exists.
  notFound: () => CommonErrors.notFound('No such complaint'),
  invalidTransition: (status: string, action: string) => CommonErrors.invalidTransition(`A ${status} complaint cannot be ${action}`),
  blank: (field: string) => CommonErrors.invalidInput(`${field} must not be blank`),
  missing: (field: string, decision: string) => CommonErrors.invalidInput(`${decision} needs ${field}`),
  alreadyObjected: () => new DomainError('RULE_VIOLATED', 'ALREADY_OBJECTED', 'A complaint can be objected to once'),
  wrongOpd: () => new DomainError('RULE_VIOLATED', 'NOT_THE_COMPLAINT_OPD', 'Only the OPD the complaint was verified for responds'),
};
