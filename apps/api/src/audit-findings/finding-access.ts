import { actsForOpd, Principal } from '../auth/principal';
import { problem, ProblemException } from '../http/problem';

const forbidden = (detail: string) => new ProblemException(problem(403, 'FORBIDDEN', detail));

/**
 * Which unit's findings the caller may read: the inspectorate any (or all, when `requested` is
 * absent), an OPD's operator and head only their own.
 */
export function readableOpd(principal: Principal, requested: string | undefined): string | undefined {
  if (principal.roles.includes('inspector')) return requested;
  if (!principal.opd || (requested !== undefined && requested !== principal.opd) || !actsForOpd(principal, principal.opd)) {
    throw forbidden('OPD roles see their own unit’s findings only');
  }
  return principal.opd;
}

export function requireMayRead(principal: Principal, findingOpd: string): void {
  if (!principal.roles.includes('inspector') && !actsForOpd(principal, findingOpd)) throw forbidden('This finding concerns another OPD');
}

/** Follow-ups and delay reasons come from the audited unit's operator, nobody else. */
export function requireMayFollowUp(principal: Principal, findingOpd: string): void {
  if (!actsForOpd(principal, findingOpd, ['opd_operator'])) throw forbidden('Only the operator of the audited OPD may answer this finding');
}
