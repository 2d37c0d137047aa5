import { actsForOpd } from '@app/domain';
import { headOfTheUnit, mayReadPastStates, Policy, theRoleSuffices, UnitSubject } from '../auth/policies';
import { forbidden } from '../http/problem';

/**
 * Zona Integritas (docs/api.md): the unit's head declares and submits, its operator and head
 * keep the action plan and the answers, the inspectorate (TPI) evaluates and the admin proposes
 * and records the outcome for the regency (the route's role is the whole rule for both).
 */
export const mayDeclareZi = headOfTheUnit;
export const maySubmitZi = headOfTheUnit;
export const mayWorkOnZi: Policy<UnitSubject> = (principal, { opdCode }) => {
  if (!actsForOpd(principal, opdCode)) throw forbidden(`Only the opd_operator or opd_head of ${opdCode} may do this`);
};
export const mayEvaluateZi = theRoleSuffices;
export const mayDecideForTheRegency = theRoleSuffices;

/** A unit's record is for its own OPD roles, the inspectorate and the admin. */
export const mayReadZi: Policy<UnitSubject> = (principal, { opdCode }) => {
  if (!principal.roles.some((role) => role === 'inspector' || role === 'admin') && !actsForOpd(principal, opdCode)) {
    throw forbidden(`Only the inspectorate, the admin and ${opdCode}’s own roles may read its Zona Integritas record`);
  }
};

/** Past states (`asOf`): the inspectorate and the unit, as everywhere; the admin too, who proposes on them. */
export const mayReadPastZi: Policy<UnitSubject> = (principal, subject) => {
  if (!principal.roles.includes('admin')) mayReadPastStates(principal, subject);
};
