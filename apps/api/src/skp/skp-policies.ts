import { mayActAsEmployee, mayAppraise, mayDraftSkp, mayReadPastSkp, mayReadSkp, SkpParties } from '@app/domain/skp';
import { Policy } from '../auth/policies';
import { actsForOpd, Principal } from '../auth/principal';
import { forbidden } from '../http/problem';

/**
 * skp-access.ts's answers as the 403s the HTTP layer gives. No detail names a NIP or a
 * person: problem details reach clients and logs (docs/domain.md, Privacy).
 */
type SkpPolicy = Policy<SkpParties>;

export const requireMayDraft: SkpPolicy = (principal, skp) => {
  if (!mayDraftSkp(principal, skp)) throw forbidden('Only the employee, or an operator of the unit, may draft this SKP');
};

export const requireIsEmployee: SkpPolicy = (principal, skp) => {
  if (!mayActAsEmployee(skp, principal.nip)) throw forbidden('Only the employee this SKP belongs to may do this');
};

export const requireIsAppraiser: SkpPolicy = (principal, skp) => {
  if (!mayAppraise(skp, principal.nip)) throw forbidden('Only the appraiser named in this SKP may do this');
};

export const requireMayRead: SkpPolicy = (principal, skp) => {
  if (!mayReadSkp(principal, skp)) throw forbidden('Only the employee, the appraiser, the unit’s operator and head and the inspectorate may read this SKP');
};

export const requireMayReadPast: SkpPolicy = (principal, skp) => {
  if (!mayReadPastSkp(principal, skp)) throw forbidden('Only the inspectorate and the unit itself may read an SKP’s past states');
};

/** A unit's SKPs and the cascade of its plan: the inspectorate, and the unit's operator and head. */
export function requireMayReadUnit(principal: Principal, opdCode: string): void {
  if (!principal.roles.includes('inspector') && !actsForOpd(principal, opdCode))
    throw forbidden(`Only the inspectorate and the operator or head of ${opdCode} may list its SKPs`);
}

/**
 * Whose appraisals the caller may list: their own (the token's `nip`), or any appraiser's for
 * the inspectorate. Undefined when the caller names none and has no NIP of their own.
 */
export function appraiserToList(principal: Principal, requested: string | undefined): string | undefined {
  if (principal.roles.includes('inspector')) return requested ?? principal.nip;
  const personal = principal.roles.includes('appraiser') || principal.roles.includes('employee');
  if (!personal || !principal.nip || (requested !== undefined && requested !== principal.nip)) throw forbidden('Appraisers list the SKPs that name them only');
  return principal.nip;
}
