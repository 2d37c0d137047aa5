import { Principal } from '../auth/principal';
import { actsForOpd } from '../auth/principal';
import { forbidden } from '../http/problem';

/** A survey's results while open, and its respondents' bands: the unit's own roles and the inspectorate. */
export function requireMayReadSurveys(principal: Principal, opdCode: string): void {
  if (!principal.roles.includes('inspector') && !actsForOpd(principal, opdCode)) {
    throw forbidden(`Only the inspectorate and the roles of ${opdCode} may read its surveys`);
  }
}
