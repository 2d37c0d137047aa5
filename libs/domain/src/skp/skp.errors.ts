import { CommonErrors, DomainError } from '../shared/domain-error';
import { IndicatorErrors } from '../shared/indicator.errors';
import { SkpPeriod } from './skp.events';

/** Everything an SKP can refuse (the unit it names: see OpdErrors). */
export const SkpErrors = {
  // No NIP in messages: they reach problem details and logs (docs/domain.md, Privacy).
  alreadyDrafted: (year: number) => CommonErrors.alreadyExists(`This employee already has an SKP for ${year}`),
  notDrafted: () => CommonErrors.notFound('No such SKP'),
  invalidTransition: (status: string, action: string) => CommonErrors.invalidTransition(`A ${status} SKP cannot be ${action}`),
  // Nobody appraises themselves (docs/domain.md, SKP 1); a rule of the SKP, not of the input's shape.
  appraiserIsEmployee: () => new DomainError('RULE_VIOLATED', 'APPRAISER_IS_EMPLOYEE', 'The appraiser cannot be the employee appraised'),
  noResults: () => CommonErrors.invalidInput('An SKP needs at least one result'),
  duplicateResult: (code: string) => CommonErrors.invalidInput(`Result code ${code} appears twice`),
  resultWithoutIndicators: (code: string) => CommonErrors.invalidInput(`Result ${code} needs at least one indicator`),
  duplicateIndicator: (code: string) => CommonErrors.invalidInput(`Indicator code ${code} appears twice in the SKP`),
  negativeTarget: (code: string) => CommonErrors.invalidInput(`Indicator ${code}: the target is a number ≥ 0`),
  zeroTargetHigherIsBetter: IndicatorErrors.zeroTargetHigherIsBetter,
  cascadeTargetMissing: (resultCode: string, detail: string) =>
    new DomainError('RULE_VIOLATED', 'CASCADE_TARGET_MISSING', `Result ${resultCode} cascades from nothing that exists: ${detail}`),
  notAgreed: (status: string) => new DomainError('RULE_VIOLATED', 'SKP_NOT_AGREED', `Realisation and evaluation need an agreed SKP; this one is ${status}`),
  noValues: IndicatorErrors.noValues,
  duplicateValue: IndicatorErrors.duplicateValue,
  // The same code as plans' own, for the same refusal; clients match on it across contexts.
  unknownIndicator: (code: string) => CommonErrors.unknownIndicator(`${code} is not an indicator of the agreed SKP`),
  periodAlreadyReported: (period: SkpPeriod) => new DomainError('RULE_VIOLATED', 'PERIOD_ALREADY_REPORTED', `${period} is already reported`),
  periodAlreadyEvaluated: (period: SkpPeriod) =>
    new DomainError('RULE_VIOLATED', 'PERIOD_ALREADY_EVALUATED', `${period} is already evaluated; a re-evaluation needs a reason`),
};
