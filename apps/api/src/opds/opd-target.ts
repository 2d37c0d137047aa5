import { OpdCommand, opdDecider, OpdEvent, OpdState, opdStream } from '@app/domain/opd';
import { UnitSubject } from '../auth/policies';
import { WriteTarget } from '../commands/write-target';

/** Every write to a unit lands on its own stream; the decider answers for a unit that is not there. */
export const opdTarget = (opdCode: string): WriteTarget<OpdState, OpdCommand, OpdEvent, UnitSubject> => ({
  stream: opdStream(opdCode),
  decider: opdDecider,
  id: opdCode,
  subject: () => ({ opdCode }),
});

export const newOpdTarget = (opdCode: string): WriteTarget<OpdState, OpdCommand, OpdEvent, UnitSubject> => ({
  ...opdTarget(opdCode),
  location: `/api/v1/opds/${opdCode}`,
});
