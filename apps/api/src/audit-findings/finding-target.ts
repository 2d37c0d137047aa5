import { AuditFindingCommand, auditFindingDecider, AuditFindingEvent, AuditFindingState, findingStream } from '@app/domain/audit-finding';
import { UnitSubject } from '../auth/policies';
import { WriteTarget } from '../commands/write-target';
import { notFound } from '../http/problem';

const FINDING_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const noSuchFinding = (id: string) => notFound(`No finding ${id}`);

/** `audit-findings/{id}`: an id the server gave out, or 404 without reading anything. */
export function findingId(parameter: string): string {
  if (!FINDING_ID.test(parameter)) throw noSuchFinding(parameter);
  return parameter;
}

/**
 * Every write to a finding lands on its own stream; the policies judge the audited unit, read
 * from the state the decision is made on (404 before any other check).
 */
export const findingTarget = (id: string): WriteTarget<AuditFindingState, AuditFindingCommand, AuditFindingEvent, UnitSubject> => ({
  stream: findingStream(id),
  decider: auditFindingDecider,
  id,
  subject: (state) => {
    if (state.status === 'NONE') throw noSuchFinding(id);
    return { opdCode: state.opdCode };
  },
});

/** A new finding: the unit it names is the subject; its id, from the request, is where it can be read. */
export const newFindingTarget = (id: string, opdCode: string): WriteTarget<AuditFindingState, AuditFindingCommand, AuditFindingEvent, UnitSubject> => ({
  ...findingTarget(id),
  location: `/api/v1/audit-findings/${id}`,
  subject: () => ({ opdCode }),
});
