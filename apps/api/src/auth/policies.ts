import { problem, ProblemException } from '../http/problem';
import { actsForOpd, Principal, Role } from './principal';

/**
 * Who may do what beyond the role a route names, in one place. Each policy throws the 403 the
 * caller answers; finer rules of one context (who may answer a finding) live with it.
 */
export function requireActsForOpd(principal: Principal, opdCode: string, roles: Role[]): void {
  if (!actsForOpd(principal, opdCode, roles)) throw forbidden(`Only the ${roles.join(' or ')} of ${opdCode} may do this`);
}

/** A unit's past states (`asOf`) are for the inspectorate and the unit itself. */
export function requireMayReadPastStates(principal: Principal, opdCode: string): void {
  if (!principal.roles.includes('inspector') && !actsForOpd(principal, opdCode)) {
    throw forbidden('Only the inspectorate and the unit itself may read its past states');
  }
}

export const forbidden = (detail: string) => new ProblemException(problem(403, 'FORBIDDEN', detail));
