import { Policy } from '../auth/policies';
import { actsForOpd } from '../auth/principal';
import { forbidden } from '../http/problem';
import { ComplaintSubject } from './complaint-target';

/** The complaint desk verifies every unit's complaints: the route's role is the whole rule. */
export const requireIsComplaintAdmin: Policy<ComplaintSubject> = (principal) => {
  if (!principal.roles.includes('complaint_admin')) throw forbidden('Only the complaint admin may do this');
};

/** The unit a complaint was verified for answers it, through its operator or its head. */
export const respondsForTheUnit: Policy<ComplaintSubject> = (principal, { opdCode }) => {
  if (opdCode === null || !actsForOpd(principal, opdCode, ['opd_operator', 'opd_head'])) {
    throw forbidden('Only the operator or the head of the unit the complaint was verified for may respond');
  }
};

/**
 * The reporter, anonymous: the controller has already proved the follow secret, which is the
 * whole of their right to act.
 */
export const theFollowSecretSuffices: Policy<ComplaintSubject> = () => undefined;
