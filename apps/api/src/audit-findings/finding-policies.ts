import { Policy, readableOpd, theRoleSuffices, UnitSubject } from '../auth/policies';
import { actsForOpd, Principal } from '../auth/principal';
import { forbidden } from '../http/problem';

/**
 * A finding is the inspectorate's record about one unit (docs/api.md, Audit findings): the
 * inspectorate records and assesses (the route's role is the whole rule), the audited unit's
 * operator answers, and the inspectorate and the audited unit read.
 */
export const mayRecordFinding = theRoleSuffices;
export const mayAssessFinding = theRoleSuffices;

/** Follow-ups and delay reasons come from the audited unit's operator, nobody else. */
export const mayAnswerFinding: Policy<UnitSubject> = (principal, finding) => {
  if (!actsForOpd(principal, finding.opdCode, ['opd_operator'])) throw forbidden('Only the operator of the audited OPD may answer this finding');
};

export const mayReadFinding: Policy<UnitSubject> = (principal, finding) => {
  if (!principal.roles.includes('inspector') && !actsForOpd(principal, finding.opdCode)) throw forbidden('This finding concerns another OPD');
};

/** Which unit's findings a list or summary shows (see readableOpd). */
export const readableFindingsOpd = (principal: Principal, requested: string | undefined) => readableOpd(principal, requested, 'findings');
