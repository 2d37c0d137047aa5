import { PlanErrors } from '../plan/plan.errors';
import { CommonErrors, DomainError } from '../shared/domain-error';
import { SectionKey } from './lkjip.events';

/** Everything an LKjIP can refuse (the unit it names: see OpdErrors). */
export const LkjipErrors = {
  alreadyCompiled: (opdCode: string, year: number) => CommonErrors.alreadyExists(`${opdCode} already has an LKjIP for ${year}`),
  notCompiled: () => CommonErrors.notFound('No such LKjIP'),
  invalidTransition: (status: string, action: string) => CommonErrors.invalidTransition(`A ${status} LKjIP cannot be ${action}`),
  /**
   * The plan's own refusal, so PLAN_NOT_APPROVED keeps one spelling and one meaning; only the
   * detail is told in the report's words (the plan's speaks of realisation).
   */
  planNotApproved: () => {
    const { kind, code } = PlanErrors.notApproved();
    return new DomainError(kind, code, 'An LKjIP is compiled from a plan with an approved version; this plan has none');
  },
  sectionsIncomplete: (missing: readonly SectionKey[]) =>
    new DomainError('RULE_VIOLATED', 'SECTIONS_INCOMPLETE', `Every section must be written before submitting; blank: ${missing.join(', ')}`),
  // When: lkjip-review.ts.
  notesRequired: () => CommonErrors.invalidInput('Returning a report needs notes'),
};
