import { CommonErrors, DomainError } from '../shared/domain-error';

/** Everything an audit finding can refuse (the unit it names: see OpdErrors). */
export const AuditFindingErrors = {
  alreadyRecorded: (findingId: string) => CommonErrors.alreadyExists(`Finding ${findingId} exists`),
  notRecorded: () => CommonErrors.notFound('No such finding'),
  noSuchRecommendation: (no: number) => CommonErrors.notFound(`The finding has no recommendation ${no}`),
  noRecommendations: () => CommonErrors.invalidInput('A finding needs at least one recommendation'),
  receivedBeforeReport: () => new DomainError('RULE_VIOLATED', 'RECEIVED_BEFORE_REPORT', 'A report cannot be received before its date'),
  // A due date counted from a future receipt would hide the obligation until then.
  dateInFuture: (today: string) => new DomainError('RULE_VIOLATED', 'DATE_IN_FUTURE', `A report cannot be dated or received after today (${today})`),
  recommendationFinal: (no: number, status: string) => CommonErrors.invalidTransition(`Recommendation ${no} is final (${status})`),
  amountExceeded: (settled: number, amount: number) =>
    new DomainError('RULE_VIOLATED', 'AMOUNT_EXCEEDED', `Settled amounts would reach ${settled} of ${amount} rupiah`),
};
