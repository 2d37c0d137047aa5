import { CommonErrors, DomainError } from '../shared/domain-error';
import { IndicatorErrors } from '../shared/indicator.errors';
import { Quarter } from './plan.events';

/** Everything a performance plan can refuse (the unit it names: see OpdErrors). */
export const PlanErrors = {
  alreadyDrafted: (opdCode: string, year: number) => CommonErrors.alreadyExists(`${opdCode} already has a plan for ${year}`),
  notDrafted: () => CommonErrors.notFound('No such plan'),
  invalidTransition: (status: string, action: string) => CommonErrors.invalidTransition(`A ${status} plan cannot be ${action}`),
  noGoals: () => CommonErrors.invalidInput('A plan needs at least one goal'),
  duplicateGoal: (code: string) => CommonErrors.invalidInput(`Goal code ${code} appears twice`),
  goalWithoutIndicators: (code: string) => CommonErrors.invalidInput(`Goal ${code} needs at least one indicator`),
  duplicateIndicator: (code: string) => CommonErrors.invalidInput(`Indicator code ${code} appears twice in the plan`),
  negativeTarget: (code: string) => CommonErrors.invalidInput(`Indicator ${code}: targets are numbers ≥ 0`),
  zeroTargetHigherIsBetter: IndicatorErrors.zeroTargetHigherIsBetter,
  noValues: IndicatorErrors.noValues,
  duplicateValue: IndicatorErrors.duplicateValue,
  notApproved: () => new DomainError('RULE_VIOLATED', 'PLAN_NOT_APPROVED', 'Realisation needs an approved plan'),
  unknownIndicator: (code: string, version: number) => CommonErrors.unknownIndicator(`${code} is not an indicator of effective version ${version}`),
  quarterAlreadyReported: (quarter: Quarter) =>
    new DomainError('RULE_VIOLATED', 'QUARTER_ALREADY_REPORTED', `Q${quarter} is already reported; a change is a correction with a reason`),
  quarterNotReported: (quarter: Quarter) => new DomainError('RULE_VIOLATED', 'QUARTER_NOT_REPORTED', `Q${quarter} has not been reported yet`),
  quarterNotStarted: (quarter: Quarter, year: number) => new DomainError('RULE_VIOLATED', 'QUARTER_NOT_STARTED', `Q${quarter} ${year} has not begun`),
};
