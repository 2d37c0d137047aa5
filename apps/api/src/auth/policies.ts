import { forbidden } from '../http/problem';
import { actsForOpd, Principal, Role } from './principal';

/**
 * Who may act on what, as every slice states it: one rule per function in the slice's
 * `*-policies.ts`, judged on what the rule needs to know (a unit's code, an SKP's parties),
 * throwing the 403 the caller answers. The rules several slices share are here.
 */
export type Policy<Subject> = (principal: Principal, subject: Subject) => void;

/** What a unit-scoped rule needs to know: whose the resource is. */
export interface UnitSubject {
  opdCode: string;
}

/** For writes whose route's role is the whole rule (the admin's registry, the inspectorate's findings). */
export const theRoleSuffices: Policy<unknown> = () => undefined;

export const operatorOfTheUnit: Policy<UnitSubject> = (principal, { opdCode }) => requireActsForOpd(principal, opdCode, ['opd_operator']);

export const headOfTheUnit: Policy<UnitSubject> = (principal, { opdCode }) => requireActsForOpd(principal, opdCode, ['opd_head']);

/** A unit's past states (`asOf`) are for the inspectorate and the unit itself. */
export const mayReadPastStates: Policy<UnitSubject> = (principal, { opdCode }) => {
  if (!principal.roles.includes('inspector') && !actsForOpd(principal, opdCode)) {
    throw forbidden('Only the inspectorate and the unit itself may read its past states');
  }
};

function requireActsForOpd(principal: Principal, opdCode: string, roles: Role[]): void {
  if (!actsForOpd(principal, opdCode, roles)) throw forbidden(`Only the ${roles.join(' or ')} of ${opdCode} may do this`);
}

/**
 * Which unit's records a list shows: the inspectorate's choice (all units when it names none),
 * an OPD role's own unit only. `what` names the records in the refusal.
 */
export function readableOpd(principal: Principal, requested: string | undefined, what: string): string | undefined {
  if (principal.roles.includes('inspector')) return requested;
  if (!principal.opd || (requested !== undefined && requested !== principal.opd) || !actsForOpd(principal, principal.opd)) {
    throw forbidden(`OPD roles see their own unit’s ${what} only`);
  }
  return principal.opd;
}
