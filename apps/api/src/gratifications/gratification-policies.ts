import { Policy } from '../auth/policies';
import { forbidden } from '../http/problem';
import { GratificationSubject } from './gratification-target';

/** A report is the reporter's own: only an employee whose token carries that NIP makes it. */
export const requireIsReporter: Policy<GratificationSubject> = (principal, { nip }) => {
  if (!principal.roles.includes('employee') || principal.nip !== nip) throw forbidden('Employees report the gifts they received themselves');
};

/** The UPG's steps: the route's role is the whole rule, for every unit's reports. */
export const requireIsUpg: Policy<GratificationSubject> = (principal) => {
  if (!principal.roles.includes('upg')) throw forbidden('Only the UPG may do this');
};
